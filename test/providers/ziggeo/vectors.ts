import type { PyValue } from '../../../src/providers/ziggeo/python';
import { readFileSync } from 'node:fs';
import { readVectors, vectorsPath } from '../../support/vectors';

/** The parts of test/fixtures/providers/ziggeo/vectors.json the tests read (ziggeo spec §11). */
export interface ZiggeoAuthVector {
  id: string;
  sdk_version: '1.17' | '2.30';
  app_token: string;
  encryption_key: string;
  options: unknown;
  fixed_urandom_8_bytes_hex: string;
  fixed_time_time: number;
  fixed_randint_result: number;
  md5_hex_key: string;
  iv_ascii: string;
  plaintext: string;
  token: string;
}

export interface ZiggeoExchange {
  scheme_host: string;
  request: {
    method: string;
    target: string;
    headers: [string, string][];
    body_length: number;
    body_text?: string;
    body_base64?: string;
    raw_base64: string;
    url: string;
    multipart?: { boundary: string; parts: unknown[] };
  };
  response: { status: number; reason: string; headers: [string, string][]; body_text?: string; body_base64?: string };
}

export interface ZiggeoHttpVector {
  id: string;
  sdk_version: '1.17' | '2.30';
  description: string;
  call: string;
  app_token: string;
  private_key: string;
  args: unknown[];
  kwargs: unknown;
  outcome: 'returned' | 'raised';
  exchanges: ZiggeoExchange[];
}

export interface ZiggeoVectorFile {
  about: {
    credentials: { app_token: string; private_key: string; encryption_key: string; eu_app_token: string };
    fixtures: { 'video.mp4_base64': string; 'cover.png_base64': string };
  };
  auth_vectors: ZiggeoAuthVector[];
  http_vectors: ZiggeoHttpVector[];
}

let cached: ZiggeoVectorFile | undefined;
export const ziggeoVectors = (): ZiggeoVectorFile => (cached ??= readVectors<ZiggeoVectorFile>('ziggeo'));

/** `{"__ordered_pairs__": [[k, v], …]}` → an object in that order, recursively. */
export function fromPairs(value: unknown): PyValue {
  if (value === null || typeof value !== 'object') return value as PyValue;
  if (Array.isArray(value)) return value.map(fromPairs);
  const record = value as Record<string, unknown>;
  const pairs = (record.__ordered_pairs__ as [string, unknown][] | undefined) ?? Object.entries(record);
  const out: Record<string, PyValue> = {};
  for (const [k, v] of pairs) out[k] = fromPairs(v);
  return out;
}

/** `resource` and `method` of a vector's `ziggeo.videos().index(…)` call. */
export function callOf(vector: ZiggeoHttpVector): { resource: string; method: string } {
  const m = /^ziggeo\.(\w+)\(\)\.(\w+)\(/.exec(vector.call);
  if (!m) throw new Error(`cannot read call of ${vector.id}: ${vector.call}`);
  return { resource: m[1]!, method: m[2]! };
}

/** The file a vector's `file=` kwarg names, as bytes from `about.fixtures`. */
export function fixtureFile(vector: ZiggeoHttpVector): { path: string; bytes: Buffer } | null {
  const kwargs = fromPairs(vector.kwargs) as Record<string, PyValue>;
  const path = kwargs.file;
  if (typeof path !== 'string') return null;
  const fixtures = ziggeoVectors().about.fixtures;
  const b64 = path.endsWith('.png') ? fixtures['cover.png_base64'] : fixtures['video.mp4_base64'];
  return { path, bytes: Buffer.from(b64, 'base64') };
}

export const headerOf = (headers: [string, string][], name: string): string | undefined => headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

export const requestBody = (exchange: ZiggeoExchange): Buffer =>
  exchange.request.body_base64 !== undefined ? Buffer.from(exchange.request.body_base64, 'base64') : Buffer.from(exchange.request.body_text ?? '', 'utf8');

export const responseBody = (exchange: ZiggeoExchange): Buffer =>
  exchange.response.body_base64 !== undefined ? Buffer.from(exchange.response.body_base64, 'base64') : Buffer.from(exchange.response.body_text ?? '', 'utf8');

/** `fixed_randint_result` of each auth vector as exact text: JSON numbers above 2^53 lose digits in JS. */
export function exactRandints(): bigint[] {
  const text = readFileSync(vectorsPath('ziggeo'), 'utf8');
  return [...text.matchAll(/"fixed_randint_result":\s*(\d+)/g)].map((m) => BigInt(m[1]!));
}
