import { createHash } from 'node:crypto';
import { PyFloat, pyFloatStr, pyJson, type PyJson } from './python';

/** RPC arguments: what json.dumps sends and normalize signs alike (dailymotion spec §3.2, §3.4). */
export type RpcValue = PyJson;
export type RpcArgs = { readonly [key: string]: RpcValue | undefined };

export interface NormalizeOptions {
  /** `python`: `True`/`False` as SDKs before 1.2.0 signed them (vector `history/1.1.4/normalize-booleans`). */
  readonly booleans?: 'json' | 'python';
}

const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * `normalize(value)` of dailymotion spec §3.4 as text (md5 hashes its UTF-8): null → empty, lists
 * concatenated, dict keys sorted bytewise with key + value, integral numbers as ints, PyFloat and
 * non-integral numbers as Python 2 `str(float)`.
 */
export function normalize(value: RpcValue | undefined, options: NormalizeOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return options.booleans === 'python' ? (value ? 'True' : 'False') : value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : pyFloatStr(value);
  if (value instanceof PyFloat) return pyFloatStr(value.value);
  if (Array.isArray(value)) return (value as readonly RpcValue[]).map((v) => normalize(v, options)).join('');
  const record = value as RpcArgs;
  return Object.keys(record)
    .sort(byBytes)
    .map((key) => key + normalize(record[key], options))
    .join('');
}

export const md5Hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** The SDK's `sign(secret, msg) = md5(msg + secret)` (dailymotion spec §3.3 step 4, vector `sign/*`). */
export const sign = (secret: string, message: string): string => md5Hex(message + secret);

/** Who signs an RPC call: the configured user, optionally acting as another (dailymotion spec §3.5). */
export interface RpcCredentials {
  readonly userId: string;
  readonly apiKey: string;
  readonly actAs?: string | null;
}

/** `<user_id>` or `<user_id>/<act_as>`; anonymous clients have an empty user part (spec §3.3 step 1). */
export const rpcUserPart = (c: RpcCredentials): string => (c.actAs ? `${c.userId}/${c.actAs}` : c.userId);

/** The hashed string of spec §3.3: user part + normalize({args, call}) + api key. */
export function rpcSignedText(userPart: string, call: string, args: RpcArgs, apiKey: string, options?: NormalizeOptions): string {
  return `${userPart}args${normalize(args, options)}call${call}${apiKey}`;
}

/** The `auth` member: `user_part:md5(...)` (spec §3.3 step 5). */
export function rpcAuth(c: RpcCredentials, call: string, args: RpcArgs): string {
  const userPart = rpcUserPart(c);
  return `${userPart}:${md5Hex(rpcSignedText(userPart, call, args, c.apiKey))}`;
}

/** Drops undefined members, recursively, so what is signed is exactly what is sent (spec §3.4). */
export function compactArgs(args: RpcArgs): { [key: string]: RpcValue } {
  const out: { [key: string]: RpcValue } = {};
  for (const [key, value] of Object.entries(args)) if (value !== undefined) out[key] = compactValue(value);
  return out;
}

function compactValue(value: RpcValue): RpcValue {
  if (Array.isArray(value)) return (value as readonly RpcValue[]).map(compactValue);
  if (value !== null && typeof value === 'object' && !(value instanceof PyFloat)) return compactArgs(value as RpcArgs);
  return value;
}

export interface RpcRequest {
  readonly call: string;
  readonly args: { [key: string]: RpcValue };
  readonly auth: string;
  /** The JSON body, formatted as CPython 2.7 json.dumps (top-level order args, call, auth; spec §3.6). */
  readonly body: string;
}

/** The whole JSON-RPC request of spec §3.2: no id, no version, nothing but args, call and auth. */
export function rpcRequest(c: RpcCredentials, call: string, args: RpcArgs = {}): RpcRequest {
  const compact = compactArgs(args);
  const auth = rpcAuth(c, call, compact);
  return { call, args: compact, auth, body: pyJson({ args: compact, call, auth }) };
}
