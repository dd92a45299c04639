import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKey, TOKEN_KEY_ID, type TokenKey } from './keys';

/** Why a token was refused; callers map these to their answers (403, NOT_FOUND). */
export type TokenFailure = 'malformed' | 'tampered' | 'expired' | 'unknown-key';

export class TokenError extends Error {
  constructor(readonly reason: TokenFailure) {
    super(`token ${reason}`);
    this.name = 'TokenError';
  }
}

export interface OpenedToken<T> {
  readonly payload: T;
  /** Milliseconds since the epoch: single-use markers live until then. */
  readonly expiresAt: number;
  readonly keyId: string;
}

export interface TokenSealerOptions {
  /** Milliseconds since the epoch (injectable for tests). */
  readonly now?: () => number;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Longer tokens are refused before any decoding: a URL path segment, not a payload channel. */
export const MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Self-contained sealed tokens any replica holding the keys can open (download links, upload
 * tickets). Layout, then canonical base64url (no padding):
 *   version (1) ‖ key-id length (1) ‖ key id ‖ IV (12) ‖ AES-256-GCM(expiresAt ms, u64 BE ‖ JSON payload) ‖ tag (16)
 * The header is in the clear (a replica picks the key by id) and authenticated with the purpose as
 * additional data, so a download token never opens as a ticket. AES-GCM from node:crypto: one
 * primitive that encrypts and authenticates, nothing to compose by hand.
 */
export class TokenSealer {
  private readonly keys: ReadonlyMap<string, Buffer>;
  /** The key that seals: the first configured. */
  readonly signingKeyId: string;
  private readonly now: () => number;

  constructor(keys: readonly TokenKey[], options: TokenSealerOptions = {}) {
    if (keys.length === 0) throw new RangeError('TokenSealer needs at least one key');
    for (const key of keys) if (!TOKEN_KEY_ID.test(key.id)) throw new RangeError(`token key id "${key.id.slice(0, 40)}" is not 1-32 of [A-Za-z0-9_-]`);
    this.keys = new Map(keys.map((key) => [key.id, deriveKey(key)]));
    if (this.keys.size !== keys.length) throw new RangeError('token key ids must be unique');
    this.signingKeyId = keys[0]!.id;
    this.now = options.now ?? Date.now;
  }

  /** Seals a JSON value for `purpose`, good for `ttlMs`. */
  seal(purpose: string, payload: unknown, ttlMs: number): string {
    if (!Number.isSafeInteger(ttlMs) || ttlMs < 1) throw new RangeError(`ttlMs must be a positive integer, got ${ttlMs}`);
    const json = JSON.stringify(payload);
    if (json === undefined) throw new TypeError('token payload must be a JSON value');
    const header = headerOf(this.signingKeyId);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.signingKeyId)!, iv);
    cipher.setAAD(additionalData(header, purpose));
    const expiry = Buffer.alloc(8);
    expiry.writeBigUInt64BE(BigInt(this.now() + ttlMs));
    const body = Buffer.concat([cipher.update(expiry), cipher.update(json, 'utf8'), cipher.final()]);
    return Buffer.concat([header, iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** Opens a token sealed for `purpose`; throws TokenError. `parse` checks the payload's shape. */
  open<T = unknown>(purpose: string, token: string, parse?: (raw: unknown) => T | undefined): OpenedToken<T> {
    if (token.length > MAX_TOKEN_LENGTH || !BASE64URL.test(token)) throw new TokenError('malformed');
    const bytes = Buffer.from(token, 'base64url');
    // one spelling per token: trailing bits that base64url would ignore make it another string
    if (bytes.toString('base64url') !== token) throw new TokenError('malformed');
    if (bytes.length < 2 || bytes[0] !== VERSION) throw new TokenError('malformed');
    const idLength = bytes[1]!;
    const headerLength = 2 + idLength;
    if (idLength === 0 || bytes.length < headerLength + IV_BYTES + 8 + TAG_BYTES) throw new TokenError('malformed');
    const keyId = bytes.subarray(2, headerLength).toString('latin1');
    const key = this.keys.get(keyId);
    if (!key) throw new TokenError(TOKEN_KEY_ID.test(keyId) ? 'unknown-key' : 'malformed');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(headerLength, headerLength + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(bytes.subarray(0, headerLength), purpose));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(bytes.subarray(headerLength + IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new TokenError('tampered');
    }
    const expiresAt = Number(plain.readBigUInt64BE(0));
    if (expiresAt <= this.now()) throw new TokenError('expired');
    let raw: unknown;
    try {
      raw = JSON.parse(plain.subarray(8).toString('utf8'));
    } catch {
      throw new TokenError('malformed');
    }
    const payload = parse ? parse(raw) : (raw as T);
    if (payload === undefined) throw new TokenError('malformed');
    return { payload, expiresAt, keyId };
  }
}

function headerOf(keyId: string): Buffer {
  return Buffer.concat([Buffer.from([VERSION, keyId.length]), Buffer.from(keyId, 'latin1')]);
}

function additionalData(header: Buffer, purpose: string): Buffer {
  return Buffer.concat([header, Buffer.from(`\0${purpose}`, 'utf8')]);
}
