import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { decryptClientAuthToken } from '../../../src/providers/ziggeo';
import { EncodingStatus } from '../../../src/domain/types';
import { VidmeshError } from '../../../src/errors';
import { fixtureBytes } from '../../emulators/ziggeo/fixtures';
import { PROCESSING_MS, readAll, startZiggeoStack, type ZiggeoStack } from './stack';

const code = (error: unknown) => (error instanceof VidmeshError ? error.code : String(error));

describe('ZiggeoDatasource ↔ emulator: streams and auth tokens (ziggeo spec §5.2, §5.3, §8)', () => {
  let s: ZiggeoStack;
  before(async () => {
    s = await startZiggeoStack();
  });
  after(() => s.close());
  beforeEach(() => s.emulator.log.clear());

  const app = () => s.emulator.store.app(s.account.token);
  const png = fixtureBytes('cover.png');
  const mp4 = fixtureBytes('video.mp4');

  for (const dialect of ['1.17', '2.30'] as const) {
    it(`${dialect}: creates a stream, attaches image then video, binds, downloads and deletes it`, async () => {
      const ds = dialect === '1.17' ? s.ds : s.ds230;
      const video = await ds.createVideo({ key: `streams-${dialect.replace('.', '')}` });
      const first = video.streams[0]!;
      const stream = await ds.createStream(video.token);
      assert.equal(stream.status, EncodingStatus.QUEUED);
      assert.equal(stream.rawStatus, 'EMPTY');
      assert.equal(stream.nativeId, `${video.token}/${stream.token}`);
      assert.equal(stream.isDefault, null, 'unknown without the video');
      const withImage = await ds.attachStreamImage(video.token, stream.token, { body: png, name: 'fixtures/cover.png', size: png.length });
      assert.equal(withImage.hasImage, true);
      assert.equal(withImage.imageSize, png.length);
      const image = await ds.downloadStreamImage(video.token, stream.token);
      assert.equal(image.contentType, 'image/png');
      assert.deepEqual(await readAll(image), png);
      const withVideo = await ds.attachStreamVideo(video.token, stream.token, { body: mp4, name: 'video.mp4', size: mp4.length });
      assert.equal(withVideo.status, EncodingStatus.PROCESSING);
      assert.equal((await ds.getVideo(video.token)).defaultStreamToken, stream.token, 'a video upload binds the stream');
      s.emulator.clock.advance(PROCESSING_MS);
      const ready = await ds.getStream(video.token, stream.token);
      assert.equal(ready.status, EncodingStatus.READY);
      assert.equal(ready.progress, 100);
      const download = await ds.downloadStreamVideo(video.token, stream.token);
      assert.equal(download.contentType, 'video/mp4');
      assert.deepEqual(await readAll(download), mp4);
      const bound = await ds.bindStream(video.token, first.token);
      assert.equal(bound.token, first.token);
      assert.equal((await ds.getVideo(video.token)).defaultStreamToken, first.token);
      assert.deepEqual(
        (await ds.listStreams(video.token)).map((x) => x.token),
        [first.token, stream.token],
      );
      assert.deepEqual(
        (await ds.listStreams(video.token, ['READY'])).map((x) => x.token),
        [stream.token],
      );
      await ds.pushStreamToService(video.token, stream.token, 'c0ffee0000000000c0ffee0000000000');
      assert.deepEqual(app().videos.get(video.token)!.streams[1]!.pushes, ['c0ffee0000000000c0ffee0000000000']);
      await ds.deleteEncoding(`${video.token}/${stream.token}`);
      await assert.rejects(ds.getStream(video.token, stream.token), (e) => code(e) === 'NOT_FOUND');
      await assert.rejects(ds.deleteStream(video.token, stream.token), (e) => code(e) === 'NOT_FOUND');
    });
  }

  it('2.30: a stream created with its file takes the three-step upload', async () => {
    const video = await s.ds230.createVideo();
    s.emulator.log.clear();
    const stream = await s.ds230.createStream(video.token, { body: mp4, name: 'again.mp4', size: mp4.length });
    assert.equal(stream.status, EncodingStatus.PROCESSING);
    assert.deepEqual(
      s.calls().map((e) => e.path.replace(/[0-9a-f]{32}/g, 'T')),
      ['/v1/videos/T/streams-upload-url', '/s3/ziggeo-upload-bucket/', '/v1/videos/T/streams/T/confirm-video'],
    );
    assert.equal(s.calls()[1]!.account, null, 'the S3-like leg is unauthenticated');
  });

  it('refuses stream calls on unknown ids and bad input', async () => {
    await assert.rejects(s.ds.getStream('missing', 'x'), (e) => code(e) === 'NOT_FOUND');
    await assert.rejects(s.ds.listStreams('missing'), (e) => code(e) === 'NOT_FOUND');
    await assert.rejects(s.ds.downloadStreamVideo('missing', 'x'), (e) => code(e) === 'NOT_FOUND');
    await assert.rejects(s.ds.attachStreamVideo('a?b', 'x', { body: mp4, name: 'v.mp4', size: mp4.length }), (e) => code(e) === 'BAD_USER_INPUT');
    await assert.rejects(s.ds.deleteEncoding('no-slash'), (e) => code(e) === 'BAD_USER_INPUT');
    const video = [...app().videos.values()][0]!;
    await assert.rejects(s.ds.listStreams(video.token, ['nonsense']), (e) => code(e) === 'PROVIDER_REJECTED');
    assert.equal(s.calls((e) => e.status === 200).length, 0);
  });

  it('creates, reads, updates and deletes auth tokens', async () => {
    const created = await s.ds.createAuthToken({ grants: { read: 'all' }, sessionLimit: 10, usageExpirationTime: 3600, expiresAt: new Date('2025-01-01T00:00:00Z'), hidden: true });
    assert.match(created.token, /^[0-9a-f]{32}$/);
    assert.equal(created.grants, '{"read":"all"}');
    assert.equal(created.expiresAt?.toISOString(), '2025-01-01T00:00:00.000Z');
    assert.deepEqual([created.sessionLimit, created.usageExpirationTime, created.hidden, created.volatile], [10, 3600, true, false]);
    assert.deepEqual(app().authTokens.get(created.token)!.grants, { read: 'all' });
    const read = await s.ds.getAuthToken(created.token);
    assert.equal(read.nativeId, created.token);
    const updated = await s.ds.updateAuthToken(created.token, { sessionLimit: 1, grants: '{"create": "all"}' });
    assert.equal(updated.sessionLimit, 1);
    assert.equal(updated.grants, '{"create":"all"}');
    await s.ds.deleteAuthToken(created.token);
    await assert.rejects(s.ds.getAuthToken(created.token), (e) => code(e) === 'NOT_FOUND');
    await assert.rejects(s.ds.deleteAuthToken(created.token), (e) => code(e) === 'NOT_FOUND');
    await assert.rejects(s.ds.createAuthToken({ grants: '{not json' }), (e) => code(e) === 'BAD_USER_INPUT');
    await assert.rejects(s.ds.updateAuthToken('x', {}), (e) => code(e) === 'BAD_USER_INPUT');
    await assert.rejects(s.ds.createAuthToken({ sessionLimit: -1 }), (e) => code(e) === 'BAD_USER_INPUT');
  });

  it('generates client auth tokens locally that the application key decrypts', () => {
    const before = s.emulator.log.entries.length;
    const generated = s.ds.generateClientAuthToken({ grants: { read: 'all' } });
    const opened = decryptClientAuthToken(generated.token, s.account.encryptionKey!);
    assert.deepEqual((opened?.options as Record<string, unknown>).application_token, s.account.token);
    assert.equal(s.emulator.log.entries.length, before, 'no HTTP call');
    const bare = s.datasource({ encryptionKey: undefined });
    assert.throws(
      () => bare.generateClientAuthToken(),
      (e) => code(e) === 'BAD_USER_INPUT',
    );
  });
});
