import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSteady, percentile, ratioOf, warmUntilSteady } from '../../bench/support/stats';

describe('bench percentile (nearest rank)', () => {
  const samples = [15, 20, 35, 40, 50];

  it('picks the sample at rank ceil(p/100 × n), whatever the order given', () => {
    assert.equal(percentile(samples, 50), 35);
    assert.equal(percentile([50, 15, 40, 20, 35], 50), 35);
    assert.equal(percentile(samples, 30), 20);
    assert.equal(percentile(samples, 40), 20);
    assert.equal(percentile(samples, 99), 50);
    assert.equal(percentile(samples, 100), 50);
    assert.equal(percentile(samples, 0), 15);
  });

  it('p99 of 1..200 is 198, p50 is 100', () => {
    const many = Array.from({ length: 200 }, (_, i) => 200 - i);
    assert.equal(percentile(many, 99), 198);
    assert.equal(percentile(many, 50), 100);
  });

  it('does not reorder the samples it is given', () => {
    const given = [3, 1, 2];
    percentile(given, 50);
    assert.deepEqual(given, [3, 1, 2]);
  });

  it('is NaN without samples and refuses p outside 0..100', () => {
    assert.ok(Number.isNaN(percentile([], 50)));
    assert.throws(() => percentile(samples, 101), RangeError);
    assert.throws(() => percentile(samples, Number.NaN), RangeError);
  });

  it('ratio is NaN when the baseline is missing or zero', () => {
    assert.equal(ratioOf(11, 10), 1.1);
    assert.ok(Number.isNaN(ratioOf(1, 0)));
    assert.ok(Number.isNaN(ratioOf(1, Number.NaN)));
  });
});

describe('bench warm-up until steady', () => {
  it('is not steady before four cycles, nor while the figure keeps falling', () => {
    assert.equal(isSteady([1, 1, 1]), false);
    assert.equal(isSteady([2.0, 1.8, 1.6, 1.5]), false);
    // each within 5 % of the mean, but 7 % from first to last: still falling
    assert.equal(isSteady([2.0, 1.45, 1.4, 1.35]), false);
  });

  it('is steady once the last three cycles lie within 5 % of their mean', () => {
    assert.equal(isSteady([2.0, 1.8, 1.2, 1.22, 1.19]), true);
    assert.equal(isSteady([1, 1.02, 1.0, 1.01]), true);
  });

  it('runs cycles until the trail levels, or stops at the cap', async () => {
    const falling = [2.0, 1.8, 1.6, 1.5, 1.4, 1.2, 1.2, 1.19, 1.5];
    let i = 0;
    assert.deepEqual(await warmUntilSteady(async () => falling[i++]!, 20), [2.0, 1.8, 1.6, 1.5, 1.4, 1.2, 1.2, 1.19]);
    let n = 0;
    assert.equal((await warmUntilSteady(async () => 10 - n++, 6)).length, 6);
  });
});
