import 'reflect-metadata';
import { tuneHeapGrowth } from '../../src/heap-growth';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseConfig } from '../../src/config';
import { startGateway } from '../../src/http/server';
import { benchLogger } from './logger';

// the gateway as deployed (src/main.ts): V8 heap growth fixed for upload traffic (src/heap-growth.ts)
tuneHeapGrowth();

/** What the bench asks the gateway host: its CPU time and event-loop delay since the last `usage`. */
export interface GatewayUsageRequest {
  readonly id: number;
  readonly op: 'usage';
}

export interface GatewayUsage {
  readonly id: number;
  /** User + system CPU of the gateway process since the previous `usage` (or its start), in ms. */
  readonly cpuMs: number;
  /**
   * Event-loop delay over the same span (ms, 10 ms resolution histogram): p50, p99, max. Only with
   * BENCH_VERBOSE: the histogram's 100 Hz timer wakes the process and would count in its CPU.
   */
  readonly loopDelayMs?: { readonly p50: number; readonly p99: number; readonly max: number };
}

/**
 * The gateway the overhead suite measures, alone in its process as in production: its clients are
 * other processes, and its CPU is its own. `startGateway` over the config in argv[2] (JSON), logging
 * as `npm start` does (to /dev/null). Sends `{ url }` once listening; answers `usage` (CPU and
 * event-loop delay since the last one); closes and exits when the parent disconnects, through
 * process.exit so that a `--cpu-prof` given in BENCH_GATEWAY_FLAGS writes its profile.
 */
async function main(): Promise<void> {
  const config = parseConfig(JSON.parse(process.argv[2] ?? '{}'), 'bench');
  const gateway = await startGateway(config, {}, { logger: benchLogger() });
  const delay = process.env.BENCH_VERBOSE ? monitorEventLoopDelay({ resolution: 10 }) : undefined;
  delay?.enable();
  let since = process.cpuUsage();
  process.on('message', (message: GatewayUsageRequest) => {
    if (message.op !== 'usage') return;
    const used = process.cpuUsage(since);
    since = process.cpuUsage();
    const ms = (ns: number) => ns / 1e6;
    const answer: GatewayUsage = {
      id: message.id,
      cpuMs: (used.user + used.system) / 1000,
      ...(delay && { loopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) } }),
    };
    delay?.reset();
    process.send!(answer);
  });
  process.send!({ url: gateway.url });
  process.once('disconnect', () => {
    void gateway.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(`gateway host: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
