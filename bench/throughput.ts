import { request } from 'undici';
import type { BenchRow, Suite } from './types';
import { forkChild, type Child } from './support/children';
import { percentile, ratioOf } from './support/stats';
import type { LoadResult, LoadSpec } from './throughput/driver';

/** Answered from the configuration in memory: no upstream call, no loader. */
const QUERY = 'query Accounts { accounts { id provider capabilities } }';
const CONNECTIONS = 10;

async function answerOf(url: string, body: string): Promise<string> {
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`);
  return text;
}

async function load(spec: LoadSpec): Promise<LoadResult> {
  const driver = await forkChild<LoadResult>('throughput/driver.js', [JSON.stringify(spec)], (spec.seconds + 30) * 1000);
  await driver.stop();
  if (driver.ready.failures > 0) throw new Error(`${spec.url}: ${driver.ready.failures} failed or wrong answers under load`);
  return driver.ready;
}

/**
 * Requests per second of one query answered from memory: vidmesh (sandbox, emulators idle) against
 * a bare Apollo Server 5 whose resolver returns the same objects (same answer, byte for byte), with
 * autocannon in a third process; servers take turns, round after round. A third server — vidmesh's
 * type-graphql schema in the bare server — splits the difference between schema and HTTP layer.
 */
export const run: Suite = async ({ quick }) => {
  const body = JSON.stringify({ query: QUERY, operationName: 'Accounts' });
  const servers: Child<{ url: string }>[] = [];
  try {
    const vidmesh = await forkChild<{ url: string }>('throughput/server-host.js', ['vidmesh']);
    servers.push(vidmesh);
    const expected = await answerOf(vidmesh.ready.url, body);
    const accounts = (JSON.parse(expected) as { data: { accounts: unknown[] } }).data.accounts;
    const bare = await forkChild<{ url: string }>('throughput/server-host.js', ['bare', JSON.stringify(accounts)]);
    servers.push(bare);
    const typegraphql = await forkChild<{ url: string }>('throughput/server-host.js', ['typegraphql']);
    servers.push(typegraphql);
    for (const server of [bare, typegraphql]) {
      const answer = await answerOf(server.ready.url, body);
      if (answer !== expected) throw new Error(`baseline answers differently:\n${answer}\nvs vidmesh:\n${expected}`);
    }

    const named = { vidmesh, bare, typegraphql };
    const results: Record<keyof typeof named, LoadResult[]> = { vidmesh: [], bare: [], typegraphql: [] };
    const seconds = quick ? 1.5 : 3;
    const rounds = quick ? 2 : 5;
    const spec = (url: string, s: number): LoadSpec => ({ url, body, expectBody: expected, connections: CONNECTIONS, seconds: s });
    for (const server of Object.values(named)) await load(spec(server.ready.url, 1)); // warm-up
    for (let round = 0; round < rounds; round++) {
      const order = Object.keys(named) as (keyof typeof named)[];
      for (const name of round % 2 === 0 ? order : [...order].reverse()) results[name].push(await load(spec(named[name].ready.url, seconds)));
    }
    // medians over rounds: a round slowed by someone else's load does not decide
    const rps = (name: keyof typeof named) => percentile(results[name].map((r) => r.rps), 50);
    const p99 = (name: keyof typeof named) => percentile(results[name].map((r) => r.p99), 50);
    const kase = `accounts query from memory, ${CONNECTIONS} connections`;
    return [
      { suite: 'throughput', case: kase, metric: 'requests/s vs bare Apollo', vidmesh: rps('vidmesh'), baseline: rps('bare'), ratio: ratioOf(rps('vidmesh'), rps('bare')), goal: '>= 0.8', unit: 'req/s' },
      { suite: 'throughput', case: kase, metric: 'p99 latency vs bare Apollo', vidmesh: p99('vidmesh'), baseline: p99('bare'), ratio: ratioOf(p99('vidmesh'), p99('bare')), goal: 'info', unit: 'ms' },
      {
        suite: 'throughput',
        case: 'layer: type-graphql schema + context in bare Apollo',
        metric: 'requests/s vs bare Apollo',
        vidmesh: rps('typegraphql'),
        baseline: rps('bare'),
        ratio: ratioOf(rps('typegraphql'), rps('bare')),
        goal: 'info',
        unit: 'req/s',
      },
      {
        suite: 'throughput',
        case: 'layer: vidmesh HTTP, auth, formatError, plugins',
        metric: 'requests/s vs previous layer',
        vidmesh: rps('vidmesh'),
        baseline: rps('typegraphql'),
        ratio: ratioOf(rps('vidmesh'), rps('typegraphql')),
        goal: 'info',
        unit: 'req/s',
      },
    ];
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
};
