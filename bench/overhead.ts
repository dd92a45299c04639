import 'reflect-metadata';
import { execute, parse } from 'graphql';
import type { ProviderName } from '../src/config';
import { parseConfig } from '../src/config';
import { RequestContext } from '../src/context';
import { vidmeshSchema } from '../src/graph/build';
import { startGateway } from '../src/http/server';
import type { BenchRow, Suite } from './types';
import { askChild, forkChild, forkEmulator, gatewayFlags } from './support/children';
import type { GatewayUsage } from './support/gateway-host';
import { closedLoop } from './support/closed-loop';
import { benchLogger } from './support/logger';
import { PROVIDERS } from './support/emulators';
import { BenchClient } from './support/graphql-client';
import { loadDashboardOperations, variablesFor, type DashboardOperation, type OperationSamples } from './support/operations';
import { planOf, recordCalls, replay, type CallPlan, type RecordedCall } from './support/plan';
import { percentile, ratioOf, warmUntilSteady } from './support/stats';

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

type PathName = 'gateway' | 'direct' | 'inProcess';

/** One path's samples: latencies, and CPU used while it ran (ms) in this process and in the gateway's. */
interface PathSamples {
  readonly ms: number[];
  benchCpuMs: number;
  gatewayCpuMs: number;
  loopDelayP99: number[];
}

/**
 * Gateway overhead for one provider: each canonical dashboard operation through the gateway over
 * HTTP, against the same datasource calls (recorded from the resolvers, replayed level by level)
 * made directly in this process, both at CONCURRENCY with the emulator in its own process answering
 * after UPSTREAM_LATENCY_MS. The gateway runs in its own process, as deployed: its CPU per request
 * (reported over IPC at round boundaries) is its own, not mixed with the HTTP client's. A third
 * path, the operation run by graphql's `execute` in this process, shows how much of the difference
 * is GraphQL execution and how much HTTP and Apollo. The paths take turns, round after round, so
 * background load hits them alike.
 */
async function overheadOf(provider: ProviderName, operations: readonly DashboardOperation[], quick: boolean): Promise<BenchRow[]> {
  const emulator = await forkEmulator(provider, UPSTREAM_LATENCY_MS);
  const input = { server: { host: '127.0.0.1', port: 0 }, accounts: emulator.ready.accounts };
  const config = parseConfig(input, 'bench');
  const child = await forkChild<{ url: string }>('support/gateway-host.js', [JSON.stringify(input)], { execArgv: gatewayFlags(), killAfterMs: 15_000 });
  // The plan is recorded in a second, in-process gateway over the same emulator and config: recording
  // wraps the datasource objects the resolvers call, which in the child sit behind IPC, and their
  // arguments (selections, loaders' keys) do not cross it as they are. Same code, same answers, so the
  // same calls (the efficiency suite counts the child-equivalent calls in the emulator's log). Its
  // registry then serves the direct and execute() paths; it is idle while the child is timed.
  const recorder = await startGateway(config, {}, { logger: benchLogger() });
  const recorderClient = new BenchClient(recorder.url);
  const client = new BenchClient(child.ready.url);
  const usage = () => askChild<GatewayUsage>(child.process, { op: 'usage' });
  const rows: BenchRow[] = [];
  try {
    const objects = await samplesOf(client, config.accounts[0]!.id);
    const schema = await vidmeshSchema();
    // every operation's three paths, its plan recorded once
    const cases: { operation: DashboardOperation; calls: RecordedCall[]; plan: CallPlan; paths: Record<PathName, () => Promise<void>> }[] = [];
    for (const operation of operations) {
      const variables = variablesFor(operation, objects);
      const viaGateway = async () => {
        await client.post(operation.query, variables, operation.name);
      };
      // recorded warm, as the timed requests run: what the first requests fill (caches, tokens) is not replayed
      const viaRecorder = () => recorderClient.post(operation.query, variables, operation.name);
      for (let i = 0; i < 3; i++) await viaRecorder();
      const { calls } = await recordCalls(recorder.registry.all(), viaRecorder);
      if (calls.length === 0) throw new Error(`${operation.name}: no datasource call recorded`);
      const plan = planOf(calls, recorder.registry.byId);
      const direct = () => replay(plan);
      // the layer in between: the same operation executed in this process, without HTTP or Apollo
      const document = parse(operation.query);
      const inProcess = async () => {
        const result = await execute({ schema, document, operationName: operation.name, variableValues: variables, contextValue: new RequestContext(recorder.registry) });
        if (result.errors?.length) throw new Error(`${operation.name}: ${result.errors[0]!.message}`);
      };
      cases.push({ operation, calls, plan, paths: { gateway: viaGateway, direct, inProcess } });
    }
    // Steady state before any timing, every path alike: a freshly forked gateway keeps compiling
    // (V8's tiers, its optimizing compiler threads counted in its CPU) for thousands of requests,
    // which a running gateway has long done. Measured (telestream DashboardStatusOverview, 4 in
    // flight, ~150 req/s, 3 s spans): 2.0, 1.8, 1.6, 1.5, 1.4, 1.2, 1.2, 1.2, 1.2 ms of gateway CPU
    // per request — 3 s of warm-up (this suite's earlier fixed one) timed a gateway still warming.
    // So each path runs in cycles of every operation in turn until its CPU per request (the
    // gateway's for the gateway path, this process's for the others) stops falling.
    const measureCycle = async (path: PathName, cycleMs: number) => {
      const before = process.cpuUsage();
      if (path === 'gateway') await usage();
      let requests = 0;
      for (const c of cases) requests += (await closedLoop(c.paths[path], { concurrency: CONCURRENCY, durationMs: cycleMs / cases.length })).length;
      const used = process.cpuUsage(before);
      const cpuMs = path === 'gateway' ? (await usage()).cpuMs : (used.user + used.system) / 1000;
      return cpuMs / requests;
    };
    for (const path of ['gateway', 'direct', 'inProcess'] as const) {
      // at most ~18 s for the gateway (fresh process), ~12 s for the paths in this process (warm from the previous providers)
      const trail = await warmUntilSteady(() => measureCycle(path, quick ? 400 : 1_500), quick ? 2 : path === 'gateway' ? 12 : 8);
      if (process.env.BENCH_VERBOSE) console.log(`\n  ${provider} ${path} warm-up, CPU/request per cycle: ${trail.map((ms) => ms.toFixed(2)).join(', ')} ms`);
    }
    for (const { operation, calls, plan, paths } of cases) {
      const rounds = quick ? 2 : 4;
      const durationMs = quick ? 150 : 750;
      const samples: Record<keyof typeof paths, PathSamples> = {
        gateway: { ms: [], benchCpuMs: 0, gatewayCpuMs: 0, loopDelayP99: [] },
        direct: { ms: [], benchCpuMs: 0, gatewayCpuMs: 0, loopDelayP99: [] },
        inProcess: { ms: [], benchCpuMs: 0, gatewayCpuMs: 0, loopDelayP99: [] },
      };
      for (let round = 0; round < rounds; round++) {
        const order = Object.keys(paths) as (keyof typeof paths)[];
        for (const path of round % 2 === 0 ? order : order.reverse()) {
          await usage();
          const before = process.cpuUsage();
          samples[path].ms.push(...(await closedLoop(paths[path], { concurrency: CONCURRENCY, durationMs })));
          const used = process.cpuUsage(before);
          const gateway = await usage();
          samples[path].benchCpuMs += (used.user + used.system) / 1000;
          samples[path].gatewayCpuMs += gateway.cpuMs;
          if (gateway.loopDelayMs) samples[path].loopDelayP99.push(gateway.loopDelayMs.p99);
        }
      }
      const gatewayMs = samples.gateway.ms;
      const directMs = samples.direct.ms;
      const name = `${provider} ${operation.name} (${calls.length} call${calls.length === 1 ? '' : 's'}, ${plan.length} level${plan.length === 1 ? '' : 's'})`;
      const row = (metric: string, vidmesh: number, baseline: number, goal: string): BenchRow => ({
        suite: 'overhead',
        case: name,
        metric,
        vidmesh,
        baseline,
        ratio: ratioOf(vidmesh, baseline),
        goal,
        unit: 'ms',
      });
      for (const [p, goal] of [
        [50, '<= 1.05'],
        [99, '<= 1.15'],
      ] as const) {
        rows.push(row(`p${p} latency`, percentile(gatewayMs, p), percentile(directMs, p), goal));
      }
      // where the difference goes: GraphQL execution alone, and CPU per request (gateway process; with the client)
      rows.push(row('p50, execute() in process', percentile(samples.inProcess.ms, 50), percentile(directMs, 50), 'info'));
      const perRequest = (path: keyof typeof paths, cpu: number) => cpu / samples[path].ms.length;
      const directCpu = perRequest('direct', samples.direct.benchCpuMs);
      rows.push(row('CPU/request, gateway process', perRequest('gateway', samples.gateway.gatewayCpuMs), directCpu, '<= 1.5'));
      rows.push(row('CPU/request, HTTP incl. client', perRequest('gateway', samples.gateway.gatewayCpuMs + samples.gateway.benchCpuMs), directCpu, 'info'));
      rows.push(row('CPU/request, execute() in process', perRequest('inProcess', samples.inProcess.benchCpuMs), directCpu, 'info'));
      if (process.env.BENCH_VERBOSE) {
        console.log(`\n  ${name}: gateway event-loop delay p99 per round ${samples.gateway.loopDelayP99.map((d) => d.toFixed(1)).join(', ')} ms`);
      }
    }
  } finally {
    await client.close();
    await recorderClient.close();
    await child.stop();
    await recorder.close();
    await emulator.stop();
  }
  return rows;
}

export const run: Suite = async ({ quick }) => {
  const operations = loadDashboardOperations();
  const rows: BenchRow[] = [];
  // BENCH_PROVIDERS=ziggeo,panda narrows the suite for profiling and A/B runs
  const only = process.env.BENCH_PROVIDERS?.split(',').map((p) => p.trim());
  for (const provider of PROVIDERS.filter((p) => !only || only.includes(p))) rows.push(...(await overheadOf(provider, operations, quick)));
  return rows;
};
