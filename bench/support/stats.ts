/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be within 0..100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** vidmesh / baseline, NaN when the baseline is not a positive number. */
export function ratioOf(vidmesh: number, baseline: number): number {
  return baseline > 0 && Number.isFinite(baseline) && Number.isFinite(vidmesh) ? vidmesh / baseline : Number.NaN;
}

/**
 * Runs `cycle` (which answers a CPU per request) until it stops falling (isSteady) or
 * `maxCycles` have run. Answers every cycle's figure.
 */
export async function warmUntilSteady(cycle: () => Promise<number>, maxCycles: number): Promise<number[]> {
  const trail: number[] = [];
  while (trail.length < maxCycles) {
    trail.push(await cycle());
    if (isSteady(trail)) break;
  }
  return trail;
}

/** Whether a warm-up trail has levelled: at least 4 cycles, the last three within 5 % of their mean (pure: unit-tested). */
export function isSteady(trail: readonly number[]): boolean {
  if (trail.length < 4) return false;
  const last = trail.slice(-3);
  const mean = last.reduce((a, b) => a + b, 0) / last.length;
  return Math.max(...last) - Math.min(...last) <= 0.05 * mean;
}
