import { inflateSync } from 'node:zlib';
import { md5 } from './auth';

/**
 * CloudKey signed URLs from the CDN's side (dailymotion spec §7.1–7.2, §7.8): the URLs the emulator
 * hands out (seclevel NONE, like the API's own `stream_url`s) and the reading of an `auth` token a
 * client brings. Written from the spec, independent of the gateway's `sign_url`.
 */

/** Security-level bits (spec §7.1). */
export const SECLEVEL = {
  DELEGATE: 1,
  ASNUM: 2,
  IP: 4,
  USERAGENT: 8,
  USEONCE: 16,
  COUNTRY: 32,
  REFERER: 64,
  REFERER_STRICT: 32768,
} as const;

/** `auth=<expires>-<seclevel>-<rand>-<digest>[-<P>]`: at most five fields, P may hold `-` (spec §7.8 step 1). */
export interface UrlToken {
  readonly expires: number;
  readonly seclevel: number;
  readonly rand: string;
  readonly digest: string;
  /** The public parameters exactly as sent ('' when absent): hashed as-is. */
  readonly publicParams: string;
}

const TOKEN = /^(\d+)-(\d+)-([^-]*)-([0-9a-f]{32})(?:-(.*))?$/s;

export function readUrlToken(auth: string): UrlToken | null {
  const m = TOKEN.exec(auth);
  if (!m) return null;
  return { expires: Number(m[1]), seclevel: Number(m[2]), rand: m[3]!, digest: m[4]!, publicParams: m[5] ?? '' };
}

/** md5 of seclevel, base, expires, rand, secret, per-viewer values and P, concatenated (spec §7.2 step 7). */
export function urlDigest(base: string, t: Omit<UrlToken, 'digest'>, secret: string, viewerValues: string): string {
  return md5(`${t.seclevel}${base}${t.expires}${t.rand}${secret}${viewerValues}${t.publicParams}`);
}

/** A URL signed with no security level, good until `expires` (Unix seconds): what the API answers. */
export function signedUrl(base: string, secret: string, expires: number, rand: string): string {
  const token = { expires, seclevel: 0, rand, publicParams: '' };
  return `${base}?auth=${expires}-0-${rand}-${urlDigest(base, token, secret, '')}`;
}

/** Base64 in its URL-safe alphabet (`-_`), padding optional; the standard alphabet reads too. */
export const urlsafeBase64Bytes = (text: string): Buffer => Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

/** The viewer restrictions inside P: `cc=` countries (a leading `-` denies) and `rf=` referers (spec §7.8 step 5). */
export interface PublicRestrictions {
  readonly countries: readonly string[] | null;
  readonly denyCountries: boolean;
  readonly referers: readonly string[] | null;
}

/** P inflated (zlib) and read as a query string; null when it does not inflate. */
export function readPublicRestrictions(publicParams: string): PublicRestrictions | null {
  let text: string;
  try {
    text = inflateSync(urlsafeBase64Bytes(publicParams)).toString('utf8');
  } catch {
    return null;
  }
  // quote_plus text: URLSearchParams undoes it (`+` is a space, %XX are bytes); spaces then separate referers
  const query = new URLSearchParams(text);
  const cc = query.get('cc');
  const rf = query.get('rf');
  return {
    countries:
      cc === null
        ? null
        : cc
            .replace(/^-/, '')
            .split(',')
            .filter((c) => c !== ''),
    denyCountries: cc?.startsWith('-') ?? false,
    referers: rf === null ? null : rf.split(' ').map((r) => r.split('%20').join(' ')),
  };
}
