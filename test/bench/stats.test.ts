import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percentile, ratioOf } from '../../bench/support/stats';

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
