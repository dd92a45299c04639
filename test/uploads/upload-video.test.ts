import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fromGlobalId } from '../../src/domain/ids';
import { PANDA_TEST_ACCOUNTS } from '../support/panda-stack';
import { UploadSessionDocument, UploadVideoDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { eventually, sendMultipart, sha256, spoolDirs, startUploadStack, testBytes, type UploadStack } from './support';

const MiB = 1024 * 1024;

describe('uploadVideo: a file streamed through the gateway to each provider', () => {
  let stack: UploadStack;
  before(async () => {
    stack = await startUploadStack();
  });
  after(() => stack.close());
  beforeEach(() => {
    stack.clearLogs();
    for (const e of [stack.panda, stack.telestream, stack.dailymotion, stack.ziggeo]) e.clearFaults();
  });

  const upload = (account: string, bytes: Buffer, extra: { fileSize?: number | null; uploadId?: string; name?: string } = {}, options = {}) =>
    sendMultipart(
      stack.gql.gateway.url,
      UploadVideoDocument,
      { input: { account, file: null, fileSize: extra.fileSize === undefined ? bytes.length : extra.fileSize, uploadId: extra.uploadId } },
      [{ path: 'variables.input.file', name: extra.name ?? 'clip.mp4', bytes }],
      options,
    );

  const pandaUpload = (nativeId: string) => stack.panda.store.cloud(PANDA_TEST_ACCOUNTS[0]!.cloudId)?.videos.get(nativeId)?.upload ?? null;

  it('Panda: a resumable session, the stored file byte-identical', async () => {
    const bytes = testBytes(20 * MiB + 12345, 1);
    const result = dataOf(await upload('panda', bytes));
    const { nativeId } = fromGlobalId(result.uploadVideo!.video.id);
    assert.equal(result.uploadVideo!.video.account.id, 'panda');
    assert.deepEqual(pandaUpload(nativeId), { name: 'clip.mp4', size: bytes.length, sha256: sha256(bytes) });
    assert.deepEqual(
      { state: result.uploadVideo!.upload.state, sent: result.uploadVideo!.upload.bytesSent, total: result.uploadVideo!.upload.bytesTotal },
      { state: 'COMPLETED', sent: bytes.length, total: bytes.length },
    );
    const calls = stack.panda.log.entries.map((e) => `${e.method} ${e.path} ${e.status}`);
    assert.deepEqual(calls, ['POST /v2/videos/upload.json 201', 'POST /upload/session 200'], 'one streamed request');
    // no profiles named: encoded with every profile of the cloud (a session's own default is none)
    const state = stack.panda.store.cloud(PANDA_TEST_ACCOUNTS[0]!.cloudId)!;
    const encodings = [...state.encodings.values()].filter((e) => e.videoId === nativeId);
    assert.ok(state.profiles.size > 0);
    assert.equal(encodings.length, state.profiles.size, 'one encoding per profile of the cloud');
    const metrics = await (await fetch(stack.gql.gateway.url.replace('/graphql', '/metrics'))).text();
    const counted = /vidmesh_upload_bytes_total\{account="panda"\} (\d+)/.exec(metrics);
    assert.ok(counted && Number(counted[1]) >= bytes.length, 'upload bytes in the metrics');
  });

  it('Panda without a declared size: spooled to a temporary file, removed afterwards', async () => {
    const before = spoolDirs();
    const bytes = testBytes(3 * MiB, 2);
    const result = dataOf(await upload('panda', bytes, { fileSize: null }));
    assert.equal(pandaUpload(fromGlobalId(result.uploadVideo!.video.id).nativeId)?.sha256, sha256(bytes));
    // (another test process may spool at the same moment: its directory goes away too)
    await eventually(() => spoolDirs().filter((d) => !before.includes(d)).length === 0);
  });

  it('Telestream: a multi-part session, parts in parallel, hashed in order by the emulator', async () => {
    const bytes = testBytes(12 * MiB + 7, 3);
    const result = dataOf(await upload('tc', bytes));
    const { nativeId } = fromGlobalId(result.uploadVideo!.video.id);
    const stored = stack.telestream.store.cloud(stack.telestream.accounts[0]!.factoryId)?.videos.get(nativeId)?.upload;
    assert.deepEqual(stored, { name: 'clip.mp4', size: bytes.length, sha256: sha256(bytes) });
    const parts = stack.telestream.log.entries.filter((e) => e.method === 'POST' && e.path === '/upload/session');
    assert.equal(parts.length, 3);
  });

  it('Dailymotion: the upload URL, then media.create with the uploaded file', async () => {
    const bytes = testBytes(3 * MiB + 1, 4);
    const result = dataOf(await upload('dm', bytes, { name: 'holiday.mov' }));
    assert.equal(result.uploadVideo!.video.account.id, 'dm');
    const files = [...stack.dailymotion.store.files.values()].filter((f) => f.sha256 === sha256(bytes));
    assert.equal(files.length, 1);
    assert.equal(files[0]!.size, bytes.length);
    assert.deepEqual(
      stack.dailymotion.calls
        .map((c) => c.call)
        .filter((c) => c !== 'media.info' && c !== 'media.get_assets')
        .slice(0, 2),
      ['file.upload', 'media.create'],
    );
  });

  it('Ziggeo: the video created with its file', async () => {
    const bytes = testBytes(5 * MiB, 5);
    const result = dataOf(await upload('zig', bytes));
    const token = fromGlobalId(result.uploadVideo!.video.id).nativeId;
    const app = stack.ziggeo.store.app(stack.ziggeo.accounts[0]!.token);
    const video = app.videos.get(token)!;
    const media = stack.ziggeo.store.mainStream(video)?.video;
    assert.equal(media?.size, bytes.length);
    assert.equal(media?.sha256, sha256(bytes));
  });

  it("a file full of near-boundaries (every prefix of the body's boundary, cut at odd write sizes) arrives byte-identical", async () => {
    // busboy's boundary search (packages/streamsearch) holds back a chunk's end that could start the
    // boundary; these bytes make it do so at every length, and the odd writes put them across reads
    const boundary = '----vidmesh-near-boundaries-0123456789';
    const needle = Buffer.from(`\r\n--${boundary}`);
    const pieces: Buffer[] = [];
    for (let round = 0, length = 0; length < 2 * MiB; round++) {
      const filler = testBytes(1 + ((round * 7919) % 4093), round);
      const prefix = needle.subarray(0, 1 + (round % (needle.length - 1)));
      pieces.push(filler, prefix);
      length += filler.length + prefix.length;
    }
    const bytes = Buffer.concat(pieces);
    assert.equal(bytes.indexOf(needle), -1, 'no whole boundary inside the file');
    const result = dataOf(await upload('panda', bytes, {}, { boundary, writeBytes: 4093 }));
    assert.deepEqual(pandaUpload(fromGlobalId(result.uploadVideo!.video.id).nativeId), { name: 'clip.mp4', size: bytes.length, sha256: sha256(bytes) });
  });

  it('resumes a Panda upload whose connection broke mid-chunk, from what the session holds', async () => {
    stack.panda.injectFault({ pathIncludes: '/upload/session', kind: 'cut', afterBytes: 3 * MiB + 17, times: 1 });
    const bytes = testBytes(10 * MiB, 6);
    const result = dataOf(await upload('panda', bytes));
    assert.equal(pandaUpload(fromGlobalId(result.uploadVideo!.video.id).nativeId)?.sha256, sha256(bytes));
    const calls = stack.panda.log.entries.map((e) => `${e.method} ${e.path} ${e.status}`);
    // the cut request (status 0), the status query (204 + Range), the rest from there
    assert.deepEqual(calls, ['POST /v2/videos/upload.json 201', 'POST /upload/session 0', 'POST /upload/session 204', 'POST /upload/session 200']);
  });

  it('resumes a Telestream upload: the broken part is sent again once the session reports it missing', async () => {
    stack.telestream.injectFault({ pathIncludes: '/upload/session', kind: 'cut', afterBytes: MiB, times: 1 });
    const bytes = testBytes(11 * MiB, 7);
    const result = dataOf(await upload('tc', bytes));
    const stored = stack.telestream.store.cloud(stack.telestream.accounts[0]!.factoryId)?.videos.get(fromGlobalId(result.uploadVideo!.video.id).nativeId)?.upload;
    assert.equal(stored?.sha256, sha256(bytes));
    const log = stack.telestream.log.entries;
    assert.equal(log.filter((e) => e.status === 0).length, 1, 'one part broke');
    assert.equal(log.filter((e) => e.method === 'GET' && e.path === '/upload/session').length, 1, 'one missing-parts query');
    assert.equal(log.filter((e) => e.method === 'POST' && e.path === '/upload/session' && e.status === 200).length, 3, 'every part arrived once');
  });

  it('Dailymotion and Ziggeo: a spooled file is sent again when the connection broke mid-body', async () => {
    stack.dailymotion.injectFault({ pathIncludes: '/upload', kind: 'cut', afterBytes: MiB, times: 1 });
    stack.ziggeo.injectFault({ pathIncludes: '/v1/videos', kind: 'cut', afterBytes: MiB, times: 1 });
    const dmBytes = testBytes(24 * MiB, 13);
    dataOf(await upload('dm', dmBytes, { fileSize: null }));
    assert.equal([...stack.dailymotion.store.files.values()].filter((f) => f.sha256 === sha256(dmBytes)).length, 1);
    const zigBytes = testBytes(24 * MiB, 14);
    const zig = dataOf(await upload('zig', zigBytes, { fileSize: null }));
    const app = stack.ziggeo.store.app(stack.ziggeo.accounts[0]!.token);
    assert.equal(stack.ziggeo.store.mainStream(app.videos.get(fromGlobalId(zig.uploadVideo!.video.id).nativeId)!)?.video?.sha256, sha256(zigBytes));
    assert.equal(stack.ziggeo.log.entries.filter((e) => e.status === 0).length, 1, 'one broken attempt');
  });

  it('Dailymotion: a file streamed with its declared size cannot be sent again: PROVIDER_UNAVAILABLE, nothing kept', async () => {
    stack.dailymotion.injectFault({ pathIncludes: '/upload', kind: 'cut', afterBytes: MiB, times: 1 });
    const filesBefore = stack.dailymotion.store.files.size;
    const result = await upload('dm', testBytes(3 * MiB, 15));
    assert.equal(result.errors?.[0]?.extensions?.code, 'PROVIDER_UNAVAILABLE');
    assert.equal(result.errors?.[0]?.extensions?.account, 'dm');
    assert.equal(stack.dailymotion.store.files.size, filesBefore);
  });

  it('a client gone mid-upload: the Panda session is deleted, no video is created', async () => {
    const videosBefore = stack.panda.store.cloud(PANDA_TEST_ACCOUNTS[0]!.cloudId)!.videos.size;
    const bytes = testBytes(24 * MiB, 8);
    const result = await upload('panda', bytes, {}, { abortAfterBytes: 12 * MiB });
    assert.equal(result.aborted, true);
    await eventually(() => stack.panda.log.entries.some((e) => e.method === 'DELETE'));
    assert.equal(stack.panda.uploads.unfinished(), 0);
    assert.equal(stack.panda.store.cloud(PANDA_TEST_ACCOUNTS[0]!.cloudId)!.videos.size, videosBefore);
  });

  it('a client gone mid-upload: the Telestream session is aborted', async () => {
    const factory = stack.telestream.accounts[0]!.factoryId;
    const videosBefore = stack.telestream.store.cloud(factory)!.videos.size;
    const result = await upload('tc', testBytes(30 * MiB, 9), {}, { abortAfterBytes: 14 * MiB });
    assert.equal(result.aborted, true);
    await eventually(() => stack.telestream.log.entries.some((e) => e.method === 'DELETE'));
    assert.equal(stack.telestream.uploads.unfinished(), 0);
    assert.equal(stack.telestream.store.cloud(factory)!.videos.size, videosBefore);
  });

  it('a client gone mid-upload: nothing is created at Dailymotion or Ziggeo', async () => {
    const filesBefore = stack.dailymotion.store.files.size;
    const mediaBefore = stack.dailymotion.store.users.get(stack.dailymotion.accounts[0]!.userId)?.media.size;
    const app = stack.ziggeo.store.app(stack.ziggeo.accounts[0]!.token);
    const videosBefore = app.videos.size;
    assert.equal((await upload('dm', testBytes(8 * MiB, 10), {}, { abortAfterBytes: 4 * MiB })).aborted, true);
    assert.equal((await upload('zig', testBytes(8 * MiB, 11), {}, { abortAfterBytes: 4 * MiB })).aborted, true);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(stack.dailymotion.store.files.size, filesBefore);
    assert.equal(stack.dailymotion.store.users.get(stack.dailymotion.accounts[0]!.userId)?.media.size, mediaBefore);
    assert.equal(app.videos.size, videosBefore);
  });

  it('progress is observable while the upload runs, with a client-chosen uploadId', async () => {
    const bytes = testBytes(20 * MiB, 12);
    let seen: { state: string; bytesSent: number; bytesTotal: number | null } | null = null;
    const result = await upload(
      'panda',
      bytes,
      { uploadId: 'progress-test-0001' },
      {
        midway: {
          afterBytes: 17 * MiB,
          run: async () => {
            await eventually(async () => {
              const s = dataOf(await stack.gql.exec(UploadSessionDocument, { id: 'progress-test-0001' })).uploadSession;
              seen = s && { state: s.state, bytesSent: s.bytesSent, bytesTotal: s.bytesTotal ?? null };
              return (s?.bytesSent ?? 0) >= 4 * MiB;
            });
          },
        },
      },
    );
    const midway = seen as { state: string; bytesSent: number; bytesTotal: number | null } | null;
    assert.equal(midway?.state, 'SENDING');
    assert.equal(midway?.bytesTotal, bytes.length);
    assert.ok(midway.bytesSent >= 4 * MiB && midway.bytesSent <= 17 * MiB, `bytesSent ${midway.bytesSent} while the client paused at 17 MiB`);
    const done = dataOf(await stack.gql.exec(UploadSessionDocument, { id: 'progress-test-0001' })).uploadSession;
    assert.equal(done?.state, 'COMPLETED');
    assert.equal(done?.bytesSent, bytes.length);
    assert.equal(done?.video?.id, dataOf(result).uploadVideo!.video.id);
  });
});
