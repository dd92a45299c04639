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
