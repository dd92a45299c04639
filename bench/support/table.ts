import type { BenchRow } from '../types';

/**
 * Goals are written `<= 1.1`, `>= 0.8` or `= 1.0` over the ratio; anything else (`info`) states no goal.
 * Answers true/false against the ratio, null when there is no goal or no ratio.
 */
export function meetsGoal(ratio: number, goal: string): boolean | null {
  const match = /^\s*(<=|>=|=)\s*(\d+(?:\.\d+)?)\s*$/.exec(goal);
  if (!match || !Number.isFinite(ratio)) return null;
  const target = Number(match[2]);
  if (match[1] === '<=') return ratio <= target + 1e-9;
  if (match[1] === '>=') return ratio >= target - 1e-9;
  return Math.abs(ratio - target) < 1e-9;
}

export function markOf(row: BenchRow): string {
  const met = meetsGoal(row.ratio, row.goal);
  return met === null ? '-' : met ? 'pass' : 'FAIL';
}

/** A figure with its unit: integers for counts and rates, one decimal for milliseconds. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = unit === 'ms' || unit === 'MiB' || unit === 'MiB/s' ? 1 : Number.isInteger(value) ? 0 : unit === 'calls' ? 2 : 0;
  return `${value.toFixed(digits)} ${unit}`.trim();
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a';
}

const HEADER = ['suite', 'case', 'metric', 'vidmesh', 'baseline', 'ratio', 'goal', 'result'];

function cells(row: BenchRow): string[] {
  return [row.suite, row.case, row.metric, formatValue(row.vidmesh, row.unit), formatValue(row.baseline, row.unit), formatRatio(row.ratio), row.goal, markOf(row)];
}

/** Numbers right-aligned, text left-aligned, columns padded to their widest cell. */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const numeric = new Set([3, 4, 5]);
  const render = (line: string[]) =>
    line.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [render(HEADER), rule, ...rows.map((r) => render(cells(r)))].join('\n');
}

/** The same table as GitHub markdown, for the README's Performance section. */
export function formatMarkdown(rows: readonly BenchRow[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const lines = [`| ${HEADER.join(' | ')} |`, `|${HEADER.map((_, i) => (i >= 3 && i <= 5 ? '---:' : '---')).join('|')}|`];
  for (const row of rows) lines.push(`| ${cells(row).map(escape).join(' | ')} |`);
  return lines.join('\n');
}
