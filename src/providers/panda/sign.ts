import { isoTimestamp, sdkUrl, signRequest, type QueryPair, type SignedRequest } from '../hmac-query';

/** What the Panda API needs to sign a request (panda spec §3.1). */
export interface PandaCredentials {
  readonly accessKey: string;
  readonly secretKey: string;
  /** `null` is sent as the text `None`, as the SDK does without a configured cloud (R03). */
  readonly cloudId: string | null;
}

/** A parameter value as callers may give it; stringified as the Python SDK does (spec §2.3). */
export type PandaParamValue = string | number | boolean | null;

export function pandaWireValue(value: PandaParamValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError('panda parameters take integers or strings');
    return String(value);
  }
  return value;
}

export function pandaPairs(params: Readonly<Record<string, PandaParamValue | undefined>>): QueryPair[] {
  return Object.entries(params)
    .filter((entry): entry is [string, PandaParamValue] => entry[1] !== undefined)
    .map(([key, value]) => ({ key, value: pandaWireValue(value) }));
}

export interface PandaSignInput {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly params: readonly QueryPair[];
  readonly credentials: PandaCredentials;
  /** Defaults to now, in the SDK's format (spec §3.3); `null` sends none (see signRequest). */
  readonly timestamp?: string | null;
}

/** Signs a Panda request: `cloud_id` always present, then access key, timestamp, signature. */
export function signPandaRequest(input: PandaSignInput): SignedRequest {
  return signRequest({
    method: input.method,
    host: input.host,
    path: input.path,
    params: input.params,
    accessKey: input.credentials.accessKey,
    secretKey: input.credentials.secretKey,
    scope: { key: 'cloud_id', value: input.credentials.cloudId ?? 'None' },
    timestamp: input.timestamp === undefined ? isoTimestamp(new Date()) : input.timestamp,
  });
}

/** The SDK's URL with the `/v2` prefix (panda spec §1). */
export function pandaSdkUrl(host: string, port: number | string, path: string, query: string): string {
  return sdkUrl(host, port, '/v2', path, query);
}

/** The signed parameter map `signed_params()` returns, for browser uploaders (spec §3.7). */
export function signedParamsMap(signed: SignedRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of signed.pairs) out[pair.base === undefined ? pair.key : `${pair.base}[${pair.key}]`] = pair.value;
  out.signature = signed.signature;
  return out;
}
