import { randomBytes, randomInt } from 'node:crypto';
import * as pako from 'pako';
import { badUserInput } from '../../errors';
import { md5Hex } from './auth';
import { PyFloat, quotePlus, unquotePlus, urlsafeBase64, urlsafeBase64Decode } from './python';

/** Security-level bits (dailymotion spec §7.1). */
export const SecLevel = {
  NONE: 0,
  DELEGATE: 1 << 0,
  ASNUM: 1 << 1,
  IP: 1 << 2,
  USERAGENT: 1 << 3,
  USEONCE: 1 << 4,
  COUNTRY: 1 << 5,
  REFERER: 1 << 6,
  REFERER_STRICT: 1 << 15,
} as const;
export type SecLevelName = keyof typeof SecLevel;

/** The exact ValueError messages of spec §7.6. */
export const SIGNING_ERRORS = {
  A: 'ASNUM security level required and no AS number provided.',
  B: 'IP security level required and no IP address provided.',
  C: 'USERAGENT security level required and no user-agent provided.',
  D: 'COUNTRY security level required and no coutry list provided.',
  E: 'Invalid format for COUNTRY, should be a list of country codes.',
  F: 'Invalid format for COUNTRY security level parameter.',
  G: 'REFERER security level required and no referer list provided.',
  H: 'Invalid format for REFERER, should be a list of url strings.',
} as const;

/** Where time and randomness come from: injected by tests (vectors' frozen clock and `rand`). Plain functions, copied apart. */
export interface SigningEnv {
  /** Unix time in fractional seconds, as Python's time.time(). */
  now: () => number;
  /** The 8 characters of spec §7.2 step 6, from `a-z0-9`. */
  rand: () => string;
  /** `n` random bytes (DRM token nonce, spec §7.7). */
  randomBytes: (n: number) => Buffer;
}

const RAND_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export const systemSigningEnv: SigningEnv = {
  now: () => Date.now() / 1000,
  rand: () => Array.from({ length: 8 }, () => RAND_ALPHABET[randomInt(RAND_ALPHABET.length)]).join(''),
  randomBytes: (n) => randomBytes(n),
};

/** `sign_url` arguments as the SDK takes them; lists are checked at run time as Python does (spec §7.2). */
export interface SignUrlInput {
  readonly url: string;
  /** The API key of the user whose id is in the URL. */
  readonly secret: string;
  readonly seclevel?: number | null;
  readonly asnum?: string | null;
  readonly ip?: string | null;
  readonly useragent?: string | null;
  /** A list of 2-letter codes, `['-', …]` to deny; anything that is not an array is error E. */
  readonly countries?: unknown;
  /** A list of referer URLs; anything that is not an array is error H. */
  readonly referers?: unknown;
  /** Unix seconds; falsy means now + 2 hours; floats truncate; numeric strings accepted. */
  readonly expires?: number | string | PyFloat | null;
}

const fail = (message: string, field: string) => badUserInput(message, { field });
const present = (value: string | null | undefined): value is string => typeof value === 'string' && value !== '';

/** spec §7.2 step 2: `int(expires or now + 7200)`. */
export function resolveExpires(expires: SignUrlInput['expires'], now: number, defaultSeconds = 7200): number {
  const raw = expires instanceof PyFloat ? expires.value : expires;
  if (!raw) return Math.trunc(now + defaultSeconds);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw fail('expires must be a number of seconds', 'expires');
    return Math.trunc(raw);
  }
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw fail('expires must be an integer number of seconds', 'expires');
  return Number(raw.trim());
}

/** The per-user values (`secparams`) and public parameters (`P`) of spec §7.2 step 4–5. */
export function securityParams(input: Omit<SignUrlInput, 'url' | 'secret' | 'expires'>): { secparams: string; publicParams: string } {
  const seclevel = input.seclevel || 0;
  let secparams = '';
  const pub: string[] = [];
  if (!(seclevel & SecLevel.DELEGATE)) {
    if (seclevel & SecLevel.ASNUM) {
      if (!present(input.asnum)) throw fail(SIGNING_ERRORS.A, 'asnum');
      secparams += input.asnum;
    }
    if (seclevel & SecLevel.IP) {
      if (!present(input.ip)) throw fail(SIGNING_ERRORS.B, 'ip');
      secparams += input.ip;
    }
    if (seclevel & SecLevel.USERAGENT) {
      if (!present(input.useragent)) throw fail(SIGNING_ERRORS.C, 'userAgent');
      secparams += input.useragent;
    }
    if (seclevel & SecLevel.COUNTRY) pub.push(`cc=${countryParam(input.countries).toLowerCase()}`);
    if (seclevel & (SecLevel.REFERER | SecLevel.REFERER_STRICT)) pub.push(`rf=${refererParam(input.referers)}`);
  }
  return { secparams, publicParams: pub.length === 0 ? '' : urlsafeBase64(pako.deflate(pub.join('&'))) };
}

function countryParam(countries: unknown): string {
  if (countries === null || countries === undefined || countries === '' || (Array.isArray(countries) && countries.length === 0)) {
    throw fail(SIGNING_ERRORS.D, 'countries');
  }
  if (!Array.isArray(countries)) throw fail(SIGNING_ERRORS.E, 'countries');
  const items = countries.map(String);
  const text = items[0] === '-' ? `-${items.slice(1).join(',')}` : items.join(',');
  if (!/^-?[A-Za-z]{2}(,[A-Za-z]{2})*$/.test(text)) throw fail(SIGNING_ERRORS.F, 'countries');
  return text;
}

function refererParam(referers: unknown): string {
  if (referers === null || referers === undefined || referers === '' || (Array.isArray(referers) && referers.length === 0)) {
    throw fail(SIGNING_ERRORS.G, 'referers');
  }
  if (!Array.isArray(referers)) throw fail(SIGNING_ERRORS.H, 'referers');
  return quotePlus(referers.map((r) => String(r).replace(/ /g, '%20')).join(' '));
}

/** The md5 of spec §7.2 step 7: seclevel, base, expires, rand, secret, secparams and P, concatenated. */
export function signedUrlDigest(p: { seclevel: number; base: string; expires: number; rand: string; secret: string; secparams: string; publicParams: string }): string {
  return md5Hex(`${p.seclevel}${p.base}${p.expires}${p.rand}${p.secret}${p.secparams}${p.publicParams}`);
}

/** `sign_url` of spec §7.2: only the part before the first `?` is hashed; the query is kept unsigned. */
export function signUrl(input: SignUrlInput, env: Pick<SigningEnv, 'now' | 'rand'>): string {
  const seclevel = input.seclevel || 0;
  if (!Number.isInteger(seclevel) || seclevel < 0) throw fail('seclevel must be a non-negative integer', 'seclevel');
  const expires = resolveExpires(input.expires, env.now());
  const q = input.url.indexOf('?');
  const base = q < 0 ? input.url : input.url.slice(0, q);
  const query = q < 0 ? '' : input.url.slice(q + 1);
  const { secparams, publicParams } = securityParams(input);
  const rand = env.rand();
  const digest = signedUrlDigest({ seclevel, base, expires, rand, secret: input.secret, secparams, publicParams });
  const token = `${expires}-${seclevel}-${rand}-${digest}${publicParams ? `-${publicParams}` : ''}`;
  return `${base}?${query ? `${query}&` : ''}auth=${token}`;
}

/** An `auth` token split as a verifier does: at most 5 fields, P may hold `-` (spec §7.8 step 1). */
export interface SignedUrlToken {
  readonly expires: number;
  readonly seclevel: number;
  readonly rand: string;
  readonly digest: string;
  readonly publicParams: string;
}

export function parseSignedUrlToken(auth: string): SignedUrlToken | null {
  const parts: string[] = [];
  let rest = auth;
  for (let i = 0; i < 4; i++) {
    const dash = rest.indexOf('-');
    if (dash < 0) {
      parts.push(rest);
      rest = '';
      break;
    }
    parts.push(rest.slice(0, dash));
    rest = rest.slice(dash + 1);
  }
  if (parts.length < 4 || !/^\d+$/.test(parts[0]!) || !/^\d+$/.test(parts[1]!) || !/^[0-9a-f]{32}$/.test(parts[3]!)) return null;
  return { expires: Number(parts[0]), seclevel: Number(parts[1]), rand: parts[2]!, digest: parts[3]!, publicParams: rest };
}

/** `P` read back: inflated `cc=`/`rf=` members (spec §7.8 step 5); null when it does not decode. */
export function readPublicParams(publicParams: string): { countries: string[] | null; deny: boolean; referers: string[] | null } | null {
  let text: string;
  try {
    text = pako.inflate(urlsafeBase64Decode(publicParams), { to: 'string' });
  } catch {
    return null;
  }
  let countries: string[] | null = null;
  let deny = false;
  let referers: string[] | null = null;
  for (const pair of text.split('&')) {
    if (pair.startsWith('cc=')) {
      const value = pair.slice(3);
      deny = value.startsWith('-');
      countries = (deny ? value.slice(1) : value).split(',').filter(Boolean);
    } else if (pair.startsWith('rf=')) {
      referers = unquotePlus(pair.slice(3))
        .split(' ')
        .map((r) => r.replace(/%20/g, ' '));
    }
  }
  return { countries, deny, referers };
}
