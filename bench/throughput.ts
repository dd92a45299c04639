import { request } from 'undici';
import type { BenchRow, Suite } from './types';
import { askChild, forkChild, gatewayFlags, type Child } from './support/children';
import { percentile, ratioOf } from './support/stats';
import type { LoadResult, LoadSpec } from './throughput/driver';

/** Queries answered from the configuration in memory: no upstream call, no loader. */
const ACCOUNTS = 'accounts { id provider capabilities }';
const CASES = [
  { label: 'accounts query from memory', goal: '>= 1.0', query: `query Accounts { ${ACCOUNTS} }` },
  // the same objects under 20 aliases: ~20 × the fields, where per-field costs (type-graphql) would show
  { label: 'accounts ×20 aliases from memory', goal: '>= 1.3', query: `query Accounts { ${Array.from({ length: 20 }, (_, i) => `a${i}: ${ACCOUNTS}`).join(' ')} }` },
] as const;
const CONNECTIONS = 10;
type ServerName = 'vidmesh' | 'bare' | 'typegraphql';

async function answerOf(url: string, body: string): Promise<string> {
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`);
  return text;
}

/** One load run against `server`, with the CPU the server used for it per request answered (ms). */
async function load(server: Child<{ url: string }>, spec: LoadSpec): Promise<LoadResult & { cpuMsPerRequest: number }> {
  await askChild(server.process, { op: 'usage' });
  const result = await drive(spec);
  const { cpuMs } = await askChild<{ id: number; cpuMs: number }>(server.process, { op: 'usage' });
  return { ...result, cpuMsPerRequest: result.total > 0 ? cpuMs / result.total : Number.NaN };
}

async function drive(spec: LoadSpec): Promise<LoadResult> {
  const driver = await forkChild<LoadResult>('throughput/driver.js', [JSON.stringify(spec)], { timeoutMs: (spec.seconds + 30) * 1000 });
  await driver.stop();
  if (driver.ready.failures > 0) throw new Error(`${spec.url}: ${driver.ready.failures} failed or wrong answers under load`);
  return driver.ready;
}

/**
 * Requests per second of queries answered from memory: vidmesh (sandbox, emulators idle) against a
 * bare Apollo Server 5 whose resolver returns the same objects (same answer, byte for byte), with
 * autocannon in a third process; servers take turns, round after round. A third server — vidmesh's
 * type-graphql schema in the bare server — splits the difference between schema and HTTP layer.
 */
export const run: Suite = async ({ quick }) => {
  const servers: Child<{ url: string }>[] = [];
  try {
    const vidmesh = await forkChild<{ url: string }>('throughput/server-host.js', ['vidmesh'], { execArgv: gatewayFlags(), killAfterMs: 15_000 });
    servers.push(vidmesh);
    const bodies = CASES.map((c) => JSON.stringify({ query: c.query, operationName: 'Accounts' }));
    const expected = await Promise.all(bodies.map((body) => answerOf(vidmesh.ready.url, body)));
    const accounts = (JSON.parse(expected[0]!) as { data: { accounts: unknown[] } }).data.accounts;
    const bare = await forkChild<{ url: string }>('throughput/server-host.js', ['bare', JSON.stringify(accounts)]);
    servers.push(bare);
    const typegraphql = await forkChild<{ url: string }>('throughput/server-host.js', ['typegraphql']);
    servers.push(typegraphql);
    const named: Record<ServerName, Child<{ url: string }>> = { vidmesh, bare, typegraphql };
    for (const [i, body] of bodies.entries()) {
      for (const server of [bare, typegraphql]) {
        const answer = await answerOf(server.ready.url, body);
        if (answer !== expected[i]) throw new Error(`baseline answers differently:\n${answer}\nvs vidmesh:\n${expected[i]}`);
      }
    }

    const seconds = quick ? 1 : 2.5;
    const rounds = quick ? 1 : 4;
    const rows: BenchRow[] = [];
    for (const [i, c] of CASES.entries()) {
      const spec = (url: string, s: number): LoadSpec => ({ url, body: bodies[i]!, expectBody: expected[i]!, connections: CONNECTIONS, seconds: s });
      const results: Record<ServerName, (LoadResult & { cpuMsPerRequest: number })[]> = { vidmesh: [], bare: [], typegraphql: [] };
      for (const server of Object.values(named)) await load(server, spec(server.ready.url, 1)); // warm-up
      for (let round = 0; round < rounds; round++) {
        const order = Object.keys(named) as ServerName[];
        for (const name of round % 2 === 0 ? order : order.reverse()) results[name].push(await load(named[name], spec(named[name].ready.url, seconds)));
      }
      // medians over rounds: a round slowed by someone else's load does not decide
      const rps = (name: ServerName) =>
        percentile(
          results[name].map((r) => r.rps),
          50,
        );
      const p99 = (name: ServerName) =>
        percentile(
          results[name].map((r) => r.p99),
          50,
        );
      // CPU per request: what each answer costs the server, less sensitive to other jobs on the machine than req/s
      const cpu = (name: ServerName) =>
        percentile(
          results[name].map((r) => r.cpuMsPerRequest),
          50,
        );
      const kase = `${c.label}, ${CONNECTIONS} connections`;
      const row = (metric: string, vidmesh: number, baseline: number, goal: string, unit: string): BenchRow => ({
        suite: 'throughput',
        case: kase,
        metric,
        vidmesh,
        baseline,
        ratio: ratioOf(vidmesh, baseline),
        goal,
        unit,
      });
      rows.push(
        row('requests/s vs bare Apollo', rps('vidmesh'), rps('bare'), c.goal, 'req/s'),
        row('p99 latency vs bare Apollo', p99('vidmesh'), p99('bare'), 'info', 'ms'),
        row('server CPU/request vs bare Apollo', cpu('vidmesh') * 1000, cpu('bare') * 1000, 'info', 'µs'),
        row('req/s, type-graphql in bare Apollo', rps('typegraphql'), rps('bare'), 'info', 'req/s'),
        row('req/s, vidmesh vs type-graphql', rps('vidmesh'), rps('typegraphql'), 'info', 'req/s'),
      );
    }
    return rows;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
};
