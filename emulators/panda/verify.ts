import { timingSafeEqual } from 'node:crypto';
import { canonicalQueryOf, expectedSignature, type SignedParam } from './canonical';
import type { EmulatorClock } from '../common/clock';
import { missingParams, notAuthorized, notFound, badRequest } from './errors';
import type { RequestParams } from './params';
import type { EmulatorDialect } from './dialect';
import type { CloudState } from './records';
import type { PandaStore } from './store';

/** Server side of the signature (panda spec §9.3), on the emulator's own canonicalization (./canonical). */

function decodeOr(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** (a) byte-exact: the raw query minus its `signature` element (spec §9.3.13a). */
export function rawQueryCandidate(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((part) => decodeOr(part.split('=')[0]!.replace(/\+/g, ' ')) !== 'signature')
    .join('&');
}

const LEGACY_KEY = /^([^[\]]+)\[([^[\]]*)\]$/;

/**
 * (b) re-canonicalised: every decoded param of query and body but `signature` and `file`, with
 * `base[sub]` keys as legacy nested pairs however their brackets arrived, then as plain keys (R18).
 */
export function canonicalCandidates(pairs: readonly (readonly [string, string])[]): string[] {
  const kept = pairs.filter(([key]) => key !== 'signature' && key !== 'file');
  const legacy: SignedParam[] = kept.map(([key, value]) => {
    const m = LEGACY_KEY.exec(key);
    return m ? { key: m[1]!, sub: m[2]!, value } : { key, value };
  });
  const out = [canonicalQueryOf(legacy)];
  if (legacy.some((p) => p.sub !== undefined)) out.push(canonicalQueryOf(kept.map(([key, value]) => ({ key, value }))));
  return out;
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface SignatureCheck {
  readonly method: string;
  /** HOST: the configured public host or the Host header (spec §9.3.12); port and case do not count. */
  readonly host: string;
  /** Request path with `/v2` removed, as received (may be percent-encoded). */
  readonly path: string;
  readonly params: RequestParams;
  readonly secret: string;
  readonly signature: string;
}

/** True when any candidate (raw or decoded path × byte-exact or re-canonicalised query) matches. */
export function signatureMatches(c: SignatureCheck): boolean {
  const paths = [...new Set([c.path, decodeOr(c.path)])];
  let queries: string[];
  try {
    queries = [...new Set([rawQueryCandidate(c.params.rawQuery), ...canonicalCandidates(c.params.pairs)])];
  } catch {
    // a value that cannot be UTF-8 encoded (a lone surrogate) matches nothing but the raw query
    queries = [rawQueryCandidate(c.params.rawQuery)];
  }
  let matched = false;
  for (const path of paths) {
    for (const query of queries) matched = sameText(expectedSignature(c.secret, c.method, c.host, path, query), c.signature) || matched;
  }
  return matched;
}

/** ISO 8601 with optional fraction and `Z` or `±HH:MM` (spec §3.3, §9.3.15); null when unreadable. */
export function parseTimestamp(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (!m) return null;
  const fraction = m[2] ? Math.floor(Number(`0${m[2]}`) * 1000) : 0;
  const zone = m[3] === 'Z' ? 'Z' : m[3]!.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const base = Date.parse(`${m[1]}${zone}`);
  return Number.isNaN(base) ? null : base + fraction;
}

export interface AuthOptions {
  readonly store: PandaStore;
  readonly clock: EmulatorClock;
  /** access key → secret. */
  readonly secrets: ReadonlyMap<string, string>;
  readonly checkTimestamps: boolean;
  readonly rejectReusedPostSignatures: boolean;
  readonly publicHost?: string;
  /** Scope key and collection (telestream spec §2.1). */
  readonly dialect: EmulatorDialect;
}

export interface AuthRequest {
  readonly method: string;
  readonly hostHeader: string | undefined;
  /** Path after `/v2`, raw. */
  readonly path: string;
  /** The same, decoded and canonical (`/clouds.json`, `/videos/x.json`). */
  readonly route: string;
  readonly params: RequestParams;
}

export interface Principal {
  readonly accessKey: string;
  /** Every cloud of the access key (what `/clouds.json` lists). */
  readonly clouds: readonly CloudState[];
  /** The cloud of `cloud_id`; null on `/clouds…` paths, which ignore it (spec §9.2.7). */
  readonly cloud: CloudState | null;
}

const MINUTE = 60_000;
const REQUIRED = 'access_key, signature, timestamp';

/** Checks in the order of spec §9.3: required params, key, signature, timestamp, re-use, cloud. */
export class Authenticator {
  /** POST signatures seen, with their timestamps (to forget those too old to pass anyway). */
  private readonly usedPostSignatures = new Map<string, number>();

  constructor(private readonly o: AuthOptions) {}

  authenticate(r: AuthRequest): Principal {
    const get = (key: string) => {
      const value = r.params.get(key);
      return value === undefined || value === '' ? undefined : value;
    };
    const accessKey = get('access_key');
    const signature = get('signature');
    const timestamp = get('timestamp');
    if (accessKey === undefined || signature === undefined || timestamp === undefined) throw missingParams(REQUIRED);
    const secret = this.o.secrets.get(accessKey);
    // message unconfirmed: the documented class for every authentication failure
    if (secret === undefined) throw notAuthorized('Access key is invalid');
    const host = this.o.publicHost ?? r.hostHeader ?? '';
    if (!signatureMatches({ method: r.method, host, path: r.path, params: r.params, secret, signature })) throw notAuthorized('Signatures do not match');
    const at = this.checkTimestamp(r, timestamp);
    if (r.method === 'POST' && this.o.rejectReusedPostSignatures) this.useOnce(signature, at);
    const clouds = [...this.o.store.clouds.values()].filter((c) => c.cloud.accessKey === accessKey);
    const d = this.o.dialect;
    if (r.route.startsWith(`/${d.scopeCollection}/`) || r.route === `/${d.scopeCollection}.json`) return { accessKey, clouds, cloud: null };
    const cloudId = get(d.scopeKey);
    if (cloudId === undefined) throw missingParams(d.scopeKey);
    const cloud = clouds.find((c) => c.cloud.id === cloudId);
    // an unknown cloud and another key's cloud look the same (exact message unconfirmed, spec §9.2.7)
    if (!cloud) throw notFound(d.scopeModel, cloudId);
    return { accessKey, clouds, cloud };
  }

  /**
   * 5 minutes, 30 for `POST /videos.json` (spec §3.3). Timestamps as far in the future are refused
   * too ([UNCONFIRMED]; the docs read "Signatures expired" as "your clock is out of sync").
   */
  private checkTimestamp(r: AuthRequest, timestamp: string): number | null {
    const at = parseTimestamp(timestamp);
    if (!this.o.checkTimestamps) return at;
    if (at === null) throw badRequest('timestamp must be an ISO 8601 date and time');
    const window = r.method === 'POST' && r.route === '/videos.json' ? 30 * MINUTE : 5 * MINUTE;
    if (Math.abs(this.o.clock.now().getTime() - at) > window) throw notAuthorized('Signatures expired');
    return at;
  }

  /** A POST signature is good once (spec §3.3; message unconfirmed). */
  private useOnce(signature: string, at: number | null): void {
    if (this.usedPostSignatures.has(signature)) throw notAuthorized('Signature has already been used');
    if (this.o.checkTimestamps && this.usedPostSignatures.size >= 10_000) {
      const horizon = this.o.clock.now().getTime() - 31 * MINUTE;
      for (const [seen, when] of this.usedPostSignatures) if (when < horizon) this.usedPostSignatures.delete(seen);
    }
    this.usedPostSignatures.set(signature, at ?? 0);
  }
}
