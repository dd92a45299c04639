import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { isoTimestamp, type QueryPair } from '../../../src/datasources/hmac-query';
import { signPandaRequest } from '../../../src/datasources/panda/sign';
import { EmulatorClock } from '../../../src/emulators/common/clock';
import { startPandaEmulator, type PandaEmulator } from '../../../src/emulators/panda';

const A = { accessKey: 'ak-a', secretKey: 'sk-a', cloudId: 'cloud-a' };
const B = { accessKey: 'ak-b', secretKey: 'sk-b', cloudId: 'cloud-b' };

describe('panda emulator', () => {
  let emulator: PandaEmulator;
  let micro = 0;
  before(async () => {
    emulator = await startPandaEmulator({ accounts: [A, B], clock: new EmulatorClock('2026-01-01T00:00:00Z'), queueMs: 1000, encodingMs: 10_000, downloadMs: 1000 });
  });
  after(() => emulator.close());

  function signed(method: string, path: string, params: Record<string, string> = {}, opts: { creds?: typeof A; cloudId?: string; timestamp?: string } = {}) {
    const creds = opts.creds ?? A;
    const pairs: QueryPair[] = Object.entries(params).map(([key, value]) => ({ key, value }));
    return signPandaRequest({
      method,
      host: '127.0.0.1',
      path,
      params: pairs,
      credentials: { ...creds, cloudId: opts.cloudId ?? creds.cloudId },
      timestamp: opts.timestamp ?? isoTimestamp(emulator.clock.now(), ++micro),
    });
  }

  async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, params: Record<string, string> = {}, opts = {}) {
    const s = signed(method, path, params, opts);
    const response = await request(`${emulator.baseUrl}/v2${path}?${s.query}`, { method });
    const text = await response.body.text();
    // JSON.parse answers `any`: each test states the shape it reads
    return { status: response.statusCode, json: text ? JSON.parse(text) : null, headers: response.headers };
  }

  it('refuses missing auth parameters, unknown keys, wrong signatures and foreign clouds', async () => {
    const bare = await request(`${emulator.baseUrl}/v2/videos.json?cloud_id=cloud-a`);
    assert.equal(bare.statusCode, 400);
    assert.deepEqual(await bare.body.json(), { error: 'BadRequest', message: 'All required parameters were not supplied: access_key, signature, timestamp' });
    assert.equal((await call('GET', '/videos.json', {}, { creds: { ...A, accessKey: 'nobody' } })).status, 401);
    const wrong = await call('GET', '/videos.json', {}, { creds: { ...A, secretKey: 'guess' } });
    assert.deepEqual([wrong.status, wrong.json], [401, { error: 'NotAuthorized', message: 'Signatures do not match' }]);
    const foreign = await call('GET', '/videos.json', {}, { cloudId: 'cloud-b' });
    assert.deepEqual([foreign.status, foreign.json?.error], [404, 'RecordNotFound']);
    assert.deepEqual((await call('GET', '/clouds.json', {}, { cloudId: 'None' })).json?.map((c: { id: string }) => c.id), ['cloud-a']);
    const xml = await request(`${emulator.baseUrl}/v2/videos.xml?${signed('GET', '/videos.xml').query}`);
    assert.equal(xml.statusCode, 400);
    assert.match(await xml.body.text(), /only \.json/);
  });

  it('refuses expired timestamps (5 minutes; 30 for POST /videos.json) and re-used POST signatures', async () => {
    const old = isoTimestamp(new Date(emulator.clock.now().getTime() - 6 * 60_000));
    assert.deepEqual((await call('GET', '/videos.json', {}, { timestamp: old })).json, { error: 'NotAuthorized', message: 'Signatures expired' });
    assert.equal((await call('POST', '/videos.json', { source_url: 'http://x/a.mp4' }, { timestamp: old })).status, 200);
    const s = signed('POST', '/videos.json', { source_url: 'http://x/b.mp4' });
    const url = `${emulator.baseUrl}/v2/videos.json?${s.query}`;
    assert.equal((await request(url, { method: 'POST' })).statusCode, 200);
    assert.equal((await request(url, { method: 'POST' })).statusCode, 401);
  });

  it('reads parameters from a form body and legacy bracket events (spec §2.2, §9.9)', async () => {
    const s = signed('PUT', '/notifications.json', { 'events[video_encoded]': 'true', delay: '7', url: 'None' });
    const auth = s.pairs.filter((p) => ['access_key', 'cloud_id', 'timestamp'].includes(p.key));
    const query = new URLSearchParams([...auth.map((p): [string, string] => [p.key, p.value]), ['signature', s.signature]]).toString();
    const response = await request(`${emulator.baseUrl}/v2/notifications.json?${query}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'events%5Bvideo_encoded%5D=true&delay=7&url=None',
    });
    assert.equal(response.statusCode, 200);
    const json = (await response.body.json()) as { url: unknown; delay: number; events: Record<string, boolean> };
    assert.deepEqual([json.url, json.delay, json.events.video_encoded], [null, 7, true]);
  });

  it('pages videos newest first with per_page at most 100, and filters by status', async () => {
    for (let i = 0; i < 5; i++) {
      emulator.clock.advance(1000);
      await call('POST', '/videos.json', { source_url: `http://x/${i % 2 ? 'fail' : 'ok'}-${i}.mp4`, profiles: 'none' });
    }
    emulator.clock.advance(5000);
    const all = (await call('GET', '/videos.json', { per_page: '1000' })).json as { created_at: string; status: string }[];
    assert.ok(all.length >= 7);
    const page2 = (await call('GET', '/videos.json', { per_page: '2', page: '2' })).json as unknown[];
    assert.deepEqual(page2, all.slice(2, 4));
    const failed = (await call('GET', '/videos.json', { status: 'fail' })).json as { status: string; error_class: string }[];
    assert.ok(failed.length >= 2 && failed.every((v) => v.status === 'fail' && v.error_class === 'DownloadFailed'));
    assert.equal((await call('GET', '/videos.json', { page: '0' })).status, 400);
  });

  it('moves an encoding queued → processing with progress → success, and cancels and retries', async () => {
    const video = (await call('POST', '/videos.json', { source_url: 'http://x/c.mp4', profiles: 'none' })).json as { id: string };
    const created = (await call('POST', '/encodings.json', { video_id: video.id, profile_name: 'h264' })).json as { id: string; status: string; started_encoding_at: string };
    assert.deepEqual([created.status, created.started_encoding_at], ['processing', '']);
    emulator.clock.advance(1000 + 5000);
    const halfway = (await call('GET', `/encodings/${created.id}.json`)).json as { encoding_progress: number; started_encoding_at: string };
    assert.ok(halfway.encoding_progress > 0 && halfway.encoding_progress < 100 && halfway.started_encoding_at !== '');
    assert.deepEqual((await call('POST', `/encodings/${created.id}/cancel.json.json`)).json, { canceled: true });
    assert.equal(((await call('GET', `/encodings/${created.id}.json`)).json as { status: string }).status, 'cancelled');
    assert.deepEqual((await call('POST', `/encodings/${created.id}/retry.json`)).json, { retried: true });
    emulator.clock.advance(20_000);
    const done = (await call('GET', `/videos/${video.id}/encodings.json`)).json as { status: string; encoding_progress: number; files: string[] }[];
    assert.deepEqual(done.map((e) => [e.status, e.encoding_progress, e.files.length]), [['success', 100, 1]]);
    assert.equal((await call('POST', `/encodings/${created.id}/cancel.json`)).status, 422);
    assert.equal((await call('POST', '/encodings.json', { video_id: video.id, profile_name: 'nope' })).status, 404);
    assert.deepEqual((await call('DELETE', `/encodings/${created.id}.json`)).json, { deleted: true });
    assert.equal((await call('GET', `/encodings/${created.id}.json`)).status, 404);
  });

  it('finds profiles by id or name and refuses duplicate names', async () => {
    const p = (await call('POST', '/profiles.json', { preset_name: 'webm', name: 'web' })).json as { id: string; extname: string };
    assert.equal(p.extname, '.webm');
    assert.equal(((await call('GET', '/profiles/web.json')).json as { id: string }).id, p.id);
    assert.equal((await call('POST', '/profiles.json', { preset_name: 'webm', name: 'web' })).status, 422);
    assert.equal((await call('POST', '/profiles.json', { preset_name: 'nonsense' })).status, 422);
  });

  it('injects faults for a bounded number of requests', async () => {
    emulator.injectFault({ kind: 'status', status: 503, times: 1 });
    assert.equal((await call('GET', '/profiles.json')).status, 503);
    assert.equal((await call('GET', '/profiles.json')).status, 200);
    emulator.injectFault({ kind: 'malformed', times: 1 });
    const s = signed('GET', '/profiles.json');
    const text = await (await request(`${emulator.baseUrl}/v2/profiles.json?${s.query}`)).body.text();
    assert.throws(() => JSON.parse(text));
    emulator.injectFault({ kind: 'reset', times: 1 });
    await assert.rejects(request(`${emulator.baseUrl}/v2/profiles.json?${signed('GET', '/profiles.json').query}`));
    const logged = emulator.log.entries.at(-1)!;
    assert.equal(logged.path, '/v2/profiles.json');
  });
});
