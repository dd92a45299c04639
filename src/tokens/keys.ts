import { hkdfSync, randomBytes } from 'node:crypto';

/** One entry of `tokens.keys` (DESIGN §4): the first seals, all open. */
export interface TokenKey {
  readonly id: string;
  readonly secret: string;
}

/** A key id: short, printable, safe in a token header. */
export const TOKEN_KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Bytes a secret must carry: as many as the AES-256 key it becomes. */
export const SECRET_MIN_BYTES = 32;

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * How a secret's entropy is measured: a secret is random bytes written as hex
 * (64+ digits) or base64 / base64url (43+ characters, padding optional), e.g. `openssl rand
 * -base64 32`; it must decode to 32+ bytes and not be a visibly repeated pattern (too few distinct
 * characters). Passphrases are refused: their entropy cannot be measured. Returns what is wrong, or
 * undefined; never echoes the secret.
 */
export function secretProblem(secret: string): string | undefined {
  const hint = 'at least 32 random bytes as 64 hex digits or 43 base64/base64url characters (openssl rand -base64 32)';
  let bytes: number;
  let minDistinct: number;
  if (HEX.test(secret)) {
    bytes = secret.length / 2;
    minDistinct = 10;
  } else if (BASE64.test(secret)) {
    bytes = Math.floor((secret.replace(/=+$/, '').length * 6) / 8);
    minDistinct = 16;
  } else {
    return `must be ${hint}`;
  }
  if (bytes < SECRET_MIN_BYTES) return `too short: ${hint}`;
  if (new Set(secret.replace(/=+$/, '')).size < minDistinct) return `not random enough (a repeated pattern): ${hint}`;
  return undefined;
}

/** The AES-256 key of one secret: HKDF-SHA256, bound to the key id, so no two ids share a key. */
export function deriveKey(key: TokenKey): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(key.secret, 'utf8'), 'vidmesh tokens', `aes-256-gcm ${key.id}`, 32));
}

/** A key for one process only (memory mode without `tokens.keys`): its tokens mean nothing elsewhere. */
export function ephemeralKey(): TokenKey {
  return { id: `process-${randomBytes(6).toString('base64url')}`, secret: randomBytes(32).toString('base64url') };
}
