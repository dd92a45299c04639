import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createTokenSealer, MAX_TOKEN_LENGTH, TokenError, TokenSealer, type TokenFailure, type TokenKey } from '../../src/tokens';

const key = (id: string): TokenKey => ({ id, secret: randomBytes(32).toString('base64url') });
const k1 = key('k1');
const k2 = key('k2');
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function reason(fn: () => unknown): TokenFailure {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof TokenError, String(error));
    return error.reason;
  }
  return assert.fail('the token opened');
}

describe('sealed tokens', () => {
  it('open what they sealed, with expiry and key id, and reveal nothing of the payload', () => {
    let now = 1_700_000_000_000;
    const sealer = new TokenSealer([k1], { now: () => now });
    const payload = { account: 'panda-eu', video: 'v-visible-id', principal: null, n: [1, 2] };
    const token = sealer.seal('download', payload, 60_000);
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    assert.ok(!Buffer.from(token, 'base64url').includes('v-visible-id'));
    const opened = sealer.open('download', token);
    assert.deepEqual(opened, { payload, expiresAt: now + 60_000, keyId: 'k1' });
    now += 59_999;
    assert.deepEqual(sealer.open('download', token).payload, payload);
    now += 1;
    assert.equal(
      reason(() => sealer.open('download', token)),
      'expired',
    );
  });

  it('seal the same payload differently each time (random IV)', () => {
    const sealer = new TokenSealer([k1]);
    assert.notEqual(sealer.seal('p', 1, 1000), sealer.seal('p', 1, 1000));
  });

  it('bind a token to its purpose: a download link never opens as an upload ticket', () => {
    const sealer = new TokenSealer([k1]);
    assert.equal(
      reason(() => sealer.open('upload-ticket', sealer.seal('download', { a: 1 }, 60_000))),
      'tampered',
    );
  });

  it('refuse every one-character change', () => {
    const sealer = new TokenSealer([k1, k2]);
    const token = sealer.seal('p', { account: 'a', id: 'x' }, 60_000);
    for (let i = 0; i < token.length; i++) {
      for (const c of ['A', 'g', '_']) {
        if (token[i] === c) continue;
        const changed = token.slice(0, i) + c + token.slice(i + 1);
        assert.ok(['tampered', 'malformed', 'unknown-key'].includes(reason(() => sealer.open('p', changed))), `position ${i}`);
      }
    }
  });

  it('accept one spelling only: the unused bits of the last character make no second valid token', () => {
    const sealer = new TokenSealer([k1]);
    let token = sealer.seal('p', 'x', 60_000);
    // find a token whose length leaves unused bits (length % 4 of 2 or 3)
    for (let pad = 'x'; token.length % 4 === 0; pad += 'x') token = sealer.seal('p', pad, 60_000);
    const last = token.at(-1)!;
    const spellings = [...B64URL].filter((c) => Buffer.from(token.slice(0, -1) + c, 'base64url').equals(Buffer.from(token, 'base64url')));
    assert.ok(spellings.length > 1, 'the decoder ignores unused bits');
    for (const c of spellings.filter((s) => s !== last))
      assert.equal(
        reason(() => sealer.open('p', token.slice(0, -1) + c)),
        'malformed',
      );
    assert.equal(
      reason(() => sealer.open('p', `${token}=`)),
      'malformed',
    );
    assert.equal(
      reason(() => sealer.open('p', `${token}==`)),
      'malformed',
    );
    assert.equal(
      reason(() => sealer.open('p', token.replace(/-/g, '+').replace(/_/g, '/') + (token.includes('-') || token.includes('_') ? '' : '+'))),
      'malformed',
    );
  });

  it('say "unknown-key" for a key they do not hold, "tampered" for a header naming another key', () => {
    const a = new TokenSealer([k1]);
    const b = new TokenSealer([k2]);
    const token = a.seal('p', 1, 60_000);
    assert.equal(
      reason(() => b.open('p', token)),
      'unknown-key',
    );
    const both = new TokenSealer([k1, key('k2')]);
    const bytes = Buffer.from(token, 'base64url');
    bytes[3] = '2'.charCodeAt(0); // "k1" → "k2" in the clear header
    assert.equal(
      reason(() => both.open('p', bytes.toString('base64url'))),
      'tampered',
    );
  });

  it('rotate keys: the first seals, all open, so links in flight keep working', () => {
    const before = new TokenSealer([k1]);
    const during = new TokenSealer([k2, k1]);
    const old = before.seal('p', 'old', 60_000);
    assert.equal(during.open('p', old).payload, 'old');
    assert.equal(during.open('p', old).keyId, 'k1');
    const fresh = during.seal('p', 'new', 60_000);
    assert.equal(during.open('p', fresh).keyId, 'k2');
    assert.equal(
      reason(() => before.open('p', fresh)),
      'unknown-key',
    );
    // another replica with the same configuration opens it too
    assert.equal(new TokenSealer([k2, k1]).open('p', fresh).payload, 'new');
  });

  it('refuse malformed input before any crypto', () => {
    const sealer = new TokenSealer([k1]);
    for (const bad of ['', 'a', 'AQ', 'not base64!', 'A'.repeat(MAX_TOKEN_LENGTH + 1), Buffer.from([2, 2, 107, 49, ...randomBytes(40)]).toString('base64url')]) {
      assert.equal(
        reason(() => sealer.open('p', bad)),
        'malformed',
        bad.slice(0, 20),
      );
    }
  });

  it('check the payload shape when asked', () => {
    const sealer = new TokenSealer([k1]);
    const token = sealer.seal('p', { kind: 'old-format' }, 60_000);
    const parse = (raw: unknown) => ((raw as { kind?: unknown }).kind === 'v2' ? (raw as { kind: 'v2' }) : undefined);
    assert.equal(
      reason(() => sealer.open('p', token, parse)),
      'malformed',
    );
  });

  it('refuse to seal without a TTL or with a non-JSON payload, and to start without valid keys', () => {
    const sealer = new TokenSealer([k1]);
    assert.throws(() => sealer.seal('p', 1, 0), RangeError);
    assert.throws(() => sealer.seal('p', undefined, 1000), TypeError);
    assert.throws(() => new TokenSealer([]), RangeError);
    assert.throws(() => new TokenSealer([k1, { ...k2, id: 'k1' }]), RangeError);
    assert.throws(() => new TokenSealer([{ ...k1, id: 'has space' }]), RangeError);
  });
});

describe('createTokenSealer', () => {
  it('uses the configured keys', () => {
    const sealer = createTokenSealer({ keys: [k2, k1], shared: true });
    assert.equal(sealer.signingKeyId, 'k2');
  });

  it('refuses to run shared state without keys, naming tokens.keys', () => {
    assert.throws(() => createTokenSealer({ shared: true }), /tokens\.keys/);
  });

  it('in memory mode without keys: a key of this process, one warning per process', () => {
    const warnings: string[] = [];
    const logger = { warn: (_: object, message: string) => warnings.push(message) };
    const a = createTokenSealer({ shared: false, logger });
    const b = createTokenSealer({ shared: false, logger });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /tokens\.keys/);
    assert.equal(
      reason(() => b.open('p', a.seal('p', 1, 60_000))),
      'unknown-key',
      'another process cannot open it',
    );
  });
});
