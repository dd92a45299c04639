import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BenchRow } from '../../bench/types';
import { formatMarkdown, formatTable, formatValue, markOf, meetsGoal } from '../../bench/support/table';

const row = (over: Partial<BenchRow>): BenchRow => ({
  suite: 'overhead',
  case: 'panda DashboardVideoList',
  metric: 'p50 latency',
  vidmesh: 66.04,
  baseline: 62,
  ratio: 66.04 / 62,
  goal: '<= 1.1',
  unit: 'ms',
  ...over,
});

describe('bench goals', () => {
  const goal = (ratio: number, text: string) => meetsGoal({ ratio, goal: text, vidmesh: Number.NaN, unit: 'ms' });

  it('reads <=, >= and = goals over the ratio, and their unicode and strict forms', () => {
    assert.equal(goal(1.1, '<= 1.1'), true);
    assert.equal(goal(1.11, '<= 1.1'), false);
    assert.equal(goal(0.8, '>= 0.8'), true);
    assert.equal(goal(0.79, '>= 0.8'), false);
    assert.equal(goal(1, '= 1.0'), true);
    assert.equal(goal(22 / 21, '= 1.0'), false);
    assert.equal(goal(0.8, '≥ 0.8'), true);
    assert.equal(goal(1.2, '≤ 1.1'), false);
    assert.equal(goal(1, '< 1'), false);
  });

  it('holds the figure itself to a goal written with the row’s unit', () => {
    const rss = (vidmesh: number) => meetsGoal({ ratio: vidmesh / 64, goal: '< 64 MiB', vidmesh, unit: 'MiB' });
    assert.equal(rss(12.5), true);
    assert.equal(rss(64), false);
    assert.equal(meetsGoal({ ratio: 0.5, goal: '< 64 MiB', vidmesh: 32, unit: 'ms' }), null, 'another unit: no verdict');
  });

  it('has no verdict without a goal or without a ratio', () => {
    assert.equal(goal(3, 'info'), null);
    assert.equal(goal(Number.NaN, '<= 1.1'), null);
    assert.equal(markOf(row({ goal: 'info' })), '-');
    assert.equal(markOf(row({})), 'pass');
    assert.equal(markOf(row({ ratio: 1.5 })), 'FAIL');
  });
});

describe('bench table', () => {
  it('formats values with their units', () => {
    assert.equal(formatValue(66.04, 'ms'), '66.0 ms');
    assert.equal(formatValue(4573.6, 'req/s'), '4574 req/s');
    assert.equal(formatValue(22, 'calls'), '22 calls');
    assert.equal(formatValue(1, 'calls'), '1 call');
    assert.equal(formatValue(Number.NaN, 'calls'), 'n/a');
  });

  it('aligns every column: text to the left, numbers to the right', () => {
    const rows = [
      row({}),
      row({ suite: 'efficiency', case: 'ziggeo DashboardVideoList', metric: 'upstream calls / minimum', vidmesh: 1, baseline: 1, ratio: 1, goal: '= 1.0', unit: 'calls' }),
    ];
    const lines = formatTable(rows).split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0]!, /^suite\s+case\s+metric\s+vidmesh\s+baseline\s+ratio\s+goal\s+result$/);
    assert.match(lines[1]!, /^-+( {2}-+){7}$/);
    const ratioEnd = lines[0]!.indexOf('ratio') + 'ratio'.length;
    assert.equal(lines[2]!.slice(ratioEnd - 4, ratioEnd), '1.07');
    assert.equal(lines[3]!.slice(ratioEnd - 4, ratioEnd), '1.00');
    const goalStart = lines[0]!.indexOf('goal');
    assert.equal(lines[2]!.slice(goalStart, goalStart + 6), '<= 1.1');
    assert.equal(lines[3]!.slice(goalStart, goalStart + 5), '= 1.0');
    assert.ok(lines[2]!.endsWith('pass') && lines[3]!.endsWith('pass'));
    const vidmeshEnd = lines[0]!.indexOf('vidmesh') + 'vidmesh'.length;
    assert.equal(lines[2]!.slice(vidmeshEnd - '66.0 ms'.length, vidmeshEnd), '66.0 ms');
    assert.equal(lines[3]!.slice(vidmeshEnd - '1 call'.length, vidmeshEnd), '1 call');
  });

  it('renders markdown rows with one cell per column and escapes pipes', () => {
    const md = formatMarkdown([row({ case: 'a | b' })]).split('\n');
    assert.equal(md[0], '| suite | case | metric | vidmesh | baseline | ratio | goal | result |');
    assert.equal(md[1], '|---|---|---|---:|---:|---:|---|---|');
    assert.equal(md[2], '| overhead | a \\| b | p50 latency | 66.0 ms | 62.0 ms | 1.07 | <= 1.1 | pass |');
  });
});
