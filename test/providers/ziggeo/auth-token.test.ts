import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientAuthKey, decryptClientAuthToken, generateClientAuthToken } from '../../../src/providers/ziggeo/auth-token';
import { py2FloatStr, pyFloatRepr, pyJsonDumps, pyRepr } from '../../../src/providers/ziggeo/python';
import { exactRandints, fromPairs, ziggeoVectors } from './vectors';

describe('ziggeo client auth tokens reproduce every vector of both SDKs (spec §8)', () => {
  const { auth_vectors } = ziggeoVectors();
  const randints = exactRandints();
  it('has vectors to check', () => {
    assert.ok(auth_vectors.length >= 14);
    assert.equal(randints.length, auth_vectors.length);
  });

  for (const [index, v] of auth_vectors.entries()) {
    it(`${v.sdk_version} ${v.id}`, () => {
      assert.equal(clientAuthKey(v.encryption_key).toString('ascii'), v.md5_hex_key, 'md5 hex key');
      const options = fromPairs(v.options) as Record<string, never>;
      const before = JSON.stringify(options);
      const generated = generateClientAuthToken(v.app_token, v.encryption_key, options, {
        ivBytes: v.fixed_urandom_8_bytes_hex,
        nowSeconds: v.fixed_time_time,
        randomInt: randints[index]!,
      });
      assert.equal(generated.plaintext, v.plaintext, 'plaintext');
      assert.equal(generated.token.slice(0, 16), v.iv_ascii, 'IV');
      assert.equal(generated.token, v.token, 'token');
      assert.equal(JSON.stringify(options), before, 'caller options untouched');
      assert.equal(decryptClientAuthToken(v.token, v.encryption_key)?.plaintext, v.plaintext, 'decrypts back');
    });
  }

  it('rejects what is not a token and a wrong key', () => {
    const v = auth_vectors[0]!;
    assert.equal(decryptClientAuthToken('nothex', v.encryption_key), null);
    assert.equal(decryptClientAuthToken(v.token, 'another key'), null);
  });

  it('draws fresh IVs and nonces when none are injected', () => {
    const a = generateClientAuthToken('t', 'k');
    const b = generateClientAuthToken('t', 'k');
    assert.notEqual(a.token, b.token);
    assert.match(a.token, /^[0-9a-f]{16}(?:[0-9a-f]{32})+$/);
    assert.match(a.nonce, /^\d{11,}$/);
  });
});

describe('python text forms', () => {
  it('formats floats as repr (json.dumps) and py2 str (%.12g)', () => {
    assert.equal(pyFloatRepr(1735689600.5), '1735689600.5');
    assert.equal(pyFloatRepr(1e16), '1e+16');
    assert.equal(pyFloatRepr(1e15 + 0.5), '1000000000000000.5');
    assert.equal(pyFloatRepr(0.1 + 0.2), '0.30000000000000004');
    assert.equal(pyFloatRepr(0.0001), '0.0001');
    assert.equal(pyFloatRepr(0.00001), '1e-05');
    assert.equal(pyFloatRepr(-2.5e-7), '-2.5e-07');
    assert.equal(py2FloatStr(0.1 + 0.2), '0.3');
    assert.equal(py2FloatStr(1.5), '1.5');
    assert.equal(py2FloatStr(123456789012.5), '123456789012.0');
    assert.equal(py2FloatStr(1e13 + 0.5), '1e+13');
  });

  it('dumps JSON the way Python does: spaced separators, ASCII only, surrogate pairs', () => {
    assert.equal(pyJsonDumps({ a: [1, 2.5, null, true], 'b/c': 'é😀\u007f\n"' }), '{"a": [1, 2.5, null, true], "b/c": "\\u00e9\\ud83d\\ude00\\u007f\\n\\""}');
    assert.equal(pyJsonDumps({}), '{}');
  });

  it('reprs dicts the Python 3 way', () => {
    assert.equal(pyRepr({ read: 'all', n: 1, f: false, x: null, l: ["it's"] }), `{'read': 'all', 'n': 1, 'f': False, 'x': None, 'l': ["it's"]}`);
  });
});
