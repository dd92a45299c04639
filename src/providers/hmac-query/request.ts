import { canonicalQuery, type QueryPair } from './canonical';
import { hmacSignature, stringToSign } from './sign';

export interface SignRequestInput {
  readonly method: string;
  /** The configured API host (any case, port allowed: both are removed for signing). */
  readonly host: string;
  /** The path as given, without the version prefix. */
  readonly path: string;
  /** Caller parameters, already in their wire text form. */
  readonly params: readonly QueryPair[];
  readonly accessKey: string;
  readonly secretKey: string;
  /** Provider scope parameter (`cloud_id`, `factory_id`); omitted when undefined. */
  readonly scope?: { readonly key: string; readonly value: string };
  /** `null` adds no timestamp pair (the caller passed its own, e.g. the README quirk, vector S10). */
  readonly timestamp: string | null;
}

export interface SignedRequest {
  /** Every signed pair: caller params plus auth params (no signature). */
  readonly pairs: readonly QueryPair[];
  readonly canonicalQuery: string;
  readonly stringToSign: string;
  readonly signature: string;
  /** The query string to send: the signed pairs plus `signature`, canonical order. */
  readonly query: string;
}

/** Signs a request the way the Panda 0.3.1 and Telestream 1.x SDKs do (panda spec §3.2–§3.6). */
export function signRequest(input: SignRequestInput): SignedRequest {
  const auth: QueryPair[] = [{ key: 'access_key', value: input.accessKey }];
  if (input.timestamp !== null) auth.push({ key: 'timestamp', value: input.timestamp });
  if (input.scope) auth.push({ key: input.scope.key, value: input.scope.value });
  const authKeys = new Set(auth.map((p) => p.key));
  // Auth parameters overwrite caller keys of the same name (spec §3.2 step 2).
  const pairs = [...input.params.filter((p) => p.base !== undefined || !authKeys.has(p.key)), ...auth];
  const text = stringToSign({ method: input.method, host: input.host, path: input.path, pairs });
  const signature = hmacSignature(input.secretKey, text);
  return {
    pairs,
    canonicalQuery: canonicalQuery(pairs),
    stringToSign: text,
    signature,
    query: canonicalQuery([...pairs, { key: 'signature', value: signature }]),
  };
}
