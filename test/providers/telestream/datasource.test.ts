import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VidmeshError } from '../../../src/errors';
import { TelestreamDatasource } from '../../../src/providers/telestream';
import { startTelestreamEmulator, type TelestreamEmulator } from '../../../emulators/telestream';
import { EncodingStatus } from '../../../src/domain/types';

const ACCOUNT = { accessKey: 'ds-key', secretKey: 'ds-secret', factoryId: 'fds' };
const ok = <T>(x: T | Error): T => {
  if (x instanceof Error) throw x;
  return x;
};

describe('TelestreamDatasource against the emulator (telestream spec §4)', () => {
  let emulator: TelestreamEmulator;
  let ds: TelestreamDatasource;
  before(async () => {
    emulator = await startTelestreamEmulator({ accounts: [ACCOUNT, { ...ACCOUNT, factoryId: 'fother' }], queueMs: 20, encodingMs: 150, downloadMs: 20 });
    ds = new TelestreamDatasource({ id: 'ts', provider: 'telestream', baseUrl: emulator.baseUrl, ...ACCOUNT });
  });
  after(async () => {
    await ds.close();
    await emulator.close();
  });

  it('factories: list, find, update', async () => {
    const all = await ds.listFactories();
    assert.deepEqual(all.map((f) => f.nativeId).sort(), ['fds', 'fother']);
    assert.equal(all[0]!.kind, 'TelestreamFactory');
    const updated = await ds.updateFactory('fds', { name: 'renamed', uploadOriginalVideo: true });
    assert.equal(updated.name, 'renamed');
    assert.equal(updated.uploadOriginalVideo, true);
    assert.equal((await ds.getFactory()).name, 'renamed');
  });

  it('notifications: every event flag sent in bracket form', async () => {
    const n = await ds.updateNotifications({ url: 'http://hook.example/x', delay: 13, sendVideoPayload: true, events: { encodingCompleted: true } });
    assert.equal(n.sendVideoPayload, true);
    assert.equal(n.kind, 'TelestreamNotifications');
    assert.equal(n.delay, 13);
    assert.deepEqual(n.events, { videoCreated: false, videoEncoded: false, encodingProgress: false, encodingCompleted: true });
    assert.equal((await ds.getNotifications()).url, 'http://hook.example/x');
    const put = emulator.log.entries.find((e) => e.method === 'PUT' && e.path === '/v3.0/notifications.json');
    assert.ok(put);
  });

  it('videos and encodings: create from URL, list with paging, encodings move to success, retry/cancel/delete', async () => {
    const v = await ds.createVideoFromUrl({ sourceUrl: 'http://media.example/a.mp4', profiles: ['h264'], pipeline: { h264: {} } });
    assert.equal(v.kind, 'TelestreamVideo');
    await ds.createVideoFromUrl({ sourceUrl: 'http://media.example/b.mp4', profiles: [] });
    assert.equal((await ds.listVideos({ offset: 0, count: 1 })).length, 1);
    assert.equal((await ds.listVideos({ offset: 0, count: 10 })).length, 2);
    assert.equal(ok((await ds.getVideos([v.nativeId]))[0]!).nativeId, v.nativeId);
    const encodings = ok((await ds.getEncodingsByVideo([v.nativeId]))[0]!);
    assert.equal(encodings.length, 1);
    assert.equal(encodings[0]!.kind, 'TelestreamEncoding');
    await new Promise((r) => setTimeout(r, 400));
    const done = ok((await ds.getEncodings([encodings[0]!.nativeId]))[0]!);
    assert.equal(done.status, EncodingStatus.READY);
    const byName = await ds.createEncoding({ videoId: v.nativeId, profileName: 'h264' });
    const cancelled = await ds.cancelEncoding(byName.nativeId);
    assert.equal(cancelled.status, EncodingStatus.CANCELLED);
    const retried = await ds.retryEncoding(byName.nativeId);
    assert.notEqual(retried.status, EncodingStatus.CANCELLED);
    await ds.deleteEncoding(byName.nativeId);
    assert.ok((await ds.getEncodings([byName.nativeId]))[0] instanceof Error);
    assert.ok(Object.keys(await ds.getVideoMetadata(v.nativeId)).length > 0);
    await ds.deleteVideoSource(v.nativeId);
    await ds.deleteVideo(v.nativeId);
    const gone = (await ds.getVideos([v.nativeId]))[0];
    assert.ok(gone instanceof VidmeshError && gone.code === 'NOT_FOUND');
  });

  it('profiles: create from preset, update, find by name, delete', async () => {
    const p = await ds.createProfile({ presetName: 'h264', name: 'h264_small', width: 320 });
    assert.equal(p.kind, 'TelestreamProfile');
    const u = await ds.updateProfile(p.nativeId, { height: 240 });
    assert.equal(u.height, 240);
    assert.equal(ok((await ds.getProfiles(['h264_small']))[0]!).nativeId, p.nativeId);
    await ds.deleteProfile(p.nativeId);
    assert.ok((await ds.getProfiles([p.nativeId]))[0] instanceof Error);
  });

  it('a wrong secret answers 401 → PROVIDER_AUTH_FAILED', async () => {
    const bad = new TelestreamDatasource({ id: 'bad', provider: 'telestream', baseUrl: emulator.baseUrl, ...ACCOUNT, secretKey: 'nope' });
    await assert.rejects(bad.listFactories(), (e: unknown) => e instanceof VidmeshError && e.code === 'PROVIDER_AUTH_FAILED');
    await bad.close();
  });

  it('signedParams: factory_id, access_key, timestamp, signature for a browser', () => {
    const s = ds.signedParams('POST', '/videos/upload.json', { file_name: 'a.mp4', file_size: 10 });
    assert.equal(s.url, `${emulator.baseUrl}/v3.0/videos/upload.json`);
    assert.deepEqual(Object.keys(s.params).sort(), ['access_key', 'factory_id', 'file_name', 'file_size', 'signature', 'timestamp']);
  });
});
