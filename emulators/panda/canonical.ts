import { createHmac } from 'node:crypto';

/**
 * The server's side of the Panda/Telestream request signature (panda spec §3.4–3.5, §9.3;
 * telestream spec §2.5), written from the spec and independent of the gateway's signing client:
 * the tests compare the two, so a mistake on one side cannot hide behind the same code.
 */

/** One decoded parameter to sign; `sub` set for the legacy nested form `base[sub]` (panda spec §2.4). */
export interface SignedParam {
  readonly key: string;
  readonly value: string;
  /** When set, `key` is the outer name and this the inner one: rendered `key[sub]`, sorted by key then sub. */
  readonly sub?: string;
}

/** RFC 3986 "unreserved only": encodeURIComponent keeps `!'()*`, which the SDK escapes too (§3.4 step 3). */
export function escapeParam(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Code-point order of the raw keys: UTF-8 byte order is exactly code-point order (§3.4 step 2). */
function byCodePoints(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Orders by the outer key, then the inner one; a key without inner part sorts before the same key with one. */
function bySortKeys(a: SignedParam, b: SignedParam): number {
  const outer = byCodePoints(a.key, b.key);
  if (outer !== 0) return outer;
  if (a.sub === undefined || b.sub === undefined) return (a.sub === undefined ? 0 : 1) - (b.sub === undefined ? 0 : 1);
  return byCodePoints(a.sub, b.sub);
}

/** The canonical query of §3.4: sorted by raw key, each key and value escaped, joined with `&`. */
export function canonicalQueryOf(params: readonly SignedParam[]): string {
  return [...params]
    .sort(bySortKeys)
    .map((p) => `${p.sub === undefined ? escapeParam(p.key) : `${p.key}[${escapeParam(p.sub)}]`}=${escapeParam(p.value)}`)
    .join('&');
}

/** `/` + the path without surrounding whitespace, NUL, VT and slashes (§3.5); no `/v2`, no decoding. */
export function canonicalPath(path: string): string {
  let start = 0;
  let end = path.length;
  const trimmed = (c: string | undefined) => c !== undefined && ' \t\n\r\0\v/'.includes(c);
  while (start < end && trimmed(path[start])) start++;
  while (end > start && trimmed(path[end - 1])) end--;
  return `/${path.slice(start, end)}`;
}

/** The signed host: no port, ASCII letters lower-cased, anything else kept (§3.5, R22/R23). */
export function signedHostOf(host: string): string {
  const colon = host.lastIndexOf(':');
  const bare = colon >= 0 && /^\d+$/.test(host.slice(colon + 1)) ? host.slice(0, colon) : host;
  return bare.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** Base64 HMAC-SHA256 of `METHOD\nHOST\nPATH\nQUERY` with the account's secret (§3.5). */
export function expectedSignature(secret: string, method: string, host: string, path: string, canonicalQuery: string): string {
  const text = `${method.toUpperCase()}\n${signedHostOf(host)}\n${canonicalPath(path)}\n${canonicalQuery}`;
  return createHmac('sha256', secret).update(text, 'utf8').digest('base64');
}
