import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VideosDocument } from '../generated/graphql';
import { sleep, startTwoAccountStack, type TwoAccountStack } from './support';

const OPEN_MS = 300;

describe('per-account circuit breaker through the gateway (issue 8 item 1)', () => {
  let s: TwoAccountStack;
  const listCalls = (emulator: TwoAccountStack['bad']) => emulator.log.count((e) => e.path.endsWith('/videos.json'));
  const query = () => s.gql.exec(VideosDocument, { accounts: ['bad', 'good'], first: 5 });
  async function circuitOf(account: string): Promise<string> {
    const ready = JSON.parse((await s.get('/readyz')).text) as { accounts: { account: string; circuit: string }[] };
    return ready.accounts.find((a) => a.account === account)!.circuit;
  }
  async function circuitMetric(account: string): Promise<number> {
    const text = (await s.get('/metrics')).text;
    const line = text.split('\n').find((l) => l.startsWith(`vidmesh_circuit_state{account="${account}",provider="panda"}`));
    return Number(line?.split(' ')[1]);
  }

  before(async () => {
    s = await startTwoAccountStack({ upstream: { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 }, breaker: { failureThreshold: 3, openMs: OPEN_MS } } });
  });
  after(() => s.close());

  it('a read that fails once is retried and the query succeeds', async () => {
    s.bad.injectFault({ kind: 'status', status: 503, times: 1 });
    const before = listCalls(s.bad);
    const result = await query();
    assert.equal(result.errors, undefined);
    assert.equal(listCalls(s.bad) - before, 2);
    assert.equal(await circuitOf('bad'), 'closed');
  });

  it('repeated failures open the circuit; then PROVIDER_UNAVAILABLE at once, no upstream call; the other account keeps working', async () => {
    s.bad.injectFault({ kind: 'status', status: 503 });
    const goodBefore = listCalls(s.good);
    let before = listCalls(s.bad);
    const first = await query();
    assert.equal(listCalls(s.bad) - before, 3, 'three attempts, the breaker threshold');
    assert.deepEqual(
      first.errors?.map((e) => [e.extensions?.code, e.extensions?.account]),
      [['PROVIDER_UNAVAILABLE', 'bad']],
    );
    assert.match(first.errors![0]!.message, /HTTP 503/);
    assert.ok(first.data!.videos.edges.length > 0 && first.data!.videos.edges.every((e) => e.node.account.id === 'good'));

    before = listCalls(s.bad);
    const started = performance.now();
    const second = await query();
    assert.ok(performance.now() - started < 250, 'answered at once');
    assert.equal(listCalls(s.bad) - before, 0, 'the open circuit made no upstream call');
    assert.equal(second.errors?.[0]?.extensions?.code, 'PROVIDER_UNAVAILABLE');
    assert.equal(second.errors?.[0]?.extensions?.circuit, 'open');
    assert.match(second.errors![0]!.message, /circuit open/);
    assert.ok(second.data!.videos.edges.length > 0, 'the good account still answers');
    assert.equal(listCalls(s.good) - goodBefore, 2, 'good was called for every query');

    assert.equal(await circuitOf('bad'), 'open');
    assert.equal(await circuitOf('good'), 'closed');
    assert.equal((await s.get('/readyz')).status, 200, 'ready while another account is reachable');
    assert.equal(await circuitMetric('bad'), 2);
    assert.equal(await circuitMetric('good'), 0);
  });

  it('after openMs one probe goes through; a failed probe opens the circuit again', async () => {
    await sleep(OPEN_MS + 50);
    assert.equal(await circuitOf('bad'), 'half-open');
    const before = listCalls(s.bad);
    const result = await query();
    assert.equal(listCalls(s.bad) - before, 1, 'a single probe, not retried');
    assert.match(result.errors![0]!.message, /HTTP 503/);
    assert.equal(await circuitOf('bad'), 'open');
  });

  it('a successful probe closes the circuit', async () => {
    s.bad.clearFaults();
    const early = await query();
    assert.equal(early.errors?.[0]?.extensions?.circuit, 'open', 'still open before openMs has passed');
    await sleep(OPEN_MS + 50);
    const before = listCalls(s.bad);
    const result = await query();
    assert.equal(result.errors, undefined);
    assert.equal(listCalls(s.bad) - before, 1);
    assert.equal(await circuitOf('bad'), 'closed');
    assert.equal(await circuitMetric('bad'), 0);
    assert.ok(result.data!.videos.edges.some((e) => e.node.account.id === 'bad'));
  });

  it('readyz stays ready when every circuit is open: it lists them, but a provider outage is no reason to leave the balancer (issue 15)', async () => {
    s.bad.injectFault({ kind: 'status', status: 503 });
    s.good.injectFault({ kind: 'status', status: 503 });
    await query();
    await query();
    const ready = await s.get('/readyz');
    assert.equal(ready.status, 200);
    const body = JSON.parse(ready.text) as { status: string; accounts: { circuit: string }[] };
    assert.equal(body.status, 'ready');
    assert.deepEqual(
      body.accounts.map((a) => a.circuit),
      ['open', 'open'],
    );
    assert.equal((await s.get('/healthz')).status, 200, 'alive all the same');
    s.bad.clearFaults();
    s.good.clearFaults();
  });
});
