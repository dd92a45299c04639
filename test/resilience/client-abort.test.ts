import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { print } from 'graphql';
import type { LoggedRequest } from '../../emulators/common/types';
import { CreateVideoDocument, VideosDocument } from '../generated/graphql';
import { sleep, startTwoAccountStack, type TwoAccountStack } from './support';

const LATENCY_MS = 5_000;

/** POSTs a GraphQL body on a raw connection and hangs up after `ms`, before any answer. */
async function postAndLeave(url: string, body: string, ms: number): Promise<number> {
  const { hostname, port, pathname } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(`POST ${pathname} HTTP/1.1\r\nhost: ${hostname}:${port}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  let answered = false;
  socket.on('data', () => (answered = true));
  await sleep(ms);
  assert.equal(answered, false, 'no answer yet: the upstream call is still waiting');
  socket.destroy();
  return performance.now();
}

async function until(found: () => LoggedRequest | undefined, withinMs: number): Promise<LoggedRequest> {
  const started = performance.now();
  for (;;) {
    const entry = found();
    if (entry) return entry;
    if (performance.now() - started > withinMs) throw new Error(`nothing within ${withinMs} ms`);
    await sleep(10);
  }
}

describe('a client that disconnects mid-request aborts the upstream calls made for it (issue 15)', () => {
  let s: TwoAccountStack;
  // one counted failure would open the circuit: the abort must not be one
  before(async () => (s = await startTwoAccountStack({ upstream: { retry: { maxAttempts: 1 }, breaker: { failureThreshold: 1, openMs: 60_000 } } })));
  after(() => s.close());

  const circuitOf = async (account: string) =>
    (JSON.parse((await s.get('/readyz')).text) as { accounts: { account: string; circuit: string }[] }).accounts.find((a) => a.account === account)!.circuit;

  it('a slow read: the emulator sees its request closed long before the latency elapses, and the circuit stays closed', async () => {
    s.bad.injectFault({ kind: 'delay', delayMs: LATENCY_MS, pathIncludes: '/videos.json', times: 1 });
    const seen = s.bad.log.entries.length;
    const body = JSON.stringify({ query: print(VideosDocument), variables: { accounts: ['bad'], first: 2 } });
    const left = await postAndLeave(s.gql.gateway.url, body, 300);
    const entry = await until(() => s.bad.log.entries.slice(seen).find((e) => e.path.endsWith('/videos.json')), LATENCY_MS - 1_000);
    const ms = performance.now() - left;
    assert.equal(entry.status, 0, 'the connection closed before the emulator answered');
    assert.ok(ms < 1_500, `aborted ${Math.round(ms)} ms after the client left`);
    assert.equal(await circuitOf('bad'), 'closed', 'a client abort is no provider failure');
    const next = await s.gql.exec(VideosDocument, { accounts: ['bad'], first: 2 });
    assert.equal(next.errors, undefined, 'the account answers the next client');
  });

  it('a write is not cut: it completes at the provider, which the gateway must know to finish or undo it', async () => {
    s.bad.injectFault({ kind: 'delay', delayMs: 800, pathIncludes: '/videos.json', times: 1 });
    const seen = s.bad.log.entries.length;
    const body = JSON.stringify({ query: print(CreateVideoDocument), variables: { input: { account: 'bad', sourceUrl: 'https://media.example.com/left.mp4', profiles: [] } } });
    await postAndLeave(s.gql.gateway.url, body, 300);
    const entry = await until(() => s.bad.log.entries.slice(seen).find((e) => e.method === 'POST' && e.path.endsWith('/videos.json')), 3_000);
    assert.ok(entry.status >= 200 && entry.status < 300, `answered ${entry.status}`);
    assert.equal(await circuitOf('bad'), 'closed');
  });
});
