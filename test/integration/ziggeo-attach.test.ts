import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { request } from 'undici';
import { toGlobalId } from '../../src/domain/ids';
import type { StoredStream, StoredVideo } from '../../emulators/ziggeo';
import {
  AttachZiggeoStreamImageDocument,
  AttachZiggeoStreamVideoDocument,
  CreateZiggeoStreamDocument,
  CreateZiggeoStreamWithFileDocument,
  UploadSessionDocument,
  ZiggeoDownloadUrlsDocument,
} from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { eventually, sendMultipart, sha256, spoolDirs, testBytes, type MultipartOptions } from '../uploads/support';
import { codeOf, startZiggeoGateway, ziggeoAccount, type ZiggeoGatewayStack } from './ziggeo-gateway';

const MiB = 1024 * 1024;
const MAX = 2 * MiB;

/** Ziggeo stream media through the gateway's multipart endpoint (ziggeo spec §3.4, §5.2; issue 5). */
describe('ziggeo stream media uploads through the gateway', () => {
  let stack: ZiggeoGatewayStack;
  const url = () => stack.gql.gateway.url;
  const calls = () => stack.emulator.log.entries.map((e) => `${e.method} ${e.path} ${e.status}`);
  const videos = (): StoredVideo[] => [...stack.emulator.store.app(stack.app.token).videos.values()];
  const fileOf = (name: string, bytes: Buffer, contentType: string) => [{ path: 'variables.file', name, bytes, contentType }];

  const attachImage = (id: string, bytes: Buffer, extra: { fileSize?: number | null; uploadId?: string } = {}, options?: MultipartOptions) =>
    sendMultipart(url(), AttachZiggeoStreamImageDocument, { id, file: null, ...extra }, fileOf('cover.png', bytes, 'image/png'), options);
  const attachVideo = (id: string, bytes: Buffer, extra: { fileSize?: number | null; uploadId?: string } = {}, options?: MultipartOptions) =>
    sendMultipart(url(), AttachZiggeoStreamVideoDocument, { id, file: null, ...extra }, fileOf('take-2.webm', bytes, 'video/webm'), options);

  /** A fresh empty stream on a demo video, made through the gateway (JSON). */
  async function emptyStream(): Promise<{ video: StoredVideo; stream: StoredStream; id: string }> {
    const video = videos().find((v) => v.streams.length === 1)!;
    const created = dataOf(await stack.gql.exec(CreateZiggeoStreamDocument, { video: toGlobalId('ZiggeoVideo', 'zig', video.token) })).createZiggeoStream!.stream;
    const stream = video.streams.find((s) => s.token === created.token)!;
    stack.emulator.log.clear();
    return { video, stream, id: created.id };
  }

  async function download(target: string): Promise<{ status: number; type: unknown; body: Buffer }> {
    const response = await request(target);
    return { status: response.statusCode, type: response.headers['content-type'], body: Buffer.from(await response.body.arrayBuffer()) };
  }

  async function uploadBytesMetric(): Promise<number> {
    const text = await (await request(url().replace('/graphql', '/metrics'))).body.text();
    return Number(/vidmesh_upload_bytes_total\{account="zig"\} (\d+)/.exec(text)?.[1] ?? 0);
  }

  before(async () => {
    stack = await startZiggeoGateway({
      extraAccounts: (baseUrl, app) => [
        ziggeoAccount(app, baseUrl, { id: 'zig-badkey', privateKey: '0'.repeat(32) }),
        ziggeoAccount(app, baseUrl, { id: 'zig-cold' }),
        { id: 'panda', provider: 'panda', baseUrl: 'http://127.0.0.1:9', cloudId: 'c', accessKey: 'a', secretKey: 's' },
      ],
      config: { server: { host: '127.0.0.1', port: 0, maxUploadBytes: MAX } },
    });
  });
  after(() => stack.close());
  beforeEach(() => stack.emulator.log.clear());

  describe('attach and create', () => {
    it('attaches an image, then a video; Ziggeo stores both byte for byte and the gateway serves them back', async () => {
      const { video, stream, id } = await emptyStream();
      const metricBefore = await uploadBytesMetric();
      const image = testBytes(70_001, 11);
      const withImage = dataOf(await attachImage(id, image)).attachZiggeoStreamImage!;
      assert.equal(withImage.stream.id, id);
      assert.equal(withImage.stream.hasImage, true);
      assert.equal(withImage.stream.imageSize, image.length);
      assert.equal(withImage.stream.hasVideo, false);
      assert.deepEqual(calls(), [`POST /v1/videos/${video.token}/streams/${stream.token}/image 200`], 'one streamed multipart POST');
      assert.equal(stream.image?.sha256, sha256(image));
      assert.equal(stream.image?.contentType, 'image/png');

      stack.emulator.log.clear();
      const media = testBytes(MiB + 4321, 12);
      const withVideo = dataOf(await attachVideo(id, media, { fileSize: media.length, uploadId: 'attach-video-1' })).attachZiggeoStreamVideo!;
      assert.deepEqual(calls(), [`POST /v1/videos/${video.token}/streams/${stream.token}/video 200`, `GET /v1/videos/${video.token} 200`]);
      assert.equal(stream.video?.sha256, sha256(media));
      assert.equal(stream.video?.size, media.length);
      assert.equal(stream.videoType, 'webm');
      assert.equal(withVideo.stream.hasVideo, true);
      assert.equal(withVideo.stream.videoSize, media.length);
      assert.equal(withVideo.stream.rawStatus, 'PROCESSING');
      assert.equal(video.defaultStream, stream.token, 'the attached video makes the stream the default');
      assert.ok(withVideo.stream.video && 'defaultStreamToken' in withVideo.stream.video && withVideo.stream.video.defaultStreamToken === stream.token, 'the video is read afresh');
      const upload = withVideo.upload!;
      assert.deepEqual(
        {
          id: upload.id,
          account: upload.account,
          fileName: upload.fileName,
          state: upload.state,
          sent: upload.bytesSent,
          received: upload.bytesReceived,
          total: upload.bytesTotal,
        },
        { id: 'attach-video-1', account: 'zig', fileName: 'take-2.webm', state: 'COMPLETED', sent: media.length, received: media.length, total: media.length },
      );
      assert.equal(upload.video?.id, toGlobalId('ZiggeoVideo', 'zig', video.token));
      assert.ok((await uploadBytesMetric()) - metricBefore >= image.length + media.length, 'upload bytes in the metrics');

      const urls = dataOf(await stack.gql.exec(ZiggeoDownloadUrlsDocument, { account: 'zig', tokenOrKey: video.token })).ziggeoVideo;
      const links = urls.streams.find((s) => s.id === id)!;
      const gotVideo = await download(links.videoDownloadUrl);
      assert.equal(gotVideo.status, 200);
      assert.equal(gotVideo.type, 'video/webm');
      assert.equal(sha256(gotVideo.body), sha256(media));
      const gotImage = await download(links.imageDownloadUrl);
      assert.equal(gotImage.status, 200);
      assert.equal(gotImage.type, 'image/png');
      assert.equal(sha256(gotImage.body), sha256(image));
    });

    it('creates a stream with a file: spooled (no size declared), sent in one request, the spool removed', async () => {
      const video = videos().find((v) => v.streams.length === 1)!;
      const videoId = toGlobalId('ZiggeoVideo', 'zig', video.token);
      const before = spoolDirs();
      const bytes = testBytes(MiB + 99, 13);
      const result = dataOf(await sendMultipart(url(), CreateZiggeoStreamWithFileDocument, { video: videoId, file: null }, fileOf('again.mp4', bytes, 'video/mp4')));
      const created = result.createZiggeoStream!;
      assert.deepEqual(calls(), [`POST /v1/videos/${video.token}/streams 200`, `GET /v1/videos/${video.token} 200`], 'one streamed multipart POST, then the video read afresh');
      assert.equal(video.streams.length, 2);
      const stored = video.streams.find((s) => s.token === created.stream.token)!;
      assert.equal(stored.video?.sha256, sha256(bytes));
      assert.equal(created.stream.hasVideo, true);
      assert.equal(created.stream.videoSize, bytes.length);
      assert.equal(created.stream.video.id, videoId);
      assert.ok('defaultStreamToken' in created.stream.video && created.stream.video.defaultStreamToken === stored.token);
      assert.equal(created.upload?.state, 'COMPLETED');
      assert.equal(created.upload?.bytesTotal, bytes.length);
      await eventually(() => spoolDirs().filter((d) => !before.includes(d)).length === 0);
    });

    it('creates an empty stream through the same mutation when no file is given', async () => {
      const video = videos().find((v) => v.streams.length === 1)!;
      const result = dataOf(await stack.gql.exec(CreateZiggeoStreamWithFileDocument, { video: toGlobalId('ZiggeoVideo', 'zig', video.token) })).createZiggeoStream!;
      assert.equal(result.stream.hasVideo, false);
      assert.equal(result.upload, null);
      assert.deepEqual(calls(), [`POST /v1/videos/${video.token}/streams 200`, `GET /v1/videos/${video.token} 200`]);
    });
  });

  describe('bad input', () => {
    it('refuses ids that are not Ziggeo streams, and other providers’ ids, before anything is sent', async () => {
      const video = videos()[0]!;
      const bytes = testBytes(1000, 14);
      const bad = [
        ['BAD_USER_INPUT', await attachImage('not an id', bytes)],
        ['BAD_USER_INPUT', await attachImage(toGlobalId('ZiggeoVideo', 'zig', video.token), bytes)],
        ['BAD_USER_INPUT', await attachVideo(toGlobalId('ZiggeoStream', 'zig', video.token), bytes)],
        ['BAD_USER_INPUT', await attachVideo(toGlobalId('PandaVideo', 'panda', 'abc'), bytes)],
        ['NOT_FOUND', await attachImage(toGlobalId('ZiggeoStream', 'panda', `${video.token}/x`), bytes)],
        ['NOT_FOUND', await attachImage(toGlobalId('ZiggeoStream', 'nope', `${video.token}/x`), bytes)],
        ['BAD_USER_INPUT', await attachVideo(toGlobalId('ZiggeoStream', 'zig', `${video.token}/a?b=c`), bytes)],
        [
          'BAD_USER_INPUT',
          await sendMultipart(url(), CreateZiggeoStreamWithFileDocument, { video: toGlobalId('PandaVideo', 'panda', 'abc'), file: null }, fileOf('a.mp4', bytes, 'video/mp4')),
        ],
      ] as const;
      for (const [code, result] of bad) assert.equal(codeOf(result), code, JSON.stringify(result.errors));
      assert.deepEqual(calls(), [], 'nothing reached Ziggeo');
    });

    it('refuses a missing or empty file, a size without a file and a bad uploadId', async () => {
      const { stream, id } = await emptyStream();
      const video = toGlobalId('ZiggeoVideo', 'zig', stream.videoToken);
      const results = [
        await sendMultipart(url(), AttachZiggeoStreamImageDocument, { id, file: null }, []),
        await stack.gql.raw(JSON.stringify({ query: 'mutation ($id: ID!) { attachZiggeoStreamVideo(id: $id) { stream { id } } }', variables: { id } })),
        await stack.gql.raw(
          JSON.stringify({ query: 'mutation ($id: ID!, $f: Upload!) { attachZiggeoStreamVideo(id: $id, file: $f) { stream { id } } }', variables: { id, f: 'x' } }),
        ),
        await attachImage(id, Buffer.alloc(0)),
        await attachImage(id, testBytes(100), { fileSize: 0 }),
        await attachImage(id, testBytes(100), { uploadId: 'x' }),
        await stack.gql.exec(CreateZiggeoStreamWithFileDocument, { video, fileSize: 100 }),
      ];
      for (const result of results) assert.equal(codeOf(result), 'BAD_USER_INPUT', JSON.stringify(result.errors));
      assert.deepEqual(calls(), []);
      assert.equal(stream.image, null);
    });

    it('cuts an oversized file off as it streams: UPLOAD_TOO_LARGE, nothing upstream, no spool left', async () => {
      const { video, stream, id } = await emptyStream();
      const before = spoolDirs();
      const spooled = await attachVideo(id, testBytes(MAX + MiB, 15));
      assert.equal(codeOf(spooled), 'UPLOAD_TOO_LARGE');
      const declared = await attachImage(id, testBytes(1000, 16), { fileSize: MAX + 1 });
      assert.equal(codeOf(declared), 'UPLOAD_TOO_LARGE');
      const created = await sendMultipart(
        url(),
        CreateZiggeoStreamWithFileDocument,
        { video: toGlobalId('ZiggeoVideo', 'zig', video.token), file: null },
        fileOf('big.mp4', testBytes(MAX + 1, 17), 'video/mp4'),
      );
      assert.equal(codeOf(created), 'UPLOAD_TOO_LARGE');
      assert.deepEqual(calls(), [], 'no upstream write');
      assert.equal(stream.video, null);
      assert.equal(video.streams.length, 2, 'no stream was created');
      await eventually(() => spoolDirs().filter((d) => !before.includes(d)).length === 0);
    });

    it('refuses a file longer than its declared size, leaving the stream as it was', async () => {
      const { stream, id } = await emptyStream();
      const result = await attachImage(id, testBytes(50_000, 18), { fileSize: 1000 });
      assert.equal(codeOf(result), 'BAD_USER_INPUT');
      assert.equal(stream.image, null);
    });

    it('survives a file longer than its declared size that fails before the upstream request reads it', async () => {
      // `zig-cold` has no open upstream connection yet: the count fails while the gateway connects
      const { stream } = await emptyStream();
      const id = toGlobalId('ZiggeoStream', 'zig-cold', `${stream.videoToken}/${stream.token}`);
      const result = await attachImage(id, testBytes(200_000, 23), { fileSize: 1000 }, { writeBytes: 4 * MiB });
      assert.equal(codeOf(result), 'BAD_USER_INPUT');
      assert.equal(stream.image, null);
      const next = await attachImage(toGlobalId('ZiggeoStream', 'zig', `${stream.videoToken}/${stream.token}`), testBytes(1000, 24), { fileSize: 1000 });
      assert.equal(next.data?.attachZiggeoStreamImage?.stream.imageSize, 1000, 'the gateway still answers');
    });

    it('a client gone mid-upload leaves the stream as it was', async () => {
      const { stream, id } = await emptyStream();
      const result = await attachVideo(id, testBytes(MiB + 500_000, 25), { fileSize: MiB + 500_000 }, { writeBytes: 64 * 1024, abortAfterBytes: 700_000 });
      assert.equal(result.aborted, true);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(stream.video, null);
      assert.equal(stream.uploading, false);
      const next = await attachImage(id, testBytes(1000, 26), { fileSize: 1000 });
      assert.equal(next.data?.attachZiggeoStreamImage?.stream.imageSize, 1000, 'the gateway still answers');
    });

    it('refuses a multipart request without a CSRF preflight header, nothing upstream', async () => {
      const { stream, id } = await emptyStream();
      const result = await attachImage(id, testBytes(1000, 19), {}, { headers: { 'apollo-require-preflight': '' } });
      assert.equal(result.status, 400);
      assert.equal(codeOf(result), 'BAD_USER_INPUT');
      assert.match(result.errors?.[0]?.message ?? '', /CSRF/);
      assert.deepEqual(calls(), []);
      assert.equal(stream.image, null);
    });
  });

  describe('provider errors', () => {
    it('an unknown stream is NOT_FOUND from Ziggeo, the spool removed, the upload session FAILED', async () => {
      const video = videos()[0]!;
      const before = spoolDirs();
      const result = await attachImage(toGlobalId('ZiggeoStream', 'zig', `${video.token}/${'f'.repeat(32)}`), testBytes(5000, 20), { uploadId: 'attach-missing-1' });
      assert.equal(codeOf(result), 'NOT_FOUND');
      const session = dataOf(await stack.gql.exec(UploadSessionDocument, { id: 'attach-missing-1' })).uploadSession!;
      assert.equal(session.state, 'FAILED');
      assert.equal(session.video, null);
      assert.equal(result.errors![0]!.extensions!.account, 'zig');
      assert.equal(result.errors![0]!.extensions!.provider, 'ziggeo');
      assert.deepEqual(calls(), [`POST /v1/videos/${video.token}/streams/${'f'.repeat(32)}/image 404`]);
      const unknownVideo = await attachVideo(toGlobalId('ZiggeoStream', 'zig', `${'e'.repeat(32)}/${'f'.repeat(32)}`), testBytes(5000, 21), { fileSize: 5000 });
      assert.equal(codeOf(unknownVideo), 'NOT_FOUND');
      await eventually(() => spoolDirs().filter((d) => !before.includes(d)).length === 0);
    });

    it('a 503 from Ziggeo is PROVIDER_UNAVAILABLE and the upload is not retried (a write)', async () => {
      const { stream, id } = await emptyStream();
      stack.emulator.injectFault({ kind: 'status', status: 503, times: 1, pathIncludes: `/streams/${stream.token}/image` });
      const result = await attachImage(id, testBytes(5000, 30), { fileSize: 5000 });
      assert.equal(codeOf(result), 'PROVIDER_UNAVAILABLE');
      assert.equal(calls().filter((c) => c.includes('/image')).length, 1);
      assert.equal(stream.image, null);
      stack.emulator.clearFaults();
    });

    it('a wrong private key is PROVIDER_AUTH_FAILED, the key never shown', async () => {
      const { stream } = await emptyStream();
      const id = toGlobalId('ZiggeoStream', 'zig-badkey', `${stream.videoToken}/${stream.token}`);
      const result = await attachVideo(id, testBytes(5000, 22), { fileSize: 5000 });
      assert.equal(codeOf(result), 'PROVIDER_AUTH_FAILED');
      assert.equal(result.errors![0]!.extensions!.account, 'zig-badkey');
      assert.doesNotMatch(JSON.stringify(result), new RegExp(stack.app.privateKey));
      assert.equal(stream.video, null);
    });
  });
});

describe('ziggeo stream media under API keys', () => {
  let stack: ZiggeoGatewayStack;
  const key = { authorization: 'Bearer zig-only-key-0123456789' };

  before(async () => {
    stack = await startZiggeoGateway({
      extraAccounts: (baseUrl, app) => [ziggeoAccount(app, baseUrl, { id: 'zig-hidden' })],
      config: { apiKeys: [{ name: 'zig-only', key: 'zig-only-key-0123456789', accounts: ['zig'] }] },
    });
  });
  after(() => stack.close());

  it('another account’s stream is NOT_FOUND and a request without a key UNAUTHENTICATED, nothing sent', async () => {
    const video = [...stack.emulator.store.app(stack.app.token).videos.values()][0]!;
    const stream = video.streams[0]!;
    const send = (account: string, headers: Record<string, string>) =>
      sendMultipart(
        stack.gql.gateway.url,
        AttachZiggeoStreamImageDocument,
        { id: toGlobalId('ZiggeoStream', account, `${video.token}/${stream.token}`), file: null },
        [{ path: 'variables.file', name: 'c.png', bytes: testBytes(1000, 27), contentType: 'image/png' }],
        { headers },
      );
    stack.emulator.log.clear();
    const imageBefore = stream.image;
    assert.equal(codeOf(await send('zig-hidden', key)), 'NOT_FOUND');
    assert.equal(codeOf(await send('zig', {})), 'UNAUTHENTICATED');
    assert.equal(stack.emulator.log.entries.length, 0);
    assert.equal(stream.image, imageBefore);
    const allowed = await send('zig', key);
    assert.equal(allowed.data?.attachZiggeoStreamImage?.stream.imageSize, 1000);
  });
});

describe('ziggeo stream media when the connection to Ziggeo breaks mid-file', () => {
  let stack: ZiggeoGatewayStack;
  before(async () => {
    stack = await startZiggeoGateway();
  });
  after(() => stack.close());

  it('a spooled file is sent again whole; a streamed one is PROVIDER_UNAVAILABLE and nothing is kept', async () => {
    const video = [...stack.emulator.store.app(stack.app.token).videos.values()].find((v) => v.streams.length === 1)!;
    const created = dataOf(await stack.gql.exec(CreateZiggeoStreamDocument, { video: toGlobalId('ZiggeoVideo', 'zig', video.token) })).createZiggeoStream!.stream;
    const stream = (): StoredStream => video.streams.find((s) => s.token === created.token)!;
    const path = `/streams/${created.token}/video`;
    const attach = (bytes: Buffer, fileSize: number | null) =>
      sendMultipart(stack.gql.gateway.url, AttachZiggeoStreamVideoDocument, { id: created.id, file: null, fileSize }, [
        { path: 'variables.file', name: 'take.mp4', bytes, contentType: 'video/mp4' },
      ]);

    stack.emulator.injectFault({ kind: 'cut', afterBytes: MiB, times: 1, pathIncludes: path });
    const streamed = await attach(testBytes(24 * MiB, 28), 24 * MiB);
    assert.equal(codeOf(streamed), 'PROVIDER_UNAVAILABLE');
    assert.equal(streamed.errors![0]!.extensions!.account, 'zig');
    assert.equal(stream().video, null);

    stack.emulator.log.clear();
    stack.emulator.injectFault({ kind: 'cut', afterBytes: MiB, times: 1, pathIncludes: path });
    const bytes = testBytes(24 * MiB, 29);
    const spooled = dataOf(await attach(bytes, null)).attachZiggeoStreamVideo!;
    assert.equal(stream().video?.sha256, sha256(bytes), 'the second attempt arrived whole');
    assert.equal(spooled.upload?.bytesSent, bytes.length);
    assert.deepEqual(
      stack.emulator.log.entries.filter((e) => e.path.endsWith(path)).map((e) => e.status),
      [0, 200],
      'one broken attempt, then the whole file',
    );
  });
});
