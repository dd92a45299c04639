import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { EncodingStatus, VideoStatus } from '../../../src/domain/types';
import { VidmeshError } from '../../../src/errors';
import type { ZiggeoVideoRecord } from '../../../src/providers/ziggeo';
import { PROCESSING_MS, readAll, sha256, startZiggeoStack, streamOf, type ZiggeoStack } from './stack';

const code = (error: unknown) => (error instanceof VidmeshError ? error.code : String(error));

describe('ZiggeoDatasource ↔ emulator: videos (ziggeo spec §5.1)', () => {
  let s: ZiggeoStack;
  before(async () => {
    s = await startZiggeoStack();
  });
  after(() => s.close());
  beforeEach(() => s.emulator.log.clear());

  const app = () => s.emulator.store.app(s.account.token);
  const now = () => s.emulator.clock.now().getTime();

  it('lists newest first, one index call per 100, slices that join up', async () => {
    const first = await s.ds.listVideos({ offset: 0, count: 10 });
    const second = await s.ds.listVideos({ offset: 10, count: 10 });
    const both = await s.ds.listVideos({ offset: 0, count: 20 });
    assert.deepEqual(
      [...first, ...second].map((v) => v.nativeId),
      both.map((v) => v.nativeId),
    );
    const created = both.map((v) => v.createdAt!.getTime());
    assert.deepEqual(
      created,
      [...created].sort((a, b) => b - a),
    );
    assert.equal(s.calls((e) => e.path === '/v1/videos/').length, 3);
    s.emulator.log.clear();
    const all = await s.ds.listVideos({ offset: 0, count: 150 });
    assert.equal(all.length, app().videos.size);
    assert.equal(s.calls((e) => e.path === '/v1/videos/').length, 2, 'count 150 = two calls of ≤ 100');
  });

  it('filters by normalized status natively, with the raw state kept', async () => {
    for (const status of [VideoStatus.READY, VideoStatus.PROCESSING, VideoStatus.FAILED, VideoStatus.PENDING, VideoStatus.UPLOADING]) {
      const videos = await s.ds.listVideos({ offset: 0, count: 100, status });
      assert.ok(videos.length > 0, `demo data has ${status} videos`);
      assert.ok(videos.every((v) => v.status === status));
      assert.equal(videos.length, [...app().videos.values()].filter((v) => s.emulator.store.videoState(v, now()) === videos[0]!.rawStatus).length);
    }
    assert.deepEqual(await s.ds.listVideos({ offset: 0, count: 10, status: VideoStatus.UNKNOWN }), []);
  });

  it('counts with states and tags, and pages with the native arguments', async () => {
    const ready = [...app().videos.values()].filter((v) => s.emulator.store.videoState(v, now()) === 'READY');
    assert.equal(await s.ds.countVideos({ states: ['ready'] }), ready.length);
    const tagged = [...app().videos.values()].filter((v) => v.tags?.includes('support'));
    assert.equal(await s.ds.countVideos({ tags: ['support'] }), tagged.length);
    const page = await s.ds.listVideosPage({ limit: 3, skip: 1, tags: ['support'] });
    assert.deepEqual(
      page.map((v) => v.nativeId),
      tagged
        .sort((a, b) => a.created - b.created)
        .slice(1, 4)
        .map((v) => v.token),
    );
    await assert.rejects(s.ds.listVideosPage({ limit: 101 }), (e) => code(e) === 'BAD_USER_INPUT');
    await assert.rejects(s.ds.countVideos({ states: ['SIDEWAYS'] }), (e) => code(e) === 'PROVIDER_REJECTED' && /unknown state/.test((e as Error).message));
  });

  it('gets one video by token or key, and many in one get_bulk with errors in place', async () => {
    const [a, b] = [...app().videos.values()];
    const byKey = await s.ds.getVideo('demo-1');
    assert.equal(byKey.key, 'demo-1');
    assert.equal(byKey.title, 'demo-1');
    s.emulator.log.clear();
    const got = await s.ds.getVideos([a!.token, 'nope', 'demo-1', 'bad/id', b!.token]);
    assert.equal((got[0] as ZiggeoVideoRecord).nativeId, a!.token);
    assert.equal(code(got[1]), 'NOT_FOUND');
    assert.equal((got[2] as ZiggeoVideoRecord).key, 'demo-1');
    assert.equal(code(got[3]), 'BAD_USER_INPUT');
    assert.equal((got[4] as ZiggeoVideoRecord).nativeId, b!.token);
    assert.deepEqual(
      s.calls().map((e) => `${e.method} ${e.path}`),
      ['POST /v1/videos/get_bulk'],
    );
    const encodings = await s.ds.getEncodingsByVideo([a!.token, b!.token]);
    assert.deepEqual(
      (encodings[0] as { nativeId: string }[]).map((e) => e.nativeId),
      a!.streams.map((x) => `${a!.token}/${x.token}`),
    );
    assert.equal(s.calls().length, 2, 'streams come with the bulk read');
    await assert.rejects(s.ds.getVideo('missing'), (e) => code(e) === 'NOT_FOUND' && /Not Found \(HTTP 404\)/.test((e as Error).message));
  });

  it('reads streams as encodings by video/stream id, with their status normalized', async () => {
    const video = [...app().videos.values()].find((v) => v.streams.length > 1)!;
    const ids = video.streams.map((x) => `${video.token}/${x.token}`);
    s.emulator.log.clear();
    const got = await s.ds.getEncodings([...ids, `${video.token}/nope`, 'not-a-stream-id']);
    assert.equal(s.calls().length, 1);
    got.slice(0, ids.length).forEach((e, i) => {
      assert.ok(!(e instanceof Error));
      assert.equal(e.videoNativeId, video.token);
      assert.equal(e.rawStatus, s.emulator.store.streamState(video.streams[i]!, now()));
      assert.equal(e.isDefault, video.defaultStream === video.streams[i]!.token);
    });
    assert.equal(code(got[ids.length]), 'NOT_FOUND');
    assert.equal(code(got[ids.length + 1]), 'BAD_USER_INPUT');
    assert.deepEqual(await s.ds.listProfiles(), []);
    assert.equal(code((await s.ds.getProfiles(['x']))[0]), 'UNSUPPORTED_BY_PROVIDER');
  });

  it('downloads video and image as streams with their content type', async () => {
    const video = [...app().videos.values()].find((v) => s.emulator.store.videoState(v, now()) === 'READY')!;
    const main = s.emulator.store.mainStream(video)!;
    const download = await s.ds.downloadVideo(video.token);
    assert.equal(download.contentType, 'video/mp4');
    assert.equal(download.contentLength, main.video!.size);
    const bytes = await readAll(download);
    assert.equal(sha256(bytes), sha256(await readAll({ status: 200, body: main.video!.open(), contentType: '', contentLength: null, contentRange: null })));
    const image = await s.ds.downloadVideoImage(video.token);
    assert.equal(image.contentType, 'image/jpeg');
    const jpeg = await readAll(image);
    assert.deepEqual([jpeg[0], jpeg[1], jpeg.at(-2), jpeg.at(-1)], [0xff, 0xd8, 0xff, 0xd9]);
    const empty = [...app().videos.values()].find((v) => s.emulator.store.videoState(v, now()) === 'EMPTY')!;
    await assert.rejects(s.ds.downloadVideo(empty.token), (e) => code(e) === 'NOT_FOUND');
    await assert.rejects(s.ds.downloadVideoImage('missing'), (e) => code(e) === 'NOT_FOUND');
  });

  it('creates videos: empty, with a streamed file (1.17 multipart), and by the 2.30 signed upload', async () => {
    const empty = await s.ds.createVideo({ key: 'created-empty', tags: ['new', 'x'], maxDuration: 60, volatile: true });
    assert.equal(empty.status, VideoStatus.PENDING);
    assert.equal(empty.rawStatus, 'EMPTY');
    assert.deepEqual(empty.tags, ['new', 'x']);
    assert.equal(empty.maxDuration, 60);
    const file = streamOf(3 * 1024 * 1024 + 17, 'one');
    const video = await s.ds.createVideo({ key: 'created-file', file: { body: file.body, name: 'clip.mp4', size: 3 * 1024 * 1024 + 17 } });
    assert.equal(video.status, VideoStatus.PROCESSING);
    assert.equal(video.streams[0]!.status, EncodingStatus.PROCESSING);
    s.emulator.clock.advance(PROCESSING_MS);
    const ready = await s.ds.getVideo('created-file');
    assert.equal(ready.status, VideoStatus.READY);
    assert.equal(ready.fileSize, 3 * 1024 * 1024 + 17);
    assert.equal(sha256(await readAll(await s.ds.downloadVideo('created-file'))), file.sha256(), 'spooled upload downloads intact');
    s.emulator.log.clear();
    const bytes = Buffer.from('\x00\x00\x00\x18ftypmp42--boundary?\r\n\xff', 'latin1');
    const signed = await s.ds230.createVideo({ key: 'created-230', file: { body: bytes, name: 'dir/take two.webm', size: bytes.length } });
    assert.deepEqual(
      s.calls().map((e) => `${e.method} ${e.path.replace(/[0-9a-f]{32}/g, 'T')}`),
      ['POST /v1/videos-upload-url', 'POST /s3/ziggeo-upload-bucket/', 'POST /v1/videos/T/streams/T/confirm-video', 'GET /v1/videos/T'],
    );
    assert.equal(signed.status, VideoStatus.PROCESSING);
    assert.equal(signed.streams[0]!.videoType, 'webm');
    const download = await s.ds230.downloadVideo('created-230');
    assert.equal(download.contentType, 'video/webm');
    assert.deepEqual(await readAll(download), bytes);
  });

  it('refuses a file whose length differs from its announced size, sending nothing that sticks', async () => {
    const before = app().videos.size;
    await assert.rejects(s.ds.createVideo({ file: { body: Buffer.from('abc'), name: 'a.mp4', size: 4 } }), (e) => code(e) === 'BAD_USER_INPUT');
    const short = streamOf(1000);
    await assert.rejects(s.ds.createVideo({ file: { body: short.body, name: 'a.mp4', size: 2000 } }), (e) => code(e) === 'BAD_USER_INPUT' || code(e) === 'PROVIDER_UNAVAILABLE');
    assert.equal(app().videos.size, before);
  });

  it('updates, pushes and deletes, with provider errors mapped', async () => {
    const target = [...app().videos.values()][3]!;
    const updated = await s.ds.updateVideo(target.token, { key: 'renamed', tags: ['a', 'b'], volatile: true, expirationDays: 30, minDuration: 2, approved: true });
    assert.deepEqual([updated.key, updated.tags, updated.volatile, updated.expirationDays, updated.minDuration, updated.approved], ['renamed', ['a', 'b'], true, 30, 2, 'true']);
    assert.equal((await s.ds.updateVideo('renamed', { expirationDays: null, tags: null })).expirationDays, null);
    assert.equal(target.tags, null);
    s.emulator.log.clear();
    await assert.rejects(s.ds.updateVideo('renamed', {}), (e) => code(e) === 'BAD_USER_INPUT');
    await assert.rejects(s.ds.updateVideo('renamed', { tags: ['a,b'] }), (e) => code(e) === 'BAD_USER_INPUT');
    await assert.rejects(s.ds.updateVideo('renamed', { key: 'bad key' }), (e) => code(e) === 'BAD_USER_INPUT');
    assert.equal(s.calls().length, 0, 'bad input is refused before any call');
    await assert.rejects(s.ds.updateVideo('renamed', { key: 'demo-1' }), (e) => code(e) === 'PROVIDER_REJECTED' && /already in use/.test((e as Error).message));
    assert.equal(target.key, 'renamed', 'a rejected update changes nothing');
    await s.ds.pushVideoToService('renamed', 'c0ffee0000000000c0ffee0000000000');
    assert.deepEqual(target.pushes, ['c0ffee0000000000c0ffee0000000000']);
    await s.ds.deleteVideo('renamed');
    assert.equal(app().videos.has(target.token), false);
    await assert.rejects(s.ds.deleteVideo(target.token), (e) => code(e) === 'NOT_FOUND');
    assert.equal(s.calls((e) => e.method === 'DELETE').length, 2, 'deletes are tunnelled POSTs, logged as DELETE');
  });

  it('maps a wrong private key to PROVIDER_AUTH_FAILED and transport faults to PROVIDER_UNAVAILABLE', async () => {
    const wrong = s.datasource({ privateKey: `${s.account.privateKey.slice(0, -1)}0` });
    await assert.rejects(wrong.getVideo('demo-1'), (e) => code(e) === 'PROVIDER_AUTH_FAILED' && /HTTP 401/.test((e as Error).message));
    await assert.rejects(wrong.downloadVideo('demo-1'), (e) => code(e) === 'PROVIDER_AUTH_FAILED');
    s.emulator.injectFault({ kind: 'status', status: 503, times: 1 });
    await assert.rejects(s.ds.getVideo('demo-1'), (e) => code(e) === 'PROVIDER_UNAVAILABLE');
    assert.equal((await s.ds.getVideo('demo-1')).key, 'demo-1', 'the fault was used up');
    s.emulator.injectFault({ kind: 'malformed', times: 1 });
    await assert.rejects(s.ds.getVideo('demo-1'), (e) => code(e) === 'PROVIDER_UNAVAILABLE' && /malformed JSON/.test((e as Error).message));
    s.emulator.injectFault({ kind: 'reset', times: 1 });
    await assert.rejects(s.ds.getVideo('demo-1'), (e) => code(e) === 'PROVIDER_UNAVAILABLE');
    s.emulator.injectFault({ kind: 'status', status: 413, times: 1, body: '{"error":"file too large"}' });
    await assert.rejects(s.ds.createVideo(), (e) => code(e) === 'UPLOAD_TOO_LARGE' && /file too large/.test((e as Error).message));
    assert.doesNotMatch(JSON.stringify(await s.ds.getVideo('demo-1').catch((e: Error) => e.message)), new RegExp(s.account.privateKey));
  });
});
