import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Agent, request } from 'undici';
import { md5Hex, PyFloat, pyJson, rpcRequest, type RpcArgs } from '../../../src/providers/dailymotion';
import { EmulatorClock } from '../../../emulators/common/clock';
import { demoDailymotionAccounts, DEMO_MEDIA_PER_USER, parseLexicalJson, rpcSignedText, startDailymotionEmulator, type DailymotionEmulator } from '../../../emulators/dailymotion';
import { vectorAccounts } from './fixtures';

type Reply = { result?: unknown; error?: { code: number; message: string; data?: unknown } };

describe('the Dailymotion emulator (dailymotion spec §11)', () => {
  let emulator: DailymotionEmulator;
  const [admin, johndoe] = vectorAccounts();
  const creds = { userId: admin!.userId, apiKey: admin!.apiKey };
  before(async () => {
    emulator = await startDailymotionEmulator({ accounts: vectorAccounts(), clock: new EmulatorClock('2024-03-01T12:00:00Z') });
  });
  after(() => emulator.close());

  const post = async (body: string): Promise<{ status: number; reply: Reply }> => {
    const response = await request(`${emulator.baseUrl}/api`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    return { status: response.statusCode, reply: (await response.body.json()) as Reply };
  };
  const rpc = (call: string, args: RpcArgs = {}, c: { userId: string; apiKey: string; actAs?: string } = creds) => post(rpcRequest(c, call, args).body);
  const codeOf = async (p: Promise<{ reply: Reply }>) => (await p).reply.error?.code ?? null;

  it('answers dispatch errors with the codes of spec §11 item 5, always HTTP 200 with code and message', async () => {
    const { status, reply } = await post('{not json');
    assert.equal(status, 200);
    assert.equal(reply.error!.code, 500);
    assert.equal(await codeOf(post('[1, 2]')), 600);
    assert.equal(await codeOf(post('{"call": "media.count", "auth": "x:y"}')), 600, 'missing args');
    assert.equal(await codeOf(post('{"args": {}, "auth": "x:y"}')), 600, 'missing call');
    assert.equal(await codeOf(post('{"args": {}, "call": "count", "auth": "x:y"}')), 640);
    assert.equal(await codeOf(rpc('nothing.count')), 610);
    assert.equal(await codeOf(rpc('media.nothing')), 620);
    assert.equal(await codeOf(rpc('media.info')), 650);
    assert.equal(await codeOf(rpc('media.info', { id: '4c922386dede83044700000' })), 630);
    assert.equal(await codeOf(rpc('media.info', { id: '4c922386dede830447000009' })), 1010);
    assert.equal(await codeOf(rpc('media.list', { filter: 'x' })), 630);
    assert.equal(await codeOf(rpc('media.list', { fields: 'id' })), 630);
    const { id } = (await rpc('media.create')).reply.result as { id: string };
    assert.equal(await codeOf(rpc('media.get_meta', { id, keys: 'x' })), 630);
    assert.equal(await codeOf(rpc('media.set_meta', { id, meta: 'x' })), 630);
    assert.equal(await codeOf(rpc('media.set_assets', { id, assets: [{ name: 'nope' }] })), 630);
    assert.equal(await codeOf(rpc('media.get_assets', { id, assets_names: ['source'] })), 1010);
    assert.equal(await codeOf(rpc('media.process_asset', { id, asset_name: 'mp4_h264_aac' })), 1010, 'no source to process from');
    const protoAuth = `${creds.userId}:${md5Hex(`${creds.userId}argsid${id}meta__proto__x1callmedia.set_meta${creds.apiKey}`)}`;
    assert.equal(await codeOf(post(`{"args": {"id": "${id}", "meta": {"__proto__": {"x": 1}}}, "call": "media.set_meta", "auth": "${protoAuth}"}`)), 630);
    const get = await request(`${emulator.baseUrl}/api`);
    assert.equal(((await get.body.json()) as Reply).error!.code, 600);
  });

  it('checks auth on the lexical JSON: 1.0 is the float "1.0", 1 the int "1" (spec §3.4)', async () => {
    const signedAs = (text: string) => `${creds.userId}:${md5Hex(`${creds.userId}argsn${text}callmedia.count${creds.apiKey}`)}`;
    const body = (n: string, auth: string) => `{"args": {"n": ${n}}, "call": "media.count", "auth": "${auth}"}`;
    assert.equal(await codeOf(post(body('1.0', signedAs('1.0')))), null);
    assert.equal(await codeOf(post(body('1', signedAs('1.0')))), 400);
    assert.equal(await codeOf(post(body('1', signedAs('1')))), null);
    assert.equal(await codeOf(post(body('1e2', signedAs('100.0')))), null);
    assert.equal(await codeOf(post(body('0.30000000000000004', signedAs('0.3')))), null);
    assert.equal(await codeOf(post(body('12345678901234567890', signedAs('12345678901234567890')))), null, 'big ints keep every digit');
    assert.equal(await codeOf(post(pyJson({ args: { n: new PyFloat(2) }, call: 'media.count', auth: signedAs('2.0') }))), null);
    assert.equal(await codeOf(rpc('media.count', {}, { userId: '', apiKey: '' })), 400, 'anonymous');
    assert.equal(await codeOf(rpc('media.count', {}, { userId: 'nobody', apiKey: 'x' })), 400);
    assert.equal(await codeOf(post(`{"args": {}, "call": "media.count", "auth": "${creds.userId}"}`)), 400);
  });

  it('lets an admin act as another user, by username or id, and no one else (spec §3.5)', async () => {
    assert.deepEqual((await rpc('user.whoami', {}, { ...creds, actAs: 'johndoe' })).reply.result, { id: johndoe!.userId, username: 'johndoe' });
    assert.deepEqual((await rpc('user.whoami', {}, { ...creds, actAs: johndoe!.userId })).reply.result, { id: johndoe!.userId, username: 'johndoe' });
    assert.equal(await codeOf(rpc('user.whoami', {}, { ...creds, actAs: 'ghost' })), 400);
    assert.equal(await codeOf(rpc('user.whoami', {}, { userId: johndoe!.userId, apiKey: johndoe!.apiKey, actAs: 'vectors' })), 400);
    const created = (await rpc('media.create', {}, { ...creds, actAs: 'johndoe' })).reply.result as { id: string };
    assert.ok(emulator.store.user(johndoe!.userId).media.has(created.id), "acting as: the media is johndoe's");
    assert.equal(emulator.log.entries.at(-1)!.account, admin!.userId, 'logged as the caller');
    const users = (await rpc('user.list')).reply.result as unknown[];
    assert.equal(users.length, 2);
    assert.equal(await codeOf(rpc('user.list', {}, { userId: johndoe!.userId, apiKey: johndoe!.apiKey })), 400);
  });

  it('signs its own rpc texts the way clients do (vector-independent check)', () => {
    const parsed = parseLexicalJson('{"a": [1, 1.0, 1e2, "x\\u00e9"], "b": null}');
    assert.equal(rpcSignedText('u', 'c.m', parsed as RpcArgs, 'k'), 'uargsa11.0100.0xébcallc.mk');
  });

  it('applies faults to matching paths only, at most `times` times, and logs them', async () => {
    emulator.injectFault({ kind: 'status', status: 502, pathIncludes: '/api', times: 2 });
    emulator.log.clear();
    assert.equal((await request(`${emulator.baseUrl}/api`, { method: 'POST', body: '{}' })).statusCode, 502);
    assert.equal((await request(`${emulator.baseUrl}/nothing`)).statusCode, 404, 'other paths unaffected');
    assert.equal((await request(`${emulator.baseUrl}/api`, { method: 'POST', body: '{}' })).statusCode, 502);
    assert.equal((await request(`${emulator.baseUrl}/api`, { method: 'POST', body: '{}' })).statusCode, 200);
    assert.deepEqual(
      emulator.log.entries.map((e) => `${e.method} ${e.path} ${e.status}`),
      ['POST /api 502', 'GET /nothing 404', 'POST /api 502', 'POST /api 200'],
    );
    emulator.injectFault({ kind: 'reset' });
    await assert.rejects(request(`${emulator.baseUrl}/api`, { method: 'POST', body: '{}' }));
    emulator.clearFaults();
    assert.equal((await request(`${emulator.baseUrl}/api`, { method: 'POST', body: '{}' })).statusCode, 200);
  });

  it('demo data is deterministic: the same ids, titles and states on every start', async () => {
    const start = () => startDailymotionEmulator({ accounts: demoDailymotionAccounts(), demoData: true, clock: new EmulatorClock('2024-03-01T12:00:00Z') });
    const [a, b] = await Promise.all([start(), start()]);
    try {
      const snapshot = (e: DailymotionEmulator) =>
        [...e.store.users.values()].flatMap((u) =>
          [...u.media.values()].map(
            (m) => `${m.id} ${JSON.stringify(m.meta.title)} ${[...m.assets.values()].map((x) => e.store.assetState(x, e.clock.now().getTime())).join(',')}`,
          ),
        );
      assert.deepEqual(snapshot(a), snapshot(b));
      assert.equal(snapshot(a).length, 2 * DEMO_MEDIA_PER_USER);
      const states = new Set(snapshot(a).flatMap((line) => line.split(' ').at(-1)!.split(',')));
      assert.deepEqual([...states].filter(Boolean).sort(), ['error', 'pending', 'processing', 'ready']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('close() also ends idle keep-alive connections', async () => {
    const other = await startDailymotionEmulator({ accounts: vectorAccounts() });
    const agent = new Agent({ keepAliveTimeout: 60_000 });
    const response = await request(`${other.baseUrl}/api`, { method: 'POST', body: '{}', dispatcher: agent });
    await response.body.text();
    const started = Date.now();
    await other.close();
    assert.ok(Date.now() - started < 1000);
    await agent.close();
  });
});
