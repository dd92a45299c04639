import { createHmac } from 'node:crypto';
import { canonicalQuery, type QueryPair } from './canonical';

/** Characters stripped from both ends of the path before signing (panda spec §3.5). */
const PATH_TRIM = /^[ \t\n\r\0\v/]+|[ \t\n\r\0\v/]+$/g;

/** `/` + the path with surrounding whitespace and slashes removed; no version prefix. */
export function canonicalPath(path: string): string {
  return '/' + path.replace(PATH_TRIM, '');
}

/** The signed host: ASCII-lower-cased, without scheme or port. */
export function signedHost(host: string): string {
  return host.replace(/:\d+$/, '').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export interface SigningInput {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly pairs: readonly QueryPair[];
}

export function stringToSign(input: SigningInput): string {
  return [input.method.toUpperCase(), signedHost(input.host), canonicalPath(input.path), canonicalQuery(input.pairs)].join('\n');
}

/** Base64(HMAC-SHA256(secret, string to sign)), standard alphabet with padding. */
export function hmacSignature(secret: string, text: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(text, 'utf8')).digest('base64');
}

/**
 * Timestamp as Python's `datetime.now(UTC).isoformat()`: six-digit fraction, omitted when zero,
 * always `+00:00` (panda spec §3.3). JS clocks have milliseconds; `micros` adds the rest.
 */
export function isoTimestamp(date: Date, micros = 0): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const fraction = date.getUTCMilliseconds() * 1000 + micros;
  const seconds = iso.slice(0, 19);
  return fraction === 0 ? `${seconds}+00:00` : `${seconds}.${String(fraction).padStart(6, '0')}+00:00`;
}
