import { createHash, timingSafeEqual } from 'node:crypto';
import type { VidmeshConfig } from '../config/schema';
import { OPEN_PRINCIPAL, type Principal } from '../domain/principal';
import { VidmeshError } from '../errors';

type ApiKey = NonNullable<VidmeshConfig['apiKeys']>[number];

/** RFC 6750 §2.1: the scheme is case-insensitive; the credential is one token. */
const BEARER = /^Bearer +(\S+) *$/i;

const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/**
 * API keys of DESIGN §4. Keys are compared as SHA-256 digests with timingSafeEqual, every key every
 * time, so neither the length nor the position of a match shows in the timing. Keys are never kept
 * in clear past construction, never logged and never echoed.
 */
export class ApiKeyAuthenticator {
  private readonly keys: { readonly digest: Buffer; readonly principal: Principal }[];
  /** No `apiKeys` in the config: the gateway is open (sandbox, local use). */
  private readonly open: boolean;

  constructor(apiKeys: readonly ApiKey[] | undefined) {
    this.keys = (apiKeys ?? []).map((k) => ({ digest: digest(k.key), principal: { name: k.name, accounts: new Set(k.accounts) } }));
    this.open = apiKeys === undefined;
  }

  /** The caller's principal, or an UNAUTHENTICATED error (HTTP 401) that says what was wrong but not which key exists. */
  authenticate(authorization: string | undefined): Principal | VidmeshError {
    if (this.open) return OPEN_PRINCIPAL;
    if (authorization === undefined || authorization === '') return unauthenticated('missing API key: send Authorization: Bearer <key>');
    const match = BEARER.exec(authorization);
    if (!match) return unauthenticated('malformed Authorization header: expected "Bearer <key>"');
    const given = digest(match[1]!);
    let found: Principal | null = null;
    for (const key of this.keys) {
      if (timingSafeEqual(key.digest, given) && found === null) found = key.principal;
    }
    return found ?? unauthenticated('unknown API key');
  }
}

const unauthenticated = (message: string): VidmeshError => new VidmeshError('UNAUTHENTICATED', message, { httpStatus: 401 });
