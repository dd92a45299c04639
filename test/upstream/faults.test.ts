import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PandaDatasource } from '../../src/providers/panda';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { VidmeshError, type ErrorCode } from '../../src/errors';

const ACCOUNT = { accessKey: 'fault-ak', secretKey: 'fault-secret-0123', cloudId: 'fault-cloud' };

describe('http layer: timeouts and upstream faults become DESIGN §6 errors', () => {
  let emulator: PandaEmulator;
  let panda: PandaDatasource;
  const calls: { path: string; status: number | null }[] = [];
  before(async () => {
    emulator = await startPandaEmulator({ accounts: [ACCOUNT] });
    panda = new PandaDatasource({ id: 'faulty', provider: 'panda', baseUrl: emulator.baseUrl, ...ACCOUNT }, { connectMs: 500, headersMs: 300, bodyMs: 300 }, (call) =>
      calls.push({ path: call.path, status: call.status }),
    );
  });
  after(async () => {
    await panda.close();
    await emulator.close();
  });

  async function failure(fn: () => Promise<unknown>): Promise<VidmeshError> {
    try {
      await fn();
    } catch (error) {
      assert.ok(error instanceof VidmeshError, String(error));
      return error;
    }
    return assert.fail('expected an error');
  }

  function check(error: VidmeshError, code: ErrorCode, message: RegExp) {
    assert.equal(error.code, code);
    assert.match(error.message, message);
    assert.equal(error.extensions.account, 'faulty');
    assert.equal(error.extensions.provider, 'panda');
    assert.doesNotMatch(error.message, /127\.0\.0\.1|signature|fault-secret|access_key/);
  }

  const cases: [string, Parameters<PandaEmulator['injectFault']>[0], ErrorCode, RegExp][] = [
    ['latency beyond the headers timeout', { kind: 'delay', delayMs: 2500, times: 1 }, 'PROVIDER_UNAVAILABLE', /response timeout/],
    ['503', { kind: 'status', status: 503, times: 1 }, 'PROVIDER_UNAVAILABLE', /HTTP 503/],
    ['429 with Retry-After', { kind: 'status', status: 429, headers: { 'retry-after': '3' }, times: 1 }, 'RATE_LIMITED', /HTTP 429/],
    ['truncated JSON', { kind: 'malformed', times: 1 }, 'PROVIDER_UNAVAILABLE', /malformed JSON/],
    ['connection reset', { kind: 'reset', times: 1 }, 'PROVIDER_UNAVAILABLE', /connection|closed|reset/],
  ];
  for (const [name, fault, code, message] of cases) {
    it(name, async () => {
      emulator.injectFault(fault);
      check(await failure(() => panda.listProfiles()), code, message);
      emulator.clearFaults();
      assert.ok((await panda.listProfiles()).length > 0, 'the next call works');
    });
  }

  it('429 tells when to retry', async () => {
    emulator.injectFault({ kind: 'status', status: 429, headers: { 'retry-after': '3' }, times: 1 });
    assert.equal((await failure(() => panda.listProfiles())).extensions.retryAfterSeconds, 3);
  });

  it('a closed port is PROVIDER_UNAVAILABLE, connection refused', async () => {
    const down = new PandaDatasource({ id: 'faulty', provider: 'panda', baseUrl: 'http://127.0.0.1:1', ...ACCOUNT });
    try {
      check(await failure(() => down.listProfiles()), 'PROVIDER_UNAVAILABLE', /connection refused/);
    } finally {
      await down.close();
    }
  });

  it('provider error bodies keep the provider message and map its class', async () => {
    const missing = await failure(() =>
      panda.getVideos(['0123456789abcdef0123456789abcdef']).then((r) => {
        if (r[0] instanceof Error) throw r[0];
      }),
    );
    check(missing, 'NOT_FOUND', /Couldn't find Video with ID=0123456789abcdef0123456789abcdef/);
    assert.equal(missing.extensions.providerError, 'RecordNotFound');
  });

  it('observes every call with its path and status, never its query', () => {
    assert.ok(calls.length > 5);
    assert.ok(calls.every((c) => !c.path.includes('?')));
    assert.ok(
      calls.some((c) => c.status === null),
      'failed transports are observed too',
    );
  });
});
