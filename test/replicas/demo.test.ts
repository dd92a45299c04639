import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Agent, request } from 'undici';
import { startReplicaDemo, type ReplicaDemo } from '../../sandbox/replicas';
import { redisSkip } from '../support/redis';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('npm run demo:replicas: two gateway processes, Redis and the emulators behind a round-robin proxy (issue 15)', { skip: redisSkip() }, () => {
  let demo: ReplicaDemo;
  const output: string[] = [];
  const dispatcher = new Agent({ pipelining: 0 });
  const ask = async () => {
    const response = await request(demo.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ accounts { id } }' }),
      dispatcher,
    });
    const json = (await response.body.json()) as { data?: { accounts: { id: string }[] }; errors?: unknown[] };
    return { status: response.statusCode, replica: response.headers['x-vidmesh-replica'] as string, json };
  };

  before(async () => (demo = await startReplicaDemo({ port: 0, print: (line) => output.push(line) })));
  after(async () => {
    await demo?.close();
    await dispatcher.close();
  });

  it('answers through the proxy from both replicas in turn', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await ask());
    for (const a of answers) {
      assert.equal(a.status, 200);
      assert.equal(a.json.errors, undefined);
      assert.ok(a.json.data!.accounts.length >= 4, 'the demo accounts of the four emulators');
    }
    assert.deepEqual(new Set(answers.map((a) => a.replica)), new Set(['replica-1', 'replica-2']));
  });

  it('a rolling restart of one replica: SIGTERM, the proxy notices its readiness, no request fails', async () => {
    const [first] = demo.replicas;
    process.kill(first!.pid, 'SIGTERM');
    const started = performance.now();
    const late: string[] = [];
    while (performance.now() - started < 3_000) {
      const a = await ask();
      assert.equal(a.status, 200, `answered by ${a.replica} ${Math.round(performance.now() - started)} ms after SIGTERM`);
      assert.equal(a.json.errors, undefined);
      if (performance.now() - started > 1_500) late.push(a.replica);
      await sleep(50);
    }
    assert.ok(late.length > 0);
    assert.deepEqual(new Set(late), new Set(['replica-2']), 'past the probe interval only the ready replica is sent requests');
    assert.deepEqual(demo.proxy.ready(), ['replica-2']);
  });
});
