import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { print } from 'graphql';
import { Agent, request } from 'undici';
import { VideosDocument } from '../generated/graphql';
import { sleep, startTwoAccountStack } from './support';

const body = JSON.stringify({ query: print(VideosDocument), variables: { accounts: ['good'], first: 2 } });

/** Each request on its own connection, so "refused" means what a new client would see. */
async function post(url: string): Promise<{ status: number; json: { data?: unknown; errors?: unknown[] } }> {
  const dispatcher = new Agent({ pipelining: 0 });
  try {
    const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, dispatcher });
    return { status: response.statusCode, json: (await response.body.json()) as { data?: unknown; errors?: unknown[] } };
  } finally {
    await dispatcher.close();
  }
}

describe('graceful shutdown (issue 8 item 6)', () => {
  it('lets an in-flight request finish and refuses new ones', async () => {
    const s = await startTwoAccountStack({ server: { host: '127.0.0.1', port: 0, shutdownTimeoutMs: 5_000 } });
    try {
      s.good.injectFault({ kind: 'delay', delayMs: 500, times: 1 });
      const slow = post(s.gql.gateway.url);
      await sleep(150);
      const closing = s.gql.gateway.close();
      await sleep(20);
      const late = await post(s.gql.gateway.url).then(
        (r) => `HTTP ${r.status}`,
        (error: Error & { code?: string }) => error.code ?? error.message,
      );
      assert.match(late, /ECONNREFUSED|HTTP 503/, 'a new request is refused');
      const finished = await slow;
      assert.equal(finished.status, 200);
      assert.equal(finished.json.errors, undefined);
      assert.ok(finished.json.data, 'the in-flight request got its data');
      await closing;
    } finally {
      await Promise.all([s.bad.close(), s.good.close()]);
    }
  });

  it('cuts what is still running when the bound is reached', async () => {
    const s = await startTwoAccountStack({ server: { host: '127.0.0.1', port: 0, shutdownTimeoutMs: 200 } });
    try {
      s.good.injectFault({ kind: 'delay', delayMs: 5_000, times: 1 });
      const stuck = post(s.gql.gateway.url).then(
        () => 'answered',
        () => 'cut',
      );
      await sleep(100);
      const started = performance.now();
      await s.gql.gateway.close();
      assert.ok(performance.now() - started < 2_000, 'close() returned within the bound (and undici pool close)');
      assert.equal(await stuck, 'cut');
    } finally {
      await Promise.all([s.bad.close(), s.good.close()]);
    }
  });
});
