import { isoTimestamp, sdkUrl, signRequest, type QueryPair, type SignedRequest } from '../hmac-query';
import { pandaWireValue, signedParamsMap } from '../panda/sign';

/** Telestream differs from Panda only in what telestream spec §2 lists; the rest is hmac-query. */

export const TELESTREAM_VERSION_PREFIX = '/v3.0';

export interface TelestreamCredentials {
  readonly accessKey: string;
  readonly secretKey: string;
  /** Signed as `factory_id` only when configured (spec §2.1, vector T01). */
  readonly factoryId?: string | null;
}

export type TelestreamScalar = string | number | boolean | null;
/** A value as callers give it: scalars, or one level of dict sent in bracket form (spec §2.2). */
export type TelestreamParamValue = TelestreamScalar | Readonly<Record<string, unknown>>;
export type TelestreamParams = Readonly<Record<string, TelestreamParamValue | undefined>>;

/** Python `json.dumps` default separators `", "` / `": "` (spec §2.2, vector T23). */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[' + value.map(pythonJson).join(', ') + ']';
  if (typeof value === 'object')
    return (
      '{' +
      Object.entries(value)
        .map(([k, v]) => `${pythonString(k)}: ${pythonJson(v)}`)
        .join(', ') +
      '}'
    );
  if (typeof value === 'string') return pythonString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new TypeError(`Object of type ${typeof value} is not JSON serializable`);
}

/** JSON string with `ensure_ascii=True`: non-ASCII as `\uXXXX`. */
function pythonString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Python 3 `str()` of a scalar (spec §2.3): `True`/`False`, decimal integers. */
function scalarText(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return pandaWireValue(value);
  return pythonJson(value);
}

/** Caller params → signed pairs: dicts as `base[key]` pairs, except `pipeline` as JSON (spec §2.2). */
export function telestreamPairs(params: TelestreamParams): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null) {
      if (key === 'pipeline') pairs.push({ key, value: pythonJson(value) });
      else for (const [sub, v] of Object.entries(value)) pairs.push({ base: key, key: sub, value: scalarText(v) });
    } else pairs.push({ key, value: scalarText(value) });
  }
  return pairs;
}

export interface TelestreamSignInput {
  readonly method: string;
  readonly host: string;
  /** Path without `/v3.0` (spec §2.5). */
  readonly path: string;
  readonly params: readonly QueryPair[];
  readonly credentials: TelestreamCredentials;
  /** Defaults to now in the SDK's format (spec §2.4). */
  readonly timestamp?: string;
}

export function signTelestreamRequest(input: TelestreamSignInput): SignedRequest {
  const factoryId = input.credentials.factoryId;
  return signRequest({
    method: input.method,
    host: input.host,
    path: input.path,
    params: input.params,
    accessKey: input.credentials.accessKey,
    secretKey: input.credentials.secretKey,
    scope: factoryId ? { key: 'factory_id', value: factoryId } : undefined,
    timestamp: input.timestamp ?? isoTimestamp(new Date()),
  });
}

/** The SDK's URL: `/v3.0` + path as given (spec §1). */
export function telestreamSdkUrl(host: string, port: number | string, path: string, query: string): string {
  return sdkUrl(host, port, TELESTREAM_VERSION_PREFIX, path, query);
}

/** `signed_params()` (spec §2.7): user params, factory_id, access_key, timestamp, signature. */
export const telestreamSignedParams = (signed: SignedRequest): Record<string, string> => signedParamsMap(signed);
