import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize, PyFloat, pyFloatRepr, pyFloatStr, pyJson, quotePlus, unquotePlus } from '../../../src/providers/dailymotion';

describe('dailymotion Python 2 text forms (spec §3.4, §3.6, §7.3)', () => {
  it('str(float) is %.12g plus .0, rounding half to even like printf', () => {
    const cases: [number, string][] = [
      [0.1, '0.1'],
      [1, '1.0'],
      [0.30000000000000004, '0.3'],
      [1e16, '1e+16'],
      [1234567890123, '1.23456789012e+12'],
      [2.5e-7, '2.5e-07'],
      [-0, '-0.0'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [123456789012, '123456789012.0'],
      [1234567890125, '1.23456789012e+12'], // an exact tie goes to even
      [1234567890135, '1.23456789014e+12'],
      [-1.5, '-1.5'],
      [1e300, '1e+300'],
      [5e-324, '4.94065645841e-324'],
      [Infinity, 'inf'],
    ];
    for (const [x, text] of cases) assert.equal(pyFloatStr(x), text, String(x));
  });

  it('repr(float) is the shortest round trip with Python exponents', () => {
    const cases: [number, string][] = [
      [0.1, '0.1'],
      [1, '1.0'],
      [0.30000000000000004, '0.30000000000000004'],
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [1.5e-7, '1.5e-07'],
      [-2.5, '-2.5'],
    ];
    for (const [x, text] of cases) assert.equal(pyFloatRepr(x), text, String(x));
  });

  it('json.dumps: separators, ensure_ascii in lowercase hex, short escapes, surrogate pairs', () => {
    assert.equal(pyJson({ a: [1, 'x'], b: null, c: true, d: new PyFloat(1) }), '{"a": [1, "x"], "b": null, "c": true, "d": 1.0}');
    assert.equal(pyJson('é"\\\n\t\u007f/😀'), '"\\u00e9\\"\\\\\\n\\t\\u007f/\\ud83d\\ude00"');
    assert.equal(pyJson({ z: 1, a: 2 }, ['a']), '{"a": 2, "z": 1}');
    assert.throws(() => pyJson(NaN));
  });

  it('integral JS numbers are sent and signed as ints, others as floats', () => {
    assert.equal(normalize({ n: 3, f: 0.5, big: 1e21 }), 'big1000000000000000000000f0.5n3');
    assert.equal(pyJson({ n: 3, f: 0.5, big: 1e21 }), '{"n": 3, "f": 0.5, "big": 1000000000000000000000}');
  });

  it('quote_plus keeps A-Za-z0-9_.- only, upper-case hex, ~ escaped', () => {
    assert.equal(quotePlus('https://example.org/a%20b~c?x=1&y=2'), 'https%3A%2F%2Fexample.org%2Fa%2520b%7Ec%3Fx%3D1%26y%3D2');
    assert.equal(quotePlus('vidéo été.mp4'), 'vid%C3%A9o+%C3%A9t%C3%A9.mp4');
    assert.equal(unquotePlus(quotePlus('a b/ü~')), 'a b/ü~');
  });
});
