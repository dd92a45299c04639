import type { BenchRow } from '../types';

const COMPARE: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  '<=': (a, b) => a <= b + 1e-9,
  '≤': (a, b) => a <= b + 1e-9,
  '>=': (a, b) => a >= b - 1e-9,
  '≥': (a, b) => a >= b - 1e-9,
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '=': (a, b) => Math.abs(a - b) < 1e-9,
};

/**
 * Goals are written `<= 1.1`, `>= 0.8`, `= 1.0` (also `≤`, `≥`, `<`, `>`) over the ratio, or with the
 * row's unit (`< 64 MiB`) over the vidmesh figure itself; anything else (`info`) states no goal.
 * Answers true/false, null when there is no goal or no figure to hold to it.
 */
export function meetsGoal(row: Pick<BenchRow, 'ratio' | 'goal' | 'vidmesh' | 'unit'>): boolean | null {
  const match = /^\s*(<=|>=|≤|≥|<|>|=)\s*(\d+(?:\.\d+)?)\s*(.*?)\s*$/.exec(row.goal);
  if (!match) return null;
  const [, op, target, unit] = match;
  if (unit && unit !== row.unit) return null;
  const value = unit ? row.vidmesh : row.ratio;
  return Number.isFinite(value) ? COMPARE[op!]!(value, Number(target)) : null;
}

export function markOf(row: BenchRow): string {
  const met = meetsGoal(row);
  return met === null ? '-' : met ? 'pass' : 'FAIL';
}

/** A figure with its unit: integers for counts and rates, one decimal for milliseconds. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'calls' && value === 1) return '1 call';
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
    line
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
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
