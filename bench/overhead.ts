import 'reflect-metadata';
import { execute, parse } from 'graphql';
import type { ProviderName } from '../src/config';
import { parseConfig } from '../src/config';
import { RequestContext } from '../src/context';
import { vidmeshSchema } from '../src/graph/build';
import { startGateway } from '../src/http/server';
import type { BenchRow, Suite } from './types';
import { forkEmulator } from './support/children';
import { closedLoop } from './support/closed-loop';
import { benchLogger } from './support/logger';
import { PROVIDERS } from './support/emulators';
import { BenchClient } from './support/graphql-client';
import { loadDashboardOperations, variablesFor, type DashboardOperation, type OperationSamples } from './support/operations';
import { planOf, recordCalls, replay } from './support/plan';
import { percentile, ratioOf } from './support/stats';

/** Every emulator response waits this long (issue 9 §2). */
export const UPSTREAM_LATENCY_MS = 20;
/** Dashboard requests in flight at once, for the gateway and for the direct calls alike. */
export const CONCURRENCY = 4;

const SAMPLE_QUERY = 'query BenchSamples($accounts: [ID!]) { videos(accounts: $accounts, first: 10) { edges { node { id } } } }';

export async function samplesOf(client: BenchClient, accountId: string): Promise<OperationSamples> {
  const answer = await client.post(SAMPLE_QUERY, { accounts: [accountId] }, 'BenchSamples');
  const edges = (answer.data as { videos: { edges: { node: { id: string } }[] } }).videos.edges;
  return { accountId, videoIds: edges.map((e) => e.node.id) };
}

/**
 * Gateway overhead for one provider: each canonical dashboard operation through the gateway over
 * HTTP, against the same datasource calls (recorded from the resolvers, replayed level by level)
 * made directly in this process, both at CONCURRENCY with the emulator in its own process answering
 * after UPSTREAM_LATENCY_MS. A third path, the operation run by graphql's `execute` in this process,
 * shows how much of the difference is GraphQL execution and how much HTTP and Apollo. The paths take
 * turns, round after round, so background load hits them alike.
 */
async function overheadOf(provider: ProviderName, operations: readonly DashboardOperation[], quick: boolean): Promise<BenchRow[]> {
  const emulator = await forkEmulator(provider, UPSTREAM_LATENCY_MS);
  const config = parseConfig({ server: { host: '127.0.0.1', port: 0 }, accounts: emulator.ready.accounts }, 'bench');
  const gateway = await startGateway(config, {}, { logger: benchLogger() });
  const client = new BenchClient(gateway.url);
  const rows: BenchRow[] = [];
  try {
    const objects = await samplesOf(client, config.accounts[0]!.id);
    for (const operation of operations) {
      const variables = variablesFor(operation, objects);
      const viaGateway = async () => {
        await client.post(operation.query, variables, operation.name);
      };
      for (let i = 0; i < 3; i++) await viaGateway();
      const { calls } = await recordCalls(gateway.registry.all(), viaGateway);
      if (calls.length === 0) throw new Error(`${operation.name}: no datasource call recorded`);
      const plan = planOf(calls, gateway.registry.byId);
      const direct = () => replay(plan);
      for (let i = 0; i < 3; i++) await direct();
      // the layer in between: the same operation executed in this process, without HTTP or Apollo
      const schema = await vidmeshSchema();
      const document = parse(operation.query);
      const inProcess = async () => {
        const result = await execute({ schema, document, operationName: operation.name, variableValues: variables, contextValue: new RequestContext(gateway.registry) });
        if (result.errors?.length) throw new Error(`${operation.name}: ${result.errors[0]!.message}`);
      };
      await inProcess();

      const rounds = quick ? 2 : 4;
      const durationMs = quick ? 150 : 750;
      const paths = { gateway: viaGateway, direct, inProcess } as const;
      const samples: Record<keyof typeof paths, { ms: number[]; cpuMs: number }> = {
        gateway: { ms: [], cpuMs: 0 },
        direct: { ms: [], cpuMs: 0 },
        inProcess: { ms: [], cpuMs: 0 },
      };
      for (let round = 0; round < rounds; round++) {
        const order = Object.keys(paths) as (keyof typeof paths)[];
        for (const path of round % 2 === 0 ? order : order.reverse()) {
          const before = process.cpuUsage();
          samples[path].ms.push(...(await closedLoop(paths[path], { concurrency: CONCURRENCY, durationMs })));
          const used = process.cpuUsage(before);
          samples[path].cpuMs += (used.user + used.system) / 1000;
        }
      }
      const gatewayMs = samples.gateway.ms;
      const directMs = samples.direct.ms;
      const name = `${provider} ${operation.name} (${calls.length} call${calls.length === 1 ? '' : 's'}, ${plan.length} level${plan.length === 1 ? '' : 's'})`;
      for (const p of [50, 99]) {
        const vidmesh = percentile(gatewayMs, p);
        const baseline = percentile(directMs, p);
        rows.push({ suite: 'overhead', case: name, metric: `p${p} latency`, vidmesh, baseline, ratio: ratioOf(vidmesh, baseline), goal: '<= 1.1', unit: 'ms' });
      }
      // where the difference goes: GraphQL execution alone (info), and this process's CPU per request
      const inProcessP50 = percentile(samples.inProcess.ms, 50);
      const directP50 = percentile(directMs, 50);
      rows.push({
        suite: 'overhead',
        case: name,
        metric: 'p50, execute() in process',
        vidmesh: inProcessP50,
        baseline: directP50,
        ratio: ratioOf(inProcessP50, directP50),
        goal: 'info',
        unit: 'ms',
      });
      const cpu = (path: keyof typeof paths) => samples[path].cpuMs / samples[path].ms.length;
      rows.push({
        suite: 'overhead',
        case: name,
        metric: 'CPU/request, HTTP incl. client',
        vidmesh: cpu('gateway'),
        baseline: cpu('direct'),
        ratio: ratioOf(cpu('gateway'), cpu('direct')),
        goal: 'info',
        unit: 'ms',
      });
      rows.push({
        suite: 'overhead',
        case: name,
        metric: 'CPU/request, execute() in process',
        vidmesh: cpu('inProcess'),
        baseline: cpu('direct'),
        ratio: ratioOf(cpu('inProcess'), cpu('direct')),
        goal: 'info',
        unit: 'ms',
      });
    }
  } finally {
    await client.close();
    await gateway.close();
    await emulator.stop();
  }
  return rows;
}

export const run: Suite = async ({ quick }) => {
  const operations = loadDashboardOperations();
  const rows: BenchRow[] = [];
  for (const provider of PROVIDERS) rows.push(...(await overheadOf(provider, operations, quick)));
  return rows;
};
