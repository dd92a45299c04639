import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DailymotionDatasource } from '../../../src/providers/dailymotion';
import { VidmeshError } from '../../../src/errors';
import { startDailymotionStack, type DailymotionStack } from './stack';

const code = (error: unknown) => (error instanceof VidmeshError ? error.code : String(error));

describe('DailymotionDatasource ↔ emulator: failures become DESIGN §6 codes (dailymotion spec §4)', () => {
  let s: DailymotionStack;
  before(async () => {
    s = await startDailymotionStack();
  });
  after(() => s.close());
  beforeEach(() => s.emulator.clearFaults());

  it('a wrong API key is PROVIDER_AUTH_FAILED (400), and the key never shows', async () => {
    const wrong = s.datasource({ apiKey: 'not-the-key' });
    await assert.rejects(wrong.countMedia(), (e: VidmeshError) => {
      assert.equal(e.code, 'PROVIDER_AUTH_FAILED');
      assert.equal(e.extensions.providerCode, 400);
      assert.equal(e.extensions.account, 'dm');
      assert.equal(e.extensions.provider, 'dailymotion');
      assert.ok(!JSON.stringify(e).includes('not-the-key'));
      return true;
    });
    assert.equal(s.emulator.calls.at(-1)!.errorCode, 400);
  });

  it('rate limiting (410) is RATE_LIMITED, the provider message kept', async () => {
    s.emulator.injectFault({
      kind: 'status',
      status: 200,
      body: '{"error": {"code": 410, "message": "Rate limit exceeded"}}',
      headers: { 'content-type': 'application/json' },
      times: 1,
    });
    await assert.rejects(s.ds.countMedia(), (e: VidmeshError) => e.code === 'RATE_LIMITED' && e.message.endsWith('Rate limit exceeded'));
    assert.equal(typeof (await s.ds.countMedia()), 'number', 'the fault was used up');
  });

  it('HTTP failures without JSON, malformed JSON and resets are PROVIDER_UNAVAILABLE', async () => {
    s.emulator.injectFault({ kind: 'status', status: 503, times: 1 });
    await assert.rejects(s.ds.countMedia(), (e) => code(e) === 'PROVIDER_UNAVAILABLE');
    s.emulator.injectFault({ kind: 'status', status: 429, body: 'slow down', times: 1 });
    await assert.rejects(s.ds.countMedia(), (e) => code(e) === 'RATE_LIMITED');
    s.emulator.injectFault({ kind: 'malformed', times: 1 });
    await assert.rejects(s.ds.countMedia(), (e: VidmeshError) => e.code === 'PROVIDER_UNAVAILABLE' && /malformed JSON/.test(e.message));
    s.emulator.injectFault({ kind: 'reset', times: 1 });
    await assert.rejects(s.ds.countMedia(), (e) => code(e) === 'PROVIDER_UNAVAILABLE');
    s.emulator.injectFault({ kind: 'status', status: 500, body: '{"result": 7}', times: 1 });
    assert.equal(await s.ds.countMedia(), 7, 'the HTTP status is ignored when the body is a JSON object (spec §4.2)');
  });

  it('a slow answer times out as PROVIDER_UNAVAILABLE', async () => {
    const impatient = new DailymotionDatasource(
      { id: 'dm', provider: 'dailymotion', baseUrl: s.emulator.baseUrl, userId: s.account.userId, apiKey: s.account.apiKey },
      { connectMs: 1000, headersMs: 100, bodyMs: 100 },
    );
    s.emulator.injectFault({ kind: 'delay', delayMs: 1500, times: 1 }); // undici's timers tick by the second
    await assert.rejects(impatient.countMedia(), (e: VidmeshError) => e.code === 'PROVIDER_UNAVAILABLE' && /timeout/.test(e.message));
    await impatient.close();
  });

  it('unknown ids are NOT_FOUND (1010); malformed ones and missing parameters BAD_USER_INPUT (630, 650)', async () => {
    await assert.rejects(s.ds.getMeta('ffffffffffffffffffffffff'), (e: VidmeshError) => e.code === 'NOT_FOUND' && e.extensions.providerError === 'NotFound');
    await assert.rejects(s.ds.getMeta('nope'), (e: VidmeshError) => e.code === 'BAD_USER_INPUT' && e.extensions.providerData === '{"id":"invalid media id"}');
    await assert.rejects(s.ds.client.call('media.set_meta', { id: 'ffffffffffffffffffffffff' }), (e) => code(e) === 'NOT_FOUND');
    const id = await s.ds.createMedia();
    await assert.rejects(s.ds.client.call('media.set_meta', { id }), (e: VidmeshError) => e.code === 'BAD_USER_INPUT' && e.extensions.providerCode === 650);
  });

  it('unknown namespaces and methods are PROVIDER_REJECTED (610, 620)', async () => {
    await assert.rejects(s.ds.client.call('farm.list_node', { name: 'x' }), (e: VidmeshError) => e.code === 'PROVIDER_REJECTED' && e.extensions.providerCode === 610);
    await assert.rejects(s.ds.client.call('media.explode'), (e: VidmeshError) => e.code === 'PROVIDER_REJECTED' && e.extensions.providerCode === 620);
  });

  it('acting as another user needs an admin key (spec §3.5)', async () => {
    const actor = s.datasource({ options: { actAs: 'newsroom' } });
    await assert.rejects(actor.whoami(), (e) => code(e) === 'PROVIDER_AUTH_FAILED');
  });

  it('logs every request with method, path, account, status and time', async () => {
    s.emulator.log.clear();
    await s.ds.countMedia();
    const [entry] = s.emulator.log.entries;
    assert.deepEqual({ ...entry, at: null }, { method: 'POST', path: '/api', account: s.account.userId, status: 200, at: null });
    assert.equal(entry!.at.getTime(), s.now());
  });
});
