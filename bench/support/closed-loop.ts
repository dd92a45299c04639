import { performance } from 'node:perf_hooks';

/**
 * `concurrency` workers each run `task` back to back until `durationMs` has passed (a task under
 * way finishes); answers every task's latency in ms. Bounded in time, whatever the task does.
 */
export async function closedLoop(task: () => Promise<void>, options: { concurrency: number; durationMs: number }): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + options.durationMs;
  const worker = async () => {
    while (performance.now() < until) {
      const start = performance.now();
      await task();
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return latencies;
}
