import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeUnreserved } from '../../../src/providers/hmac-query';
import { seededRandom } from '../../support/seeded-random';

/** The rule as panda spec §3.4 states it, byte by byte: the reference the fast path must match. */
function byTheRule(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Seeded strings of every kind of code point, so a failure names a string that can be replayed. */
function randomStrings(count: number, seed = 0x5eed): string[] {
  const next = seededRandom(seed);
  const pick = (): string => {
    const r = next();
    if (r < 0.5) return String.fromCharCode(Math.floor(next() * 128));
    if (r < 0.8) return String.fromCharCode(0x80 + Math.floor(next() * 0xd700));
    if (r < 0.95) return String.fromCodePoint(0x10000 + Math.floor(next() * 0xfffff));
    return String.fromCharCode(0xd800 + Math.floor(next() * 0x800)); // a lone surrogate
  };
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 24) }, pick).join(''));
}

describe('escapeUnreserved (RFC 3986 unreserved only, uppercase hex, UTF-8)', () => {
  it('keeps the unreserved characters and escapes the five that encodeURIComponent keeps', () => {
    assert.equal(escapeUnreserved('AZaz09-._~'), 'AZaz09-._~');
    assert.equal(escapeUnreserved("!'()*"), '%21%27%28%29%2A');
    assert.equal(escapeUnreserved(' %/?#[]@$&+,;=:'), '%20%25%2F%3F%23%5B%5D%40%24%26%2B%2C%3B%3D%3A');
    assert.equal(escapeUnreserved('2026-12-05T21:50:00.123456+00:00'), '2026-12-05T21%3A50%3A00.123456%2B00%3A00');
  });

  it('escapes each UTF-8 byte of other characters; a lone surrogate as the replacement character', () => {
    assert.equal(escapeUnreserved('é€'), '%C3%A9%E2%82%AC');
    assert.equal(escapeUnreserved('😀'), '%F0%9F%98%80');
    assert.equal(escapeUnreserved('a\ud800b'), 'a%EF%BF%BDb');
    assert.equal(escapeUnreserved('\udc00'), '%EF%BF%BD');
  });

  it('matches the byte-by-byte rule on 5,000 random strings (astral characters and lone surrogates included)', () => {
    for (const text of randomStrings(5000)) assert.equal(escapeUnreserved(text), byTheRule(text), JSON.stringify(text));
  });
});
