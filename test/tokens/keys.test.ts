import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { secretProblem, uniqueId } from '../../src/tokens';

describe('token secrets (32 bytes of entropy, measured from their encoding)', () => {
  it('accept random bytes as hex, base64 (padded or not) and base64url', () => {
    for (let i = 0; i < 50; i++) {
      const bytes = randomBytes(32);
      for (const secret of [
        bytes.toString('hex'),
        bytes.toString('base64'),
        bytes.toString('base64').replace(/=+$/, ''),
        bytes.toString('base64url'),
        randomBytes(64).toString('base64url'),
      ]) {
        assert.equal(secretProblem(secret), undefined, secret);
      }
    }
  });

  it('refuse short, patterned and unmeasurable secrets without echoing them', () => {
    const cases: [string, RegExp][] = [
      [randomBytes(31).toString('hex'), /too short/],
      [randomBytes(31).toString('base64url'), /too short/],
      ['a'.repeat(64), /not random enough/],
      ['abcd'.repeat(16), /not random enough/],
      ['correct horse battery staple is a long passphrase', /must be/],
      ['', /must be/],
    ];
    for (const [secret, expected] of cases) {
      const problem = secretProblem(secret);
      assert.match(problem ?? '', expected, secret);
      if (secret.length > 8) assert.ok(!problem!.includes(secret));
    }
  });
});

describe('uniqueId', () => {
  it('is 22 URL-safe characters, starts with the time, and does not repeat', () => {
    const now = Date.parse('2024-05-06T07:08:09.010Z');
    const id = uniqueId(now);
    assert.match(id, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(Buffer.from(id, 'base64url').readUIntBE(0, 6), now);
    const many = new Set(Array.from({ length: 20_000 }, () => uniqueId(now)));
    assert.equal(many.size, 20_000, 'same millisecond, still unique');
  });
});
