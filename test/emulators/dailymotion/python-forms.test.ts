import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pyFloatRepr, pyFloatStr, pyJson } from '../../../src/providers/dailymotion';
import { pythonStrFloat } from '../../../emulators/dailymotion/auth';
import { floatRepr, pythonJson } from '../../../emulators/dailymotion/pyjson';
import { Prng } from '../../../emulators/common/prng';

/**
 * The emulator's Python text forms (written from dailymotion spec §3.4, §3.6) against the gateway's
 * own, over edge cases and many seeded doubles: two implementations, so one's mistake shows.
 */
function doubles(count: number): number[] {
  const prng = new Prng('python-forms');
  const view = new DataView(new ArrayBuffer(8));
  const out = [
    0.1,
    1,
    1.5,
    0.30000000000000004,
    1e16,
    1234567890123,
    2.5e-7,
    -0,
    1e-4,
    1e-5,
    5e-324,
    Number.MAX_VALUE,
    123456789012.5,
    123456789013.5,
    999999999999.5,
    9999999999995,
  ];
  for (let i = 0; i < count; i++) {
    view.setUint32(0, prng.int(2 ** 32));
    view.setUint32(4, prng.int(2 ** 32));
    const bits = view.getFloat64(0);
    if (Number.isFinite(bits)) out.push(bits);
    out.push(prng.int(1_000_000) / 10 ** prng.int(8)); // short decimals, as people write them
    out.push(prng.int(2 ** 40) + 0.5); // halves at the 12th/13th digit: rounding ties
  }
  return out;
}

describe('emulator Python forms agree with the gateway client (dailymotion spec §3.4, §3.6)', () => {
  const values = doubles(20_000);

  it('str(float) as normalize signs it: %.12g, ties to even', () => {
    for (const x of values) assert.equal(pythonStrFloat(x), pyFloatStr(x), String(x));
  });

  it('repr(float) as json.dumps writes it', () => {
    for (const x of values) if (!Number.isInteger(x)) assert.equal(floatRepr(x), pyFloatRepr(x), String(x));
  });

  it('json.dumps text of a reply', () => {
    const reply = { result: { id: 'a1', n: 3, big: 2 ** 60, f: 0.1, list: [true, null, 'é\u2028\u{1f3ac}"\\\n\u007f'], nested: { k: -2.5e-7 } } };
    assert.equal(pythonJson(reply), pyJson(reply));
  });
});
