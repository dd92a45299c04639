import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { VidmeshError } from '../../src/errors';
import { CircuitBreaker, UpstreamClient, type UpstreamPolicy } from '../../src/upstream';

const ACCOUNT = { accessKey: 'deadline-ak', secretKey: 'deadline-secret-0123', cloudId: 'deadline-cloud' };
const TARGET = { account: 'p', provider: 'panda' };

async function failure(promise: Promise<unknown>): Promise<VidmeshError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof VidmeshError, String(error));
    return error;
  }
  return assert.fail('expected an error');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every attempt's deadline covers the wait for a free socket as well as the call itself; and the
 * breaker hears only of the provider's faults. Unsigned calls to the Panda emulator are refused at
 * once (a quick, healthy 4xx answer) unless a fault is injected on their path.
 */
describe('upstream deadlines: no wait outside one, and only provider faults count', () => {
  let emulator: PandaEmulator;
  before(async () => {
    emulator = await startPandaEmulator({ accounts: [ACCOUNT] });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.clearFaults());

  function client(policy: Partial<UpstreamPolicy>) {
    return new UpstreamClient(emulator.baseUrl, TARGET, { connectMs: 500, headersMs: 10_000, bodyMs: 10_000, ...policy });
  }

  it('a call queued behind a full pool fails with PROVIDER_UNAVAILABLE at its deadline, never later, and is not held against the provider', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 60_000 });
    const http = client({ deadlineMs: 800, breaker });
    try {
      // sixteen calls the provider takes 3 s to answer fill the API pool (their own deadline is longer)
      emulator.injectFault({ kind: 'delay', delayMs: 3_000, pathIncludes: '/slow', times: 16 });
      const blockers = Array.from({ length: 16 }, () => http.request({ method: 'GET', path: '/v2/slow.json', deadlineMs: 6_000 }));
      await sleep(300);
      const issued = performance.now();
      const error = await failure(http.request({ method: 'GET', path: '/v2/fast.json' }));
      const waited = performance.now() - issued;
      assert.equal(error.code, 'PROVIDER_UNAVAILABLE');
      assert.match(error.message, /timeout waiting for a free connection/);
      assert.ok(waited >= 780, `failed after ${waited} ms, before its deadline`);
      assert.ok(waited < 1_800, `failed after ${waited} ms, long past its 800 ms deadline`);
      assert.equal(breaker.state, 'closed', 'a call that never reached the provider says nothing about it');
      const answers = await Promise.all(blockers);
      assert.ok(
        answers.every((a) => a.status >= 400 && a.status < 500),
        'the slow calls were answered (unsigned: refused)',
      );
    } finally {
      await http.close();
    }
  });

  it('a provider that has the request and does not answer by the deadline is a provider timeout: counted', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 60_000 });
    const http = client({ deadlineMs: 800, breaker });
    try {
      emulator.injectFault({ kind: 'delay', delayMs: 3_000, pathIncludes: '/slow', times: 1 });
      const issued = performance.now();
      const error = await failure(http.request({ method: 'GET', path: '/v2/slow.json' }));
      assert.ok(performance.now() - issued < 1_800);
      assert.equal(error.code, 'PROVIDER_UNAVAILABLE');
      assert.match(error.message, /response timeout/);
      assert.doesNotMatch(error.message, /127\.0\.0\.1|\/v2\//);
      assert.equal(breaker.state, 'open');
    } finally {
      await http.close();
    }
  });

  it('the default deadline is connect + headers timeouts', async () => {
    const http = client({ connectMs: 300, headersMs: 600, bodyMs: 600 });
    try {
      emulator.injectFault({ kind: 'delay', delayMs: 3_000, pathIncludes: '/slow', times: 1 });
      const issued = performance.now();
      const error = await failure(http.request({ method: 'GET', path: '/v2/slow.json' }));
      const waited = performance.now() - issued;
      assert.equal(error.code, 'PROVIDER_UNAVAILABLE');
      // undici's own headers timer ticks coarsely; the deadline (900 ms) bounds it
      assert.ok(waited < 1_900, `failed after ${waited} ms`);
    } finally {
      await http.close();
    }
  });

  it('ten calls aborted by their caller leave the circuit closed; ten provider 503s open it', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 5, openMs: 60_000 });
    const http = client({ breaker });
    try {
      emulator.injectFault({ kind: 'delay', delayMs: 2_000, pathIncludes: '/slow', times: 10 });
      const aborted = await Promise.all(
        Array.from({ length: 10 }, async () => {
          const caller = new AbortController();
          const pending = failure(http.request({ method: 'GET', path: '/v2/slow.json', signal: caller.signal, idempotent: true }));
          setTimeout(() => caller.abort(), 200);
          return pending;
        }),
      );
      assert.ok(aborted.every((e) => e.code === 'PROVIDER_UNAVAILABLE'));
      assert.equal(breaker.state, 'closed', 'aborts of our own are not provider failures');

      emulator.injectFault({ kind: 'status', status: 503, pathIncludes: '/fail' });
      const failed: VidmeshError[] = [];
      for (let i = 0; i < 10; i++) {
        const answer = await http.request({ method: 'GET', path: '/v2/fail.json' }).catch((e: VidmeshError) => e);
        if (answer instanceof VidmeshError) failed.push(answer);
        else assert.equal(answer.status, 503);
      }
      assert.equal(breaker.state, 'open');
      assert.equal(failed.length, 5, 'the five calls after the fifth 503 are refused at once');
      assert.ok(failed.every((e) => e.extensions.circuit === 'open'));
    } finally {
      await http.close();
    }
  });

  it('the shutdown signal cuts a call without opening the circuit', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 60_000 });
    const shutdown = new AbortController();
    const http = client({ breaker, signal: shutdown.signal });
    try {
      emulator.injectFault({ kind: 'delay', delayMs: 2_000, pathIncludes: '/slow', times: 1 });
      const pending = failure(http.request({ method: 'GET', path: '/v2/slow.json' }));
      setTimeout(() => shutdown.abort(), 200);
      assert.equal((await pending).code, 'PROVIDER_UNAVAILABLE');
      assert.equal(breaker.state, 'closed');
    } finally {
      await http.close();
    }
  });
});
