import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isoTimestamp } from '../../../src/providers/hmac-query';
import { signPandaRequest } from '../../../src/providers/panda/sign';
import { EmulatorClock } from '../../../emulators/common/clock';
import { startPandaEmulator, type PandaEmulator } from '../../../emulators/panda';
import { pandaClient, send } from './http';

const A = { accessKey: 'ak-a', secretKey: 'sk-a', cloudId: 'cloud-a1' };
const A2 = { accessKey: 'ak-a', secretKey: 'sk-a', cloudId: 'cloud-a2' };
const B = { accessKey: 'ak-b', secretKey: 'sk-b', cloudId: 'cloud-b' };
const NOW = '2026-01-01T00:00:00Z';

describe('panda emulator: authentication, errors, faults and the request log (spec §5, §9.3)', () => {
  let emulator: PandaEmulator;
  let api: ReturnType<typeof pandaClient>;
  before(async () => {
    emulator = await startPandaEmulator({ accounts: [A, A2, B], clock: new EmulatorClock(NOW) });
    api = pandaClient(emulator, A);
  });
  after(() => emulator.close());

  it('answers missing auth parameters with the documented 400', async () => {
    const expected = { error: 'BadRequest', message: 'All required parameters were not supplied: access_key, signature, timestamp' };
    const bare = await send(emulator.baseUrl, 'GET', '/v2/videos.json?cloud_id=cloud-a1');
    assert.deepEqual([bare.status, JSON.parse(bare.body)], [400, expected]);
    assert.equal(bare.headers['content-type'], 'application/json; charset=utf-8');
    const unsigned = api.sign('GET', '/videos.json').query.replace(/&signature=[^&]*/, '');
    assert.deepEqual(JSON.parse((await send(emulator.baseUrl, 'GET', `/v2/videos.json?${unsigned}`)).body), expected);
    const noCloud = await api.call('GET', '/videos.json', {}, { creds: { ...A, cloudId: '' } });
    assert.deepEqual([noCloud.status, noCloud.json], [400, { error: 'BadRequest', message: 'All required parameters were not supplied: cloud_id' }]);
  });

  it('refuses unknown keys, wrong signatures and secrets with 401', async () => {
    const unknown = await api.call('GET', '/videos.json', {}, { creds: { ...A, accessKey: 'nobody' } });
    assert.deepEqual([unknown.status, (unknown.json as { error: string }).error], [401, 'NotAuthorized']);
    const wrong = await api.call('GET', '/videos.json', {}, { creds: { ...A, secretKey: 'guess' } });
    assert.deepEqual([wrong.status, wrong.json], [401, { error: 'NotAuthorized', message: 'Signatures do not match' }]);
    // signed for another host, path or method
    const signed = api.sign('GET', '/videos.json');
    assert.equal((await send(emulator.baseUrl, 'GET', `/v2/videos.json?${signed.query}`, { host: 'api.pandastream.com' })).status, 401);
    assert.equal((await send(emulator.baseUrl, 'GET', `/v2/profiles.json?${signed.query}`)).status, 401);
    assert.equal((await send(emulator.baseUrl, 'DELETE', `/v2/videos.json?${signed.query}`)).status, 401);
    assert.equal((await send(emulator.baseUrl, 'GET', `/v2/videos.json?${signed.query}&page=2`)).status, 401, 'an unsigned extra parameter');
    assert.equal((await send(emulator.baseUrl, 'GET', `/v2/videos.json?${signed.query}`)).status, 200);
  });

  it('scopes by cloud: another key’s cloud or an unknown one is 404; /clouds ignores cloud_id', async () => {
    const foreign = await api.call('GET', '/videos.json', {}, { creds: { ...A, cloudId: B.cloudId } });
    assert.deepEqual([foreign.status, foreign.json], [404, { error: 'RecordNotFound', message: "Couldn't find Cloud with ID=cloud-b" }]);
    assert.equal((await api.call('GET', '/videos.json', {}, { creds: { ...A, cloudId: 'nope' } })).status, 404);
    assert.equal((await api.call('GET', '/videos.json', {}, { creds: A2 })).status, 200, 'the key’s second cloud');
    const clouds = await api.call('GET', '/clouds.json', {}, { creds: { ...A, cloudId: 'None' } });
    assert.deepEqual(
      (clouds.json as { id: string }[]).map((c) => c.id),
      ['cloud-a1', 'cloud-a2'],
    );
    assert.equal((await api.call('GET', `/clouds/${B.cloudId}.json`)).status, 404);
    const renamed = await api.call('PUT', `/clouds/${A2.cloudId}.json`, { name: 'renamed', priority: '150' });
    assert.deepEqual([(renamed.json as { name: string; priority: number }).name, (renamed.json as { priority: number }).priority], ['renamed', 150]);
    assert.equal((await api.call('PUT', `/clouds/${A2.cloudId}.json`, { priority: '1' })).status, 400);
  });

  it('refuses timestamps older than 5 minutes (30 for POST /videos.json) or as far ahead', async () => {
    const at = (minutes: number) => isoTimestamp(new Date(emulator.clock.now().getTime() + minutes * 60_000));
    const expired = { error: 'NotAuthorized', message: 'Signatures expired' };
    assert.deepEqual((await api.call('GET', '/videos.json', {}, { timestamp: at(-6) })).json, expired);
    assert.equal((await api.call('GET', '/videos.json', {}, { timestamp: at(-4) })).status, 200);
    assert.deepEqual((await api.call('GET', '/videos.json', {}, { timestamp: at(6) })).json, expired);
    assert.equal((await api.call('POST', '/videos.json', { source_url: 'http://x/a.mp4' }, { timestamp: at(-29) })).status, 200);
    assert.deepEqual((await api.call('POST', '/videos.json', { source_url: 'http://x/a.mp4' }, { timestamp: at(-31) })).json, expired);
    assert.equal((await api.call('POST', '/profiles.json', { preset_name: 'webm', name: 'late' }, { timestamp: at(-6) })).status, 401);
    const ruby = '2025-12-31T23:58:10.260762Z';
    assert.equal((await api.call('GET', '/videos.json', {}, { timestamp: ruby })).status, 200, 'Ruby-style Z timestamps');
    assert.equal((await api.call('GET', '/videos.json', {}, { timestamp: 'yesterday' })).status, 400);
  });

  it('takes a POST signature once; GETs may repeat', async () => {
    const post = api.sign('POST', '/videos.json', { source_url: 'http://x/once.mp4', profiles: 'none' });
    const target = `/v2/videos.json?${post.query}`;
    assert.equal((await send(emulator.baseUrl, 'POST', target)).status, 200);
    const again = await send(emulator.baseUrl, 'POST', target);
    assert.deepEqual([again.status, (JSON.parse(again.body) as { error: string }).error], [401, 'NotAuthorized']);
    const get = `/v2/videos.json?${api.sign('GET', '/videos.json').query}`;
    assert.equal((await send(emulator.baseUrl, 'GET', get)).status, 200);
    assert.equal((await send(emulator.baseUrl, 'GET', get)).status, 200);
  });

  it('can be told to skip the clock and re-use checks, and to verify against a public host', async () => {
    const lax = await startPandaEmulator({
      accounts: [A],
      clock: new EmulatorClock(NOW),
      checkTimestamps: false,
      rejectReusedPostSignatures: false,
      publicHost: 'api.pandastream.com',
    });
    try {
      const old = pandaClient(lax, A);
      const signed = old.sign('POST', '/videos.json', { source_url: 'http://x/a.mp4' }, { timestamp: '2009-01-01T00:00:00+00:00' });
      const forPublic = signPandaRequest({
        method: 'POST',
        host: 'api.pandastream.com',
        path: '/videos.json',
        params: [{ key: 'source_url', value: 'http://x/a.mp4' }],
        credentials: A,
        timestamp: '2009-01-01T00:00:00+00:00',
      });
      assert.equal((await send(lax.baseUrl, 'POST', `/v2/videos.json?${signed.query}`)).status, 401, 'signed for the local host');
      assert.equal((await send(lax.baseUrl, 'POST', `/v2/videos.json?${forPublic.query}`)).status, 200);
      assert.equal((await send(lax.baseUrl, 'POST', `/v2/videos.json?${forPublic.query}`)).status, 200);
    } finally {
      await lax.close();
    }
  });

  it('answers errors as JSON with the documented classes', async () => {
    const xml = await send(emulator.baseUrl, 'GET', `/v2/videos.xml?${api.sign('GET', '/videos.xml').query}`);
    assert.deepEqual([xml.status, JSON.parse(xml.body)], [400, { error: 'BadRequest', message: 'Currently only .json is supported as a format' }]);
    const missing = await api.call('GET', '/videos/0123456789abcdef0123456789abcdef.json');
    assert.deepEqual([missing.status, missing.json], [404, { error: 'RecordNotFound', message: "Couldn't find Video with ID=0123456789abcdef0123456789abcdef" }]);
    assert.equal((await api.call('GET', '/nothing.json')).status, 404);
    assert.equal((await api.call('PATCH', '/videos.json')).status, 404);
    assert.equal((await send(emulator.baseUrl, 'GET', '/v3/videos.json')).status, 404);
    assert.equal((await send(emulator.baseUrl, 'GET', '/v2/videos.json?access_key=%ZZ')).status, 400);
  });

  it('injects faults for a bounded number of matching requests', async () => {
    emulator.injectFault({ kind: 'status', status: 503, times: 1 });
    assert.deepEqual([(await api.call('GET', '/profiles.json')).status, (await api.call('GET', '/profiles.json')).status], [503, 200]);
    emulator.injectFault({
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '3' },
      body: '{"error":"TooManyRequests","message":"slow down"}',
      times: 1,
      pathIncludes: '/videos',
    });
    assert.equal((await api.call('GET', '/profiles.json')).status, 200, 'another path');
    const limited = await api.call('GET', '/videos.json');
    assert.deepEqual([limited.status, limited.headers['retry-after']], [429, '3']);
    emulator.injectFault({ kind: 'malformed', times: 1 });
    const malformed = await send(emulator.baseUrl, 'GET', `/v2/profiles.json?${api.sign('GET', '/profiles.json').query}`);
    assert.equal(malformed.status, 200);
    assert.throws(() => JSON.parse(malformed.body));
    emulator.injectFault({ kind: 'delay', delayMs: 150, times: 1 });
    const started = Date.now();
    assert.equal((await api.call('GET', '/profiles.json')).status, 200);
    assert.ok(Date.now() - started >= 140, 'delayed');
    emulator.injectFault({ kind: 'reset', times: 2 });
    await assert.rejects(api.call('GET', '/profiles.json'), /aborted|socket hang up|ECONNRESET|premature/i);
    await assert.rejects(api.call('GET', '/profiles.json'));
    assert.equal((await api.call('GET', '/profiles.json')).status, 200, 'times bounds the fault');
    emulator.injectFault({ kind: 'status', status: 500 });
    assert.deepEqual([(await api.call('GET', '/profiles.json')).status, (await api.call('GET', '/profiles.json')).status], [500, 500]);
    emulator.clearFaults();
    assert.equal((await api.call('GET', '/profiles.json')).status, 200);
  });

  it('logs every request with its cloud, status and the emulator’s time', async () => {
    emulator.log.clear();
    await api.call('GET', '/profiles.json', {}, { creds: A2 });
    await api.call('GET', '/clouds.json', {}, { creds: { ...A, cloudId: 'None' } });
    await api.call('GET', '/videos.json', {}, { creds: { ...A, secretKey: 'wrong' } });
    emulator.injectFault({ kind: 'reset', times: 1 });
    await assert.rejects(api.call('GET', '/profiles.json'));
    await new Promise((resolve) => setImmediate(resolve));
    const entries = emulator.log.entries.map((e) => [e.method, e.path, e.account, e.status]);
    assert.deepEqual(entries, [
      ['GET', '/v2/profiles.json', 'cloud-a2', 200],
      ['GET', '/v2/clouds.json', null, 200],
      ['GET', '/v2/videos.json', null, 401],
      ['GET', '/v2/profiles.json', null, 0],
    ]);
    assert.equal(emulator.log.entries[0]!.at.toISOString(), new Date(NOW).toISOString());
  });
});
