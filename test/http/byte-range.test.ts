import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { parseContentRange, parseRange, parseUnsatisfiedRange, rangeHeader, resolveRange, sliceOf } from '../../src/http/byte-range';

/** The Range arithmetic of the download route (RFC 9110 §14); over HTTP in test/integration/ziggeo-downloads.test.ts. */
describe('byte ranges', () => {
  it('read one range and ignore everything else', () => {
    assert.deepEqual(parseRange('bytes=0-99'), { first: 0, last: 99 });
    assert.deepEqual(parseRange('bytes=100-'), { first: 100, last: null });
    assert.deepEqual(parseRange('bytes=-500'), { suffix: 500 });
    assert.deepEqual(parseRange('Bytes=, 7-7 ,'), { first: 7, last: 7 }, 'unit in any case, empty list elements');
    assert.deepEqual(parseRange('bytes=0-99999999999999999999999'), { first: 0, last: Number.MAX_SAFE_INTEGER }, 'past any file, still exact arithmetic');
    for (const header of [
      undefined,
      '',
      'bytes',
      'bytes=',
      'bytes=,',
      'bytes=a-b',
      'bytes=5-1',
      'bytes=-',
      'bytes=1-2-3',
      'bytes=0-1,5-9',
      'items=0-9',
      'bytes=+1-2',
      'bytes=0x10-20',
    ]) {
      assert.equal(parseRange(header), null, String(header));
    }
  });

  it('fall on a file as RFC 9110 says', () => {
    assert.deepEqual(resolveRange({ first: 10, last: 19 }, 100), { start: 10, end: 19, total: 100 });
    assert.deepEqual(resolveRange({ first: 90, last: 500 }, 100), { start: 90, end: 99, total: 100 });
    assert.deepEqual(resolveRange({ first: 90, last: null }, 100), { start: 90, end: 99, total: 100 });
    assert.deepEqual(resolveRange({ suffix: 30 }, 100), { start: 70, end: 99, total: 100 });
    assert.deepEqual(resolveRange({ suffix: 300 }, 100), { start: 0, end: 99, total: 100 });
    assert.equal(resolveRange({ first: 100, last: null }, 100), 'unsatisfiable');
    assert.equal(resolveRange({ suffix: 0 }, 100), 'unsatisfiable');
    assert.equal(resolveRange({ first: 0, last: 0 }, 0), 'unsatisfiable');
    assert.equal(resolveRange({ suffix: 5 }, 0), 'whole', 'a zero-length file has no 206');
    assert.equal(rangeHeader({ first: 3, last: null }), 'bytes=3-');
    assert.equal(rangeHeader({ first: 3, last: 4 }), 'bytes=3-4');
    assert.equal(rangeHeader({ suffix: 9 }), 'bytes=-9');
  });

  it('read a provider’s Content-Range, refusing what does not describe a range', () => {
    assert.deepEqual(parseContentRange('bytes 0-9/100'), { start: 0, end: 9, total: 100 });
    assert.deepEqual(parseContentRange('bytes 5-9/*'), { start: 5, end: 9, total: null });
    for (const value of [undefined, 'bytes 9-5/100', 'bytes 0-100/100', 'bytes */100', 'items 0-9/100', 'bytes 0-9']) {
      assert.equal(parseContentRange(value), null, String(value));
    }
    assert.equal(parseUnsatisfiedRange('bytes */1234'), 1234);
    assert.equal(parseUnsatisfiedRange('bytes 0-1/2'), null);
    assert.equal(parseUnsatisfiedRange(undefined), null);
  });

  it('cut a span out of a stream across chunk boundaries, and stop reading there', async () => {
    const bytes = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 7), bytes.subarray(7, 40), bytes.subarray(40, 41), bytes.subarray(41)];
    for (const [start, end] of [
      [0, 99],
      [0, 0],
      [6, 7],
      [7, 40],
      [41, 41],
      [50, 99],
      [99, 99],
    ] as const) {
      const out: Buffer[] = [];
      for await (const piece of sliceOf(Readable.from(chunks), start, end)) out.push(piece);
      assert.deepEqual(Buffer.concat(out), bytes.subarray(start, end + 1), `${start}-${end}`);
    }
    const source = Readable.from(chunks);
    for await (const piece of sliceOf(source, 0, 3)) assert.equal(piece.length, 4);
    assert.ok(source.destroyed, 'the rest is never read');
    await assert.rejects(async () => {
      for await (const piece of sliceOf(Readable.from([bytes.subarray(0, 10)]), 5, 20)) void piece;
    }, /ended before the requested range/);
  });
});
