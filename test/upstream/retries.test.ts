import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { Readable } from 'node:stream';
import { DailymotionDatasource } from '../../src/providers/dailymotion';
import { UpstreamClient } from '../../src/upstream';
import { PandaDatasource } from '../../src/providers/panda';
import { ZiggeoClient, ZiggeoDatasource } from '../../src/providers/ziggeo';
import { demoDailymotionAccounts, startDailymotionEmulator, type DailymotionEmulator } from '../../emulators/dailymotion';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { demoZiggeoAccounts, startZiggeoEmulator, type ZiggeoEmulator } from '../../emulators/ziggeo';
import { VidmeshError } from '../../src/errors';
import { recordingPolicy } from './support';

const PANDA = { accessKey: 'retry-ak', secretKey: 'retry-secret-0123', cloudId: 'retry-cloud' };

async function failure(promise: Promise<unknown>): Promise<VidmeshError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof VidmeshError, String(error));
    return error;
  }
  return assert.fail('expected an error');
}

describe('retries: idempotent reads only, bounded, with backoff and Retry-After (Panda)', () => {
  let emulator: PandaEmulator;
  let panda: PandaDatasource;
  const r = recordingPolicy();
  before(async () => {
    emulator = await startPandaEmulator({ accounts: [PANDA] });
    panda = new PandaDatasource({ id: 'p', provider: 'panda', baseUrl: emulator.baseUrl, ...PANDA }, r.policy, r.observer);
  });
  afterEach(() => {
    emulator.clearFaults();
    r.reset();
  });
  after(async () => {
    await panda.close();
    await emulator.close();
  });

  for (const status of [502, 503, 504]) {
    it(`a read answered ${status} twice succeeds on the third attempt, after jittered backoff`, async () => {
      emulator.injectFault({ kind: 'status', status, times: 2 });
      assert.ok((await panda.listProfiles()).length > 0);
      assert.deepEqual(
        r.attempts('/profiles').map((c) => [c.attempt, c.status]),
        [
          [1, status],
          [2, status],
          [3, 200],
        ],
      );
      assert.deepEqual(r.waits, [50, 100], 'full jitter of 100 then 200 ms, random 0.5');
    });
  }

  it('an abort during the backoff wait ends the call at once with the failure it has, no further attempt', { timeout: 5_000 }, async () => {
    const aborter = new AbortController();
    const waiting = recordingPolicy({ signal: aborter.signal, sleep: () => new Promise<void>(() => undefined) });
    const client = new PandaDatasource({ id: 'p2', provider: 'panda', baseUrl: emulator.baseUrl, ...PANDA }, waiting.policy, waiting.observer);
    try {
      emulator.injectFault({ kind: 'status', status: 503 });
      const pending = failure(client.listProfiles());
      while (waiting.attempts('/profiles').length === 0) await new Promise((resolve) => setImmediate(resolve));
      aborter.abort();
      const error = await pending;
      assert.equal(error.code, 'PROVIDER_UNAVAILABLE');
      assert.match(error.message, /HTTP 503/);
      assert.equal(waiting.attempts('/profiles').length, 1, 'no attempt after the abort');
    } finally {
      await client.close();
    }
  });

  const exhausted: [string, Parameters<PandaEmulator['injectFault']>[0], string, RegExp][] = [
    ['latency beyond the timeout', { kind: 'delay', delayMs: 2_500 }, 'PROVIDER_UNAVAILABLE', /response timeout/],
    ['503', { kind: 'status', status: 503 }, 'PROVIDER_UNAVAILABLE', /HTTP 503/],
    ['a connection reset mid-response', { kind: 'reset' }, 'PROVIDER_UNAVAILABLE', /connection|closed|reset/],
  ];
  for (const [name, fault, code, message] of exhausted) {
    it(`${name}, every attempt: ${code} after maxAttempts attempts`, async () => {
      emulator.injectFault(fault);
      const error = await failure(panda.listProfiles());
      assert.equal(error.code, code);
      assert.match(error.message, message);
      assert.deepEqual(error.extensions.account, 'p');
      assert.equal(r.attempts('/profiles').length, 3);
      assert.ok(r.attempts('/profiles').every((c) => c.outcome === 'transport_error' || c.outcome === 'server_error'));
    });
  }

  // undici checks body timeouts on a coarse (~1 s) timer: the body stalls well past that
  it('a slow body is retried on a read, and reported (once) on a write', async () => {
    emulator.injectFault({ kind: 'slow-body', delayMs: 2_500, times: 1 });
    assert.ok((await panda.listProfiles()).length > 0);
    assert.deepEqual(
      r.attempts('/profiles').map((c) => c.outcome),
      ['transport_error', 'success'],
    );
    emulator.injectFault({ kind: 'slow-body', delayMs: 2_500, times: 1, pathIncludes: '/videos.json' });
    const error = await failure(panda.createVideoFromUrl({ sourceUrl: 'https://example.com/slow.mp4' }));
    assert.equal(error.code, 'PROVIDER_UNAVAILABLE');
    assert.match(error.message, /body timeout/);
    assert.equal(r.attempts('/videos.json').length, 1);
  });

  it('malformed or truncated JSON is not retried: PROVIDER_UNAVAILABLE at once', async () => {
    emulator.injectFault({ kind: 'malformed', times: 1 });
    assert.equal((await failure(panda.listProfiles())).code, 'PROVIDER_UNAVAILABLE');
    assert.equal(r.attempts('/profiles').length, 1);
  });

  it('500 is not retried (the provider failed on this very request)', async () => {
    emulator.injectFault({ kind: 'status', status: 500, times: 1 });
    assert.equal((await failure(panda.listProfiles())).code, 'PROVIDER_UNAVAILABLE');
    assert.equal(r.attempts('/profiles').length, 1);
  });

  it('429 with a short Retry-After is waited out exactly, then succeeds', async () => {
    emulator.injectFault({ kind: 'status', status: 429, headers: { 'retry-after': '1' }, times: 1 });
    assert.ok((await panda.listProfiles()).length > 0);
    assert.deepEqual(r.waits, [1_000]);
  });

  it('429 with a Retry-After beyond the cap is RATE_LIMITED at once, with the hint', async () => {
    emulator.injectFault({ kind: 'status', status: 429, headers: { 'retry-after': '3' }, times: 1 });
    const error = await failure(panda.listProfiles());
    assert.equal(error.code, 'RATE_LIMITED');
    assert.equal(error.extensions.retryAfterSeconds, 3);
    assert.equal(r.attempts('/profiles').length, 1);
    assert.deepEqual(r.waits, []);
  });

  it('a write is sent once, whatever the failure: the emulator saw one request', async () => {
    emulator.injectFault({ kind: 'status', status: 503, pathIncludes: '/videos.json' });
    emulator.log.clear();
    const error = await failure(panda.createVideoFromUrl({ sourceUrl: 'https://example.com/a.mp4' }));
    assert.equal(error.code, 'PROVIDER_UNAVAILABLE');
    assert.equal(
      emulator.log.count((e) => e.method === 'POST' && e.path.endsWith('/videos.json')),
      1,
    );
    assert.deepEqual(r.waits, []);
  });

  it('a write that times out is reported failed, not sent again', async () => {
    emulator.injectFault({ kind: 'delay', delayMs: 1_500, pathIncludes: '/videos.json', times: 1 });
    const error = await failure(panda.createVideoFromUrl({ sourceUrl: 'https://example.com/b.mp4' }));
    assert.match(error.message, /response timeout/);
    assert.equal(r.attempts('/videos.json').length, 1);
  });

  it('a streamed body cannot be sent twice: never retried, even when marked idempotent', async () => {
    const http = new UpstreamClient(emulator.baseUrl, { account: 'p', provider: 'panda' }, r.policy, r.observer);
    try {
      emulator.injectFault({ kind: 'status', status: 503, times: 1, pathIncludes: '/stream-probe' });
      const streamed = await http.request({ method: 'PUT', path: '/stream-probe', body: Readable.from([Buffer.from('part')]), idempotent: true });
      assert.equal(streamed.status, 503);
      assert.equal(r.attempts('/stream-probe').length, 1);
      emulator.injectFault({ kind: 'status', status: 503, times: 1, pathIncludes: '/buffer-probe' });
      await http.request({ method: 'PUT', path: '/buffer-probe', body: Buffer.from('part'), idempotent: true });
      assert.equal(r.attempts('/buffer-probe').length, 2, 'a buffered body is replayed');
    } finally {
      await http.close();
    }
  });

  it('gives up when the time budget is spent, even with attempts left', async () => {
    const slow = recordingPolicy({
      retry: { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 1_000, budgetMs: 250, maxRetryAfterMs: 1_500 },
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: () => 0.999,
    });
    const ds = new PandaDatasource({ id: 'p', provider: 'panda', baseUrl: emulator.baseUrl, ...PANDA }, slow.policy, slow.observer);
    try {
      emulator.injectFault({ kind: 'status', status: 503 });
      await failure(ds.listProfiles());
      assert.equal(slow.attempts('/profiles').length, 2, 'a ~200 ms wait, then a ~400 ms one would end past the 250 ms budget');
    } finally {
      await ds.close();
    }
  });
});

describe('retries are decided per operation, not per HTTP verb (Dailymotion JSON-RPC, Ziggeo)', () => {
  let dm: DailymotionEmulator;
  let zig: ZiggeoEmulator;
  const r = recordingPolicy();
  let dailymotion: DailymotionDatasource;
  let ziggeo: ZiggeoDatasource;
  let ziggeoClient: ZiggeoClient;
  before(async () => {
    const dmAccount = demoDailymotionAccounts()[0]!;
    dm = await startDailymotionEmulator({ accounts: [dmAccount], demoData: true });
    dailymotion = new DailymotionDatasource({ id: 'dm', provider: 'dailymotion', baseUrl: dm.baseUrl, userId: dmAccount.userId, apiKey: dmAccount.apiKey }, r.policy, r.observer);
    const zAccount = demoZiggeoAccounts()[0]!;
    zig = await startZiggeoEmulator({ accounts: [zAccount], demoData: true });
    const zConfig = { id: 'zig', provider: 'ziggeo' as const, baseUrl: zig.baseUrl, token: zAccount.token, privateKey: zAccount.privateKey };
    ziggeo = new ZiggeoDatasource(zConfig, r.policy, r.observer);
    ziggeoClient = new ZiggeoClient(zConfig, { policy: r.policy, observer: r.observer });
  });
  afterEach(() => {
    dm.clearFaults();
    zig.clearFaults();
    r.reset();
  });
  after(async () => {
    await Promise.all([dailymotion.close(), ziggeo.close(), ziggeoClient.close()]);
    await Promise.all([dm.close(), zig.close()]);
  });

  it('media.count (a POST that reads) is retried', async () => {
    dm.injectFault({ kind: 'status', status: 503, times: 2 });
    assert.ok((await dailymotion.countMedia()) > 0);
    assert.deepEqual(
      r.attempts('media.count').map((c) => c.attempt),
      [1, 2, 3],
    );
  });

  it('media.create is sent once: PROVIDER_UNAVAILABLE, one RPC call', async () => {
    dm.injectFault({ kind: 'status', status: 503, times: 1 });
    const before = dm.log.count();
    assert.equal((await failure(dailymotion.createMedia({ url: 'https://example.com/x.mp4' }))).code, 'PROVIDER_UNAVAILABLE');
    assert.equal(r.attempts('media.create').length, 1);
    assert.equal(dm.log.count() - before, 1);
  });

  it('a slow RPC body past the body timeout is retried (undici checks it on a ~1 s timer)', async () => {
    dm.injectFault({ kind: 'slow-body', delayMs: 2_500, times: 1 });
    assert.ok((await dailymotion.countMedia()) > 0);
    assert.deepEqual(
      r.attempts('media.count').map((c) => c.outcome),
      ['transport_error', 'success'],
    );
  });

  it('Ziggeo: a GET read and a read-only POST (get_bulk) are retried; a create is not', async () => {
    zig.injectFault({ kind: 'status', status: 502, times: 1, pathIncludes: '/count' });
    assert.ok((await ziggeo.countVideos()) > 0);
    assert.deepEqual(
      r.attempts('/count').map((c) => c.status),
      [502, 200],
    );

    zig.injectFault({ kind: 'reset', times: 1, pathIncludes: '/get_bulk' });
    assert.ok(Array.isArray(await ziggeoClient.videos.get_bulk({ tokens_or_keys: 'none' })));
    assert.deepEqual(
      r.attempts('/get_bulk').map((c) => c.outcome),
      ['transport_error', 'success'],
    );

    zig.injectFault({ kind: 'status', status: 503, times: 1, pathIncludes: '/v1/videos' });
    assert.equal((await failure(ziggeo.createVideo({}))).code, 'PROVIDER_UNAVAILABLE');
    assert.equal(r.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/v1/videos/')).length, 1);
  });
});
