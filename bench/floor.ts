import { Pool } from 'undici';
import type { BenchRow, Suite } from './types';
import { askChild, forkChild, type Child } from './support/children';
import { closedLoop } from './support/closed-loop';
import { floorCall } from './support/floor-call';
import { percentile, ratioOf, warmUntilSteady } from './support/stats';
import { CONCURRENCY, UPSTREAM_LATENCY_MS } from './overhead';

const QUERY = JSON.stringify({ query: '{ videos { id status } }' });

/**
 * What the overhead suite's CPU goal means on this machine: the least a process in between can cost.
 * One plain upstream call (FLOOR_PAGE after the overhead suite's fixed latency) made three ways at the
 * overhead suite's concurrency — directly from this process; through a bare `node:http` proxy in its
 * own process; through a bare Apollo Server 5 in its own process — and each in-between process's CPU
 * per request against the direct call's, as the overhead suite compares the gateway's. No vidmesh
 * code runs here: the rows are information (the floor under the overhead rows), not goals.
 */
export const run: Suite = async ({ quick }) => {
  const upstream = await forkChild<{ url: string }>('support/floor-host.js', ['upstream', String(UPSTREAM_LATENCY_MS)]);
  const hosts: Child<{ url: string }>[] = [];
  const pools: Pool[] = [];
  try {
    const direct = new Pool(upstream.ready.url, { connections: CONCURRENCY * 2 });
    pools.push(direct);
    const between: { name: string; host: Child<{ url: string }>; pool: Pool }[] = [];
    for (const [mode, name] of [
      ['proxy', 'bare node:http proxy'],
      ['apollo', 'bare Apollo Server 5'],
    ] as const) {
      const host = await forkChild<{ url: string }>('support/floor-host.js', [mode, upstream.ready.url]);
      hosts.push(host);
      const pool = new Pool(new URL(host.ready.url).origin, { connections: CONCURRENCY * 2 });
      pools.push(pool);
      between.push({ name, host, pool });
    }
    const viaDirect = async () => {
      await floorCall(direct);
    };
    const via = (pool: Pool) => async () => {
      const response = await pool.request({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: QUERY });
      if (response.statusCode !== 200) throw new Error(`floor: status ${response.statusCode}`);
      JSON.parse(await response.body.text());
    };
    const durationMs = quick ? 300 : 1_500;
    const rounds = quick ? 2 : 4;
    // every path until its CPU per request stops falling, as in the overhead suite
    const cycleMs = quick ? 300 : 1_000;
    await warmUntilSteady(
      async () => {
        const before = process.cpuUsage();
        const n = (await closedLoop(viaDirect, { concurrency: CONCURRENCY, durationMs: cycleMs })).length;
        const used = process.cpuUsage(before);
        return (used.user + used.system) / 1000 / n;
      },
      quick ? 2 : 10,
    );
    for (const b of between) {
      await warmUntilSteady(
        async () => {
          await askChild(b.host.process, { op: 'usage' });
          const n = (await closedLoop(via(b.pool), { concurrency: CONCURRENCY, durationMs: cycleMs })).length;
          return (await askChild<{ id: number; cpuMs: number }>(b.host.process, { op: 'usage' })).cpuMs / n;
        },
        quick ? 2 : 10,
      );
    }
    const directSamples = { ms: [] as number[], cpuMs: 0 };
    const samples = between.map(() => ({ ms: [] as number[], cpuMs: 0 }));
    for (let round = 0; round < rounds; round++) {
      const before = process.cpuUsage();
      directSamples.ms.push(...(await closedLoop(viaDirect, { concurrency: CONCURRENCY, durationMs })));
      const used = process.cpuUsage(before);
      directSamples.cpuMs += (used.user + used.system) / 1000;
      for (const [i, b] of between.entries()) {
        await askChild(b.host.process, { op: 'usage' });
        samples[i]!.ms.push(...(await closedLoop(via(b.pool), { concurrency: CONCURRENCY, durationMs })));
        samples[i]!.cpuMs += (await askChild<{ id: number; cpuMs: number }>(b.host.process, { op: 'usage' })).cpuMs;
      }
    }
    const directCpu = directSamples.cpuMs / directSamples.ms.length;
    const rows: BenchRow[] = [];
    for (const [i, b] of between.entries()) {
      const s = samples[i]!;
      const row = (metric: string, vidmesh: number, baseline: number): BenchRow => ({
        suite: 'floor',
        case: `${b.name}, 1 plain call`,
        metric,
        vidmesh,
        baseline,
        ratio: ratioOf(vidmesh, baseline),
        goal: 'info',
        unit: 'ms',
      });
      rows.push(row('p50 latency', percentile(s.ms, 50), percentile(directSamples.ms, 50)));
      rows.push(row('CPU/request, process in between', s.cpuMs / s.ms.length, directCpu));
    }
    return rows;
  } finally {
    await Promise.all(pools.map((p) => p.close()));
    await Promise.all([...hosts, upstream].map((h) => h.stop()));
  }
};
