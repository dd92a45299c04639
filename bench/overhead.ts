import 'reflect-metadata';
import type { ProviderName } from '../src/config';
import { parseConfig } from '../src/config';
import { startGateway } from '../src/server';
import type { BenchRow, Suite } from './types';
import { forkEmulator } from './support/children';
import { closedLoop } from './support/closed-loop';
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
 * after UPSTREAM_LATENCY_MS. The two run in alternating rounds so background load hits both alike.
 */
async function overheadOf(provider: ProviderName, operations: readonly DashboardOperation[], quick: boolean): Promise<BenchRow[]> {
  const emulator = await forkEmulator(provider, UPSTREAM_LATENCY_MS);
  const config = parseConfig({ server: { host: '127.0.0.1', port: 0 }, accounts: emulator.ready.accounts }, 'bench');
  const gateway = await startGateway(config);
  const client = new BenchClient(gateway.url);
  const rows: BenchRow[] = [];
  try {
    const samples = await samplesOf(client, config.accounts[0]!.id);
    for (const operation of operations) {
      const variables = variablesFor(operation, samples);
      const viaGateway = async () => {
        await client.post(operation.query, variables, operation.name);
      };
      for (let i = 0; i < 3; i++) await viaGateway();
      const { calls } = await recordCalls(gateway.registry.all(), viaGateway);
      if (calls.length === 0) throw new Error(`${operation.name}: no datasource call recorded`);
      const plan = planOf(calls, gateway.registry.byId);
      const direct = () => replay(plan);
      for (let i = 0; i < 3; i++) await direct();

      const rounds = quick ? 2 : 4;
      const durationMs = quick ? 300 : 1_250;
      const gatewayMs: number[] = [];
      const directMs: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? [viaGateway, direct] : [direct, viaGateway];
        for (const task of order) {
          const latencies = await closedLoop(task, { concurrency: CONCURRENCY, durationMs });
          (task === direct ? directMs : gatewayMs).push(...latencies);
        }
      }
      const name = `${provider} ${operation.name} (${calls.length} call${calls.length === 1 ? '' : 's'}, ${plan.length} level${plan.length === 1 ? '' : 's'})`;
      for (const p of [50, 99]) {
        const vidmesh = percentile(gatewayMs, p);
        const baseline = percentile(directMs, p);
        rows.push({ suite: 'overhead', case: name, metric: `p${p} latency`, vidmesh, baseline, ratio: ratioOf(vidmesh, baseline), goal: '<= 1.1', unit: 'ms' });
      }
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
