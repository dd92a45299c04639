import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { pyInt, pyJsonDumps, type PyValue } from './python';

/**
 * Client auth tokens made locally from the application's encryption key, as `ZiggeoAuth.generate`
 * does (ziggeo spec §8). Pure once its randomness and clock are injected.
 */

/** Options of a client auth token (`grants`, `session_limit`, `expiration_date`, …): order is kept. */
export type ClientAuthTokenOptions = { readonly [key: string]: PyValue };

/** The randomness and clock of one token: inject all three to reproduce a vector. */
export interface ClientAuthTokenEntropy {
  /** The 8 random bytes whose lowercase hex is the IV (spec §8 step 5): a Buffer or 16 hex digits. */
  readonly ivBytes?: Buffer | string;
  /** `time.time()`: Unix seconds, fractions allowed (only the floor is used). */
  readonly nowSeconds?: number;
  /** The random integer in [0, 2^63 − 1] appended to the time in the nonce. */
  readonly randomInt?: bigint;
}

export interface ClientAuthToken {
  readonly token: string;
  /** The exact JSON that was encrypted. */
  readonly plaintext: string;
  readonly nonce: string;
}

const MAX_RANDOM = (1n << 63n) - 1n;

/** `K` = the 32 ASCII hex digits of MD5(key): AES-256, not AES-128 (spec §8 step 4). */
export function clientAuthKey(encryptionKey: string): Buffer {
  return Buffer.from(createHash('md5').update(encryptionKey, 'utf8').digest('hex'), 'ascii');
}

function ivOf(bytes: Buffer | string | undefined): string {
  const raw = bytes === undefined ? randomBytes(8) : typeof bytes === 'string' ? Buffer.from(bytes, 'hex') : bytes;
  if (raw.length !== 8) throw new RangeError('a client auth token IV takes 8 random bytes');
  return raw.toString('hex');
}

function randomInt(): bigint {
  return randomBytes(8).readBigUInt64BE() & MAX_RANDOM;
}

/** Generates a client auth token for `appToken` (spec §8 steps 1–8). */
export function generateClientAuthToken(appToken: string, encryptionKey: string, options: ClientAuthTokenOptions = {}, entropy: ClientAuthTokenEntropy = {}): ClientAuthToken {
  const now = entropy.nowSeconds ?? Date.now() / 1000;
  const random = entropy.randomInt ?? randomInt();
  if (random < 0n || random > MAX_RANDOM) throw new RangeError('the nonce integer lies in [0, 2^63 - 1]');
  const nonce = `${pyInt(Math.floor(now))}${random.toString()}`;
  // step 1: overwritten in place when present (position kept), appended otherwise
  const map: Record<string, PyValue> = { ...options };
  map.application_token = appToken;
  map.nonce = nonce;
  const plaintext = pyJsonDumps(map);
  const iv = ivOf(entropy.ivBytes);
  const cipher = createCipheriv('aes-256-cbc', clientAuthKey(encryptionKey), Buffer.from(iv, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { token: iv + ciphertext.toString('hex'), plaintext, nonce };
}

/** What the service does with a client auth token (spec §8 "Decryption"); null when it is not one. */
export function decryptClientAuthToken(token: string, encryptionKey: string): { plaintext: string; options: unknown } | null {
  if (!/^[0-9a-f]{16}(?:[0-9a-f]{32})+$/.test(token)) return null;
  try {
    const decipher = createDecipheriv('aes-256-cbc', clientAuthKey(encryptionKey), Buffer.from(token.slice(0, 16), 'ascii'));
    const plain = Buffer.concat([decipher.update(Buffer.from(token.slice(16), 'hex')), decipher.final()]).toString('utf8');
    return { plaintext: plain, options: JSON.parse(plain) as unknown };
  } catch {
    return null;
  }
}
