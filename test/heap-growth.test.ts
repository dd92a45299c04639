import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from '../src/heap-growth';

const MODULE = join(__dirname, '..', 'src', 'heap-growth.js');

/** What `heapGrowthFlag` answers inside a node started with `flags` (its real `process.execArgv`). */
function flagInChild(flags: string[]): unknown {
  const script = `process.stdout.write(JSON.stringify(require(${JSON.stringify(MODULE)}).heapGrowthFlag(process.execArgv)))`;
  const child = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout);
}

describe('heap growth of a serving gateway (src/heap-growth.ts)', () => {
  it('sets a fixed growing factor unless the command line gives one', () => {
    assert.equal(heapGrowthFlag([]), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    assert.equal(heapGrowthFlag(['--max-old-space-size=512', '--expose-gc']), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    assert.equal(heapGrowthFlag(['--heap-growing-percent=50']), null);
    assert.equal(heapGrowthFlag(['--heap_growing_percent=50']), null);
    // a longer flag name is another flag
    assert.equal(heapGrowthFlag(['--heap-growing-percentage=50']), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it("sees the flag node was started with: the operator's value wins", () => {
    assert.equal(flagInChild(['--heap-growing-percent=50']), null);
    assert.equal(flagInChild([]), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it('V8 accepts the flag it sets, at run time', () => {
    const script = `require(${JSON.stringify(MODULE)}).tuneHeapGrowth(); process.stdout.write('ok')`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout, 'ok');
    assert.equal(child.stderr, '');
  });
});
