import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow after a mark-compact in a serving gateway: to three times
 * what survived it (`--heap-growing-percent=200`), instead of V8's own factor, which falls to 1.1
 * when the JavaScript heap grows slowly.
 *
 * Why: V8 11 (Node 20) counts the array-buffer memory allocated since the last mark-compact against
 * the old generation's limit. An upload passes ~20–30 MB of socket chunks through the young
 * generation between two scavenges while allocating little on the JavaScript heap, so after one
 * mark-compact during an upload V8 picks its smallest factor, and each following batch of chunks
 * crosses the limit again: a mark-compact every ~80 ms for as long as uploads stream, ~1 s of CPU
 * per GiB uploaded (bench/NOTES.md, "The collections an upload triggers"). With the fixed factor the
 * limit stays above what the chunks add. The cost: up to three times the live heap (~30 MB in the
 * sandbox) before a mark-compact, as V8 allows itself anyway while the heap grows fast.
 */
export const HEAP_GROWING_PERCENT = 200;

/** The V8 flag to set in a process started with `execArgv`; null when its command line sets one. */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
  const given = execArgv.some((arg) => /^--heap[-_]growing[-_]percent(?:=|$)/.test(arg));
  return given ? null : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/**
 * Called first by the entry points that serve (src/main.ts — and so every replica sandbox/replicas.ts
 * starts —, sandbox/main.ts and the bench's gateway hosts). V8 reads the factor each time it recomputes the limit, so setting it
 * once the process runs takes effect at the next mark-compact; `node --heap-growing-percent=N`
 * on the command line wins.
 */
export function tuneHeapGrowth(execArgv: readonly string[] = process.execArgv): void {
  const flag = heapGrowthFlag(execArgv);
  if (flag) setFlagsFromString(flag);
}
