import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { redisSkip } from '../support/redis';
import { eventually, startReplicaStack, type Replica, type ReplicaStack } from './breaker-stack';

const OPEN_MS = 2_500;

describe('one circuit per account across replicas, through Redis (issue 15)', { skip: redisSkip() }, () => {
  let s: ReplicaStack;
  let a: Replica;
  let b: Replica;
  let c: Replica;

  before(async () => {
    s = await startReplicaStack({ upstream: { retry: { maxAttempts: 1 }, breaker: { failureThreshold: 2, openMs: OPEN_MS } } });
    [a, b] = [await s.startReplica(), await s.startReplica()];
  });
  after(() => s.close());

  it("A's circuit opens: within a second B refuses calls to that account without calling it; the other account is untouched", async () => {
    s.bad.injectFault({ kind: 'status', status: 503 });
    for (let i = 0; i < 2; i++) assert.match((await a.query()).errors![0]!.message, /HTTP 503/);
    assert.equal((await a.circuits()).bad, 'open');
    const ms = await eventually(async () => (await b.circuits()).bad === 'open', 1_000, "B's circuit for bad opens");
    assert.ok(ms < 1_000, `${ms} ms`);

    const before = s.badCalls();
    const result = await b.query();
    assert.equal(s.badCalls() - before, 0, 'B made no call to the open account');
    assert.equal(result.errors?.[0]?.extensions?.code, 'PROVIDER_UNAVAILABLE');
    assert.equal(result.errors?.[0]?.extensions?.circuit, 'open');
    assert.ok(
      result.data!.videos.edges.some((e) => e.node.account.id === 'good'),
      'good answers through B',
    );
    assert.equal((await b.circuits()).good, 'closed');
    assert.ok(b.lines.some((l) => l.msg === 'circuit state changed' && l.account === 'bad' && l.circuit === 'open' && l.from === 'another replica'));
  });

  it('a replica started after the opening starts open', async () => {
    c = await s.startReplica();
    assert.equal((await c.circuits()).bad, 'open');
    const before = s.badCalls();
    const result = await c.query();
    assert.equal(s.badCalls() - before, 0);
    assert.equal(result.errors?.[0]?.extensions?.circuit, 'open');
  });

  it('readiness is not decided by circuits: every replica stays ready with bad open', async () => {
    for (const r of [a, b, c]) {
      const { status, body } = await r.readyz();
      assert.equal(status, 200);
      assert.equal(body.status, 'ready');
      assert.deepEqual(body.state, { kind: 'redis', ok: true });
    }
  });

  it('a successful probe on one replica closes the circuit on all of them', async () => {
    s.bad.clearFaults();
    await eventually(async () => (await a.circuits()).bad === 'half-open', OPEN_MS + 1_000, "A's probe is due");
    const probed = await a.query();
    assert.equal(probed.errors, undefined);
    assert.equal((await a.circuits()).bad, 'closed');
    for (const r of [b, c]) await eventually(async () => (await r.circuits()).bad === 'closed', 1_000, 'the others close');
    const before = s.badCalls();
    const result = await b.query();
    assert.equal(result.errors, undefined);
    assert.equal(s.badCalls() - before, 1, 'B calls bad again, no probe needed');
  });

  it("Redis stopped: each replica's breaker works alone, readiness says why, and the sync raises no error", async () => {
    await c.close();
    await s.redis.stop();
    s.bad.injectFault({ kind: 'status', status: 503 });
    for (let i = 0; i < 2; i++) {
      const result = await a.query();
      assert.deepEqual(
        result.errors?.map((e) => e.extensions?.code),
        ['PROVIDER_UNAVAILABLE'],
        'the provider error, not STATE_UNAVAILABLE',
      );
      assert.ok(result.data!.videos.edges.length > 0);
    }
    assert.equal((await a.circuits()).bad, 'open', "A's own breaker opened");
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await b.circuits()).bad, 'closed', 'B did not hear of it (Redis is down)');
    for (let i = 0; i < 2; i++) await b.query();
    assert.equal((await b.circuits()).bad, 'open', "B's own breaker opened by itself");
    const before = s.badCalls();
    await b.query();
    assert.equal(s.badCalls() - before, 0);

    const { status, body } = await a.readyz();
    assert.equal(status, 503);
    assert.deepEqual(
      { status: body.status, reason: body.reason, state: body.state },
      { status: 'unavailable', reason: 'state store unavailable', state: { kind: 'redis', ok: false } },
    );
    assert.doesNotMatch(JSON.stringify(body), /127\.0\.0\.1|redis:\/\//);
    for (const r of [a, b])
      assert.deepEqual(
        r.lines.filter((l) => l.level >= 50),
        [],
        'no error lines',
      );
    s.bad.clearFaults();
  });

  it('Redis back: the replicas hear each other again', async () => {
    await s.redis.restart();
    await eventually(async () => (await a.readyz()).status === 200 && (await b.readyz()).status === 200, 5_000, 'ready again');
    // both circuits are still open from the outage; wait for the probes, which succeed and close them
    await eventually(async () => (await a.circuits()).bad === 'half-open' && (await b.circuits()).bad === 'half-open', OPEN_MS + 1_000, 'probes due');
    await a.query();
    await b.query();
    s.bad.injectFault({ kind: 'status', status: 503 });
    for (let i = 0; i < 2; i++) await b.query();
    assert.equal((await b.circuits()).bad, 'open');
    await eventually(async () => (await a.circuits()).bad === 'open', 3_000, "A hears of B's opening after the outage (resubscribed)");
    s.bad.clearFaults();
  });
});
