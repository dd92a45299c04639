import { timingSafeEqual } from 'node:crypto';
import { canonicalPath, canonicalQuery, hmacSignature, signedHost, type QueryPair } from '../../datasources/hmac-query';

/** One request parameter as received: raw text from the query, and decoded text from query and body. */
export interface ReceivedParams {
  /** The query string exactly as received (after `?`). */
  readonly rawQuery: string;
  /** Every parameter of query and body, decoded (`+` → space), in order. */
  readonly pairs: readonly (readonly [string, string])[];
}

export interface VerifyInput {
  readonly method: string;
  /** Request path with `/v2` removed, as received (may be percent-encoded). */
  readonly path: string;
  /** HOST used for signing: the configured public host or the Host header (panda spec §9.3.12). */
  readonly host: string;
  readonly params: ReceivedParams;
  readonly secret: string;
  readonly signature: string;
}

function decodeOr(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** (a) the raw query minus the `signature` element (panda spec §9.3.13a). */
function rawCandidate(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((part) => decodeOr(part.split('=')[0]!.replace(/\+/g, ' ')) !== 'signature')
    .join('&');
}

const LEGACY = /^([^[\]]+)\[([^[\]]*)\]$/;

/** (b) all params re-canonicalised, `base[sub]` keys as legacy pairs or as plain keys (spec §9.3.13b). */
function canonicalCandidates(pairs: readonly (readonly [string, string])[]): string[] {
  const kept = pairs.filter(([k]) => k !== 'signature' && k !== 'file');
  const plain: QueryPair[] = kept.map(([key, value]) => ({ key, value }));
  const legacy: QueryPair[] = kept.map(([key, value]) => {
    const m = LEGACY.exec(key);
    return m ? { base: m[1]!, key: m[2]!, value } : { key, value };
  });
  const out = [canonicalQuery(legacy)];
  if (legacy.some((p) => p.base !== undefined)) out.push(canonicalQuery(plain));
  return out;
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Accepts when any candidate (raw or decoded path × raw or re-canonicalised query) matches. */
export function verifySignature(input: VerifyInput): boolean {
  const host = signedHost(input.host);
  const paths = [...new Set([canonicalPath(input.path), canonicalPath(decodeOr(input.path))])];
  const queries = [...new Set([rawCandidate(input.params.rawQuery), ...canonicalCandidates(input.params.pairs)])];
  let ok = false;
  for (const path of paths) {
    for (const query of queries) {
      const expected = hmacSignature(input.secret, [input.method.toUpperCase(), host, path, query].join('\n'));
      if (sameSignature(expected, input.signature)) ok = true;
    }
  }
  return ok;
}

/** ISO 8601 with optional fraction and `Z` or `±HH:MM` (spec §9.3.15); null when unreadable. */
export function parseTimestamp(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (!m) return null;
  const fraction = m[2] ? Number(`0${m[2]}`) * 1000 : 0;
  const zone = m[3] === 'Z' ? 'Z' : m[3]!.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const base = Date.parse(`${m[1]}${zone}`);
  return Number.isNaN(base) ? null : base + fraction;
}
