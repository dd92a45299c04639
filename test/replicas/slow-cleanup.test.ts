import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { redisSkip } from '../support/redis';
import { MiB, Replicas, sessionOn, testBytes, uploadThrough } from './support';

/** Longer than the shutdown's settle bound for cut uploads (5 s in src/http/server.ts). */
const SLOW_DELETE_MS = 9_000;

/**
 * Issue 20 (7): an upload cut by a shutdown has its provider session deleted; when the provider is
 * too slow to answer that DELETE before the replica is gone, the cleanup must not be lost with it.
 * It is queued in Redis as the replica stops, and the next replica to start sends it again.
 */
describe('a cleanup the provider is too slow to answer at shutdown', { skip: redisSkip() }, () => {
  let r: Replicas;
  before(async () => {
    r = await Replicas.start({ shutdownTimeoutMs: 300 });
  });
  after(() => r?.close());

  it('is queued in Redis as the replica stops and sent by the next replica: no provider session survives', { timeout: 60_000 }, async () => {
    const unfinished = r.stack.panda.uploads.unfinished();
    // the upload's own DELETE hangs past the settle bound, then fails without doing anything
    r.stack.panda.injectFault({ kind: 'status', status: 503, delayMs: SLOW_DELETE_MS, method: 'DELETE', pathIncludes: '/upload/session', times: 1 });
    let closing: Promise<void> | undefined;
    const started = performance.now();
    const cut = await uploadThrough(r.a, 'panda', testBytes(24 * MiB, 61), 'slow-cleanup-0001', {
      writeBytes: 256 * 1024,
      pauseMs: 15,
      midway: {
        afterBytes: 4 * MiB,
        run: async () => {
          closing = r.a.close();
        },
      },
    }).catch((error: Error) => ({ status: 0, error }));
    assert.ok(!('data' in cut && cut.data?.uploadVideo), 'the upload did not complete');
    await closing;
    const ms = performance.now() - started;
    assert.ok(ms < SLOW_DELETE_MS, `the replica stopped after ${Math.round(ms)} ms, without waiting for the provider's answer`);
    assert.equal(r.stack.panda.uploads.unfinished(), unfinished + 1, 'the provider still has the session');

    // the next replica sweeps the queue at start
    const next = await r.replica();
    const until = Date.now() + 20_000;
    while (r.stack.panda.uploads.unfinished() > unfinished && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(r.stack.panda.uploads.unfinished(), unfinished, 'the queued cleanup deleted the session');
    assert.equal((await sessionOn(next, 'slow-cleanup-0001'))?.state, 'FAILED');
  });
});
