import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EmulatorClock } from '../../../emulators/common/clock';
import { startPandaEmulator, type PandaEmulator, type WireEncoding, type WireNotifications, type WireProfile, type WireVideo } from '../../../emulators/panda';
import { pandaClient, send } from './http';

const A = { accessKey: 'ak-r', secretKey: 'sk-r', cloudId: 'cloud-r' };

describe('panda emulator: videos, encodings, profiles, notifications (spec §4)', () => {
  let emulator: PandaEmulator;
  let api: ReturnType<typeof pandaClient>;
  before(async () => {
    emulator = await startPandaEmulator({ accounts: [A], clock: new EmulatorClock('2026-01-01T00:00:00Z'), queueMs: 1000, encodingMs: 10_000, downloadMs: 2000 });
    api = pandaClient(emulator, A);
    emulator.store.seedProfile(A.cloudId, { name: 'webm', preset_name: 'webm', created_at: '2026/01/01 00:00:01 +0000' });
  });
  after(() => emulator.close());

  const video = async (params: Record<string, string>) => (await api.call('POST', '/videos.json', params)).json as WireVideo;
  const encodings = async (id: string) => (await api.call('GET', `/videos/${id}/encodings.json`)).json as WireEncoding[];

  it('creates a video from a source_url: processing while downloading, then success; encodings for every profile', async () => {
    const v = await video({ source_url: 'https://media.example.com/clips/My%20Clip.mov', payload: 'job-42' });
    assert.match(v.id, /^[0-9a-f]{32}$/);
    assert.deepEqual([v.status, v.original_filename, v.extname, v.payload, v.width, v.path], ['processing', 'My Clip.mov', '.mov', 'job-42', null, v.id]);
    assert.match(v.created_at, /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \+0000$/);
    assert.deepEqual((await encodings(v.id)).map((e) => [e.profile_name, e.status, e.started_encoding_at]).sort(), [
      ['h264', 'processing', ''],
      ['webm', 'processing', ''],
    ]);
    emulator.clock.advance(2000);
    const stored = (await api.call('GET', `/videos/${v.id}.json`)).json as WireVideo;
    assert.equal(stored.status, 'success');
    assert.ok(stored.duration! > 1000 && stored.width! > 0 && stored.mime_type === 'video/quicktime', 'duration in ms, media fields once stored');
    const meta = (await api.call('GET', `/videos/${v.id}/metadata.json`)).json as Record<string, unknown>;
    assert.equal(meta.image_width, stored.width);
  });

  it('fails a source_url containing "fail" (demo convention) and every encoding of it', async () => {
    const v = await video({ source_url: 'https://media.example.com/will-fail.mp4', profiles: 'h264' });
    emulator.clock.advance(60_000);
    const failed = (await api.call('GET', `/videos/${v.id}.json`)).json as WireVideo;
    assert.deepEqual([failed.status, failed.error_class], ['fail', 'DownloadFailed']);
    assert.ok(failed.error_message);
    const [e] = await encodings(v.id);
    assert.deepEqual([e!.status, e!.error_class, e!.started_encoding_at], ['fail', 'VideoStatusInvalid', '']);
  });

  it('checks profiles, payload and path_format', async () => {
    assert.equal((await encodings((await video({ source_url: 'http://x/a.mp4', profiles: 'none' })).id)).length, 0);
    const one = await video({ source_url: 'http://x/b.mp4', profiles: 'webm', path_format: 'my-path/:video_id/:profile/:id' });
    const [e] = await encodings(one.id);
    assert.equal(one.path, `my-path/${one.id}/original/${one.id}`);
    assert.equal(e!.path, `my-path/${one.id}/webm/${e!.id}`);
    const unknown = await api.call('POST', '/videos.json', { source_url: 'http://x/c.mp4', profiles: 'h264,nope' });
    assert.deepEqual([unknown.status, unknown.json], [404, { error: 'RecordNotFound', message: "Couldn't find Profile with name=nope" }]);
    assert.equal((await api.call('POST', '/videos.json', { source_url: 'http://x/c.mp4', payload: 'é'.repeat(256) })).status, 200);
    assert.equal((await api.call('POST', '/videos.json', { source_url: 'http://x/c.mp4', payload: 'p'.repeat(257) })).status, 400);
    assert.equal((await api.call('POST', '/videos.json', { source_url: 'http://x/c.mp4', path_format: 'no-id' })).status, 400);
    const none = await api.call('POST', '/videos.json', { payload: 'x' });
    assert.deepEqual(none.json, { error: 'BadRequest', message: 'All required parameters were not supplied: file or source_url' });
  });

  it('takes a multipart file, hashed as it streams', async () => {
    const signed = api.sign('POST', '/videos.json', { profiles: 'none' });
    const boundary = 'b0undary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="clip.mp4"\r\n\r\n`),
      Buffer.from('FAKE-MP4\r\n--b0und'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const answer = await send(emulator.baseUrl, 'POST', `/v2/videos.json?${signed.query}`, { host: api.host, 'content-type': `multipart/form-data; boundary=${boundary}` }, body);
    const v = JSON.parse(answer.body) as WireVideo;
    assert.deepEqual([answer.status, v.status, v.original_filename, v.file_size], [200, 'success', 'clip.mp4', 17]);
    assert.equal(emulator.store.uploadedSha256(v.id), createHash('sha256').update('FAKE-MP4\r\n--b0und').digest('hex'));
  });

  it('pages videos newest first (per_page at most 100) and filters by status', async () => {
    for (let i = 0; i < 104; i++) emulator.store.seedVideo(A.cloudId, { id: (0x1000 + i).toString(16).padStart(32, '0'), created_at: '2025/12/01 00:00:00 +0000' });
    const all = (await api.call('GET', '/videos.json', { per_page: '1000' })).json as WireVideo[];
    assert.equal(all.length, 100);
    assert.equal(((await api.call('GET', '/videos.json')).json as WireVideo[]).length, 100, 'default per_page');
    const dates = all.map((v) => v.created_at);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    const tied = all.filter((v) => v.created_at === '2025/12/01 00:00:00 +0000').map((v) => v.id);
    assert.deepEqual(tied, [...tied].sort(), 'ties by id');
    const page2 = (await api.call('GET', '/videos.json', { per_page: '7', page: '2' })).json as WireVideo[];
    assert.deepEqual(
      page2.map((v) => v.id),
      all.slice(7, 14).map((v) => v.id),
    );
    const page = (await api.call('GET', '/videos.json', { page: '2' })).json as WireVideo[];
    assert.ok(page.length > 0 && page.length < 100);
    const failed = (await api.call('GET', '/videos.json', { status: 'fail' })).json as WireVideo[];
    assert.ok(failed.length >= 1 && failed.every((v) => v.status === 'fail'));
    assert.equal((await api.call('GET', '/videos.json', { page: '0' })).status, 400);
  });

  it('moves an encoding queued → processing with progress → success', async () => {
    const v = await video({ source_url: 'http://x/life.mp4', profiles: 'none' });
    emulator.clock.advance(5000);
    const missing = await api.call('POST', '/encodings.json', { profile_name: 'h264' });
    assert.deepEqual(missing.json, { error: 'BadRequest', message: 'All required parameters were not supplied: video_id' });
    const noProfile = await api.call('POST', '/encodings.json', { video_id: v.id });
    assert.deepEqual(noProfile.json, { error: 'BadRequest', message: 'All required parameters were not supplied: profile_id or profile_name' });
    assert.equal((await api.call('POST', '/encodings.json', { video_id: v.id, profile_name: 'nope' })).status, 404);
    assert.equal((await api.call('POST', '/encodings.json', { video_id: 'f'.repeat(32), profile_name: 'h264' })).status, 404);
    const e = (await api.call('POST', '/encodings.json', { video_id: v.id, profile_name: 'h264' })).json as WireEncoding;
    const read = async () => (await api.call('GET', `/encodings/${e.id}.json`)).json as WireEncoding;
    assert.deepEqual([e.status, e.encoding_progress, e.started_encoding_at, e.encoding_time, e.files], ['processing', 0, '', 0, []]);
    emulator.clock.advance(999);
    assert.equal((await read()).started_encoding_at, '', 'still queued');
    emulator.clock.advance(1 + 4000);
    const halfway = await read();
    assert.deepEqual([halfway.status, halfway.encoding_progress, halfway.encoding_time], ['processing', 40, 4000]);
    assert.notEqual(halfway.started_encoding_at, '');
    emulator.clock.advance(6000);
    const done = await read();
    assert.deepEqual([done.status, done.encoding_progress, done.encoding_time, done.files], ['success', 100, 10_000, [`${e.id}.mp4`]]);
    assert.ok(done.file_size! > 0);
    const byProfile = (await api.call('GET', '/encodings.json', { video_id: v.id, profile_name: 'h264', status: 'success' })).json as WireEncoding[];
    assert.deepEqual(
      byProfile.map((x) => x.id),
      [e.id],
    );
    assert.equal(((await api.call('GET', '/encodings.json', { video_id: v.id, status: 'fail' })).json as unknown[]).length, 0);
  });

  it('cancels queued or processing encodings and retries failed or cancelled ones, on both suffixes', async () => {
    const v = await video({ source_url: 'http://x/cancel.mp4', profiles: 'none' });
    const profileId = (emulator.store.getProfile(A.cloudId, 'webm') as WireProfile).id;
    const e = (await api.call('POST', '/encodings.json', { video_id: v.id, profile_id: profileId })).json as WireEncoding;
    assert.equal(e.profile_name, 'webm');
    assert.deepEqual((await api.call('POST', `/encodings/${e.id}/cancel.json.json`)).json, { canceled: true });
    assert.equal(((await api.call('GET', `/encodings/${e.id}.json`)).json as WireEncoding).status, 'cancelled');
    assert.equal((await api.call('POST', `/encodings/${e.id}/cancel.json`)).status, 400, 'already cancelled');
    assert.deepEqual((await api.call('POST', `/encodings/${e.id}/retry.json`)).json, { retried: true });
    const again = (await api.call('GET', `/encodings/${e.id}.json`)).json as WireEncoding;
    assert.deepEqual([again.status, again.started_encoding_at], ['processing', '']);
    assert.equal((await api.call('POST', `/encodings/${e.id}/retry.json.json`)).status, 400, 'not failed');
    emulator.clock.advance(60_000);
    assert.equal((await api.call('POST', `/encodings/${e.id}/cancel.json`)).status, 400, 'already done');
    assert.deepEqual((await api.call('DELETE', `/encodings/${e.id}.json`)).json, { deleted: true });
    assert.equal((await api.call('GET', `/encodings/${e.id}.json`)).status, 404);
  });

  it('deletes videos with their encodings, and a source alone', async () => {
    const v = await video({ source_url: 'http://x/delete.mp4', profiles: 'h264' });
    const [e] = await encodings(v.id);
    assert.deepEqual((await api.call('DELETE', `/videos/${v.id}/source.json`)).json, { deleted: true });
    assert.equal((await api.call('GET', `/videos/${v.id}.json`)).status, 200);
    const late = (await api.call('POST', '/encodings.json', { video_id: v.id, profile_name: 'webm' })).json as WireEncoding;
    emulator.clock.advance(60_000);
    const missing = (await api.call('GET', `/encodings/${late.id}.json`)).json as WireEncoding;
    assert.deepEqual([missing.status, missing.error_class], ['fail', 'FileNotFound'], 'nothing left to encode');
    assert.equal(((await api.call('GET', `/encodings/${e!.id}.json`)).json as WireEncoding).status, 'success', 'made before: unaffected');
    assert.deepEqual((await api.call('DELETE', `/videos/${v.id}.json`)).json, { deleted: true });
    assert.equal((await api.call('GET', `/videos/${v.id}.json`)).status, 404);
    assert.equal((await api.call('GET', `/encodings/${e!.id}.json`)).status, 404);
  });

  it('finds profiles by id or name (also with a space), creates, updates and deletes them', async () => {
    const created = await api.call('POST', '/profiles.json', { preset_name: 'h264', name: 'My Profile', width: '1280', upscale: 'False' });
    const p = created.json as WireProfile;
    assert.deepEqual([created.status, p.extname, p.width, p.upscale, p.preset_name], [200, '.mp4', 1280, false, 'h264']);
    const signed = api.sign('GET', '/profiles/My Profile.json');
    const byName = await send(emulator.baseUrl, 'GET', `/v2/profiles/My%20Profile.json?${signed.query}`, { host: api.host });
    assert.equal((JSON.parse(byName.body) as WireProfile).id, p.id, 'signed over the raw path, sent percent-encoded (R14)');
    assert.equal(((await api.call('GET', `/profiles/${p.id}.json`)).json as WireProfile).name, 'My Profile');
    const duplicate = await api.call('POST', '/profiles.json', { preset_name: 'webm', name: 'My Profile' });
    assert.deepEqual([duplicate.status, (duplicate.json as { error: string }).error], [400, 'BadRequest']);
    assert.match((duplicate.json as { message: string }).message, /already been taken/);
    assert.equal((await api.call('POST', '/profiles.json', { preset_name: 'nonsense', name: 'n' })).status, 400);
    assert.equal((await api.call('POST', '/profiles.json', { name: 'custom' })).status, 400, 'command and extname');
    const custom = (await api.call('POST', '/profiles.json', { name: 'custom', command: 'ffmpeg -i $input_file$ -y $output_file$', extname: '.mkv' })).json as WireProfile;
    assert.deepEqual([custom.command, custom.preset_name], ['ffmpeg -i $input_file$ -y $output_file$', undefined]);
    const updated = (await api.call('PUT', `/profiles/${p.id}.json`, { title: 'HD', fps: '29.97', audio_channels: 'None', meta: '{"n": 1}' })).json as WireProfile;
    assert.deepEqual([updated.title, updated.fps, updated.audio_channels, updated.meta], ['HD', 29.97, null, undefined]);
    assert.equal((await api.call('PUT', `/profiles/${p.id}.json`, { name: 'webm' })).status, 400);
    assert.equal((await api.call('PUT', `/profiles/${p.id}.json`, { aspect_mode: 'stretch' })).status, 400);
    const listed = (await api.call('GET', '/profiles.json', { per_page: '2' })).json as WireProfile[];
    assert.deepEqual(
      listed.map((x) => x.name),
      ['h264', 'webm'],
    );
    assert.deepEqual((await api.call('DELETE', `/profiles/${p.id}.json`)).json, { deleted: true });
    assert.equal((await api.call('GET', '/profiles/My Profile.json')).status, 404);
  });

  it('updates notifications from JSON events (booleans or "true"/"false"), legacy events[x] form bodies, url None', async () => {
    const sdk = await api.call('PUT', '/notifications.json', {
      url: 'http://example.com/hook',
      delay: '10',
      events: '{"video_created": "false", "encoding_progress": "true", "video_encoded": true}',
    });
    assert.deepEqual(sdk.json, {
      url: 'http://example.com/hook',
      delay: 10,
      events: { video_created: false, video_encoded: true, encoding_progress: true, encoding_completed: false },
    });
    // the gem's form: params in a urlencoded body, brackets percent-encoded, all of them signed
    const signed = api.sign('PUT', '/notifications.json', { 'events[video_encoded]': 'false', 'events[encoding_completed]': 'true', url: 'None' });
    const auth = new URLSearchParams(signed.pairs.filter((p) => ['access_key', 'cloud_id', 'timestamp'].includes(p.key)).map((p): [string, string] => [p.key, p.value]));
    auth.set('signature', signed.signature);
    const form = 'events%5Bvideo_encoded%5D=false&events%5Bencoding_completed%5D=true&url=None';
    const answer = await send(emulator.baseUrl, 'PUT', `/v2/notifications.json?${auth}`, { host: api.host, 'content-type': 'application/x-www-form-urlencoded' }, form);
    const n = JSON.parse(answer.body) as WireNotifications;
    assert.deepEqual([answer.status, n.url, n.delay, n.events.video_encoded, n.events.encoding_completed, n.events.encoding_progress], [200, null, 10, false, true, true]);
    const tampered = await send(
      emulator.baseUrl,
      'PUT',
      `/v2/notifications.json?${auth}`,
      { host: api.host, 'content-type': 'application/x-www-form-urlencoded' },
      form.replace('url=None', 'url=http://evil'),
    );
    assert.equal(tampered.status, 401, 'body params are signed');
    assert.equal((await api.call('PUT', '/notifications.json', { events: 'not json' })).status, 400);
    assert.equal((await api.call('PUT', '/notifications.json', { delay: 'soon' })).status, 400);
  });
});
