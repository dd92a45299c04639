import { PyFloat, type PyJson } from '../../../src/providers/dailymotion';
import { readVectors } from '../../support/vectors';

/** The parts of test/fixtures/providers/dailymotion/vectors.json the tests read (dailymotion spec §10). */
export interface DmException {
  class: string;
  code?: number;
  message: string;
  data?: unknown;
  str: string;
}

export interface DmFixed {
  rand?: string;
  rand_used?: string;
  'time.time()': { __float__: string };
  'os.urandom(8)_hex'?: string;
}

export interface DmHttpExchange {
  raw_requests: string[];
  parsed_requests?: { body: string; headers: string[]; request_line: string }[];
  response_body: string;
}

export interface DmRpcOutcome {
  http: DmHttpExchange[];
  intermediate?: { hexdigest: string; input: string; op: string }[];
  result?: unknown;
  exception?: DmException;
}

export interface DmVector {
  id: string;
  kind: string;
  sdk?: string;
  description: string;
  client?: { user_id: string; api_key: string; act_as_user?: string | null; base_url?: string };
  fixed?: DmFixed;
  input?: Record<string, unknown> & { call?: string; kwargs?: Record<string, unknown>; args?: unknown[] };
  intermediate?: { op: string; input?: unknown; output?: string; output_hex?: string; hexdigest?: string }[];
  output?: Record<string, unknown> & { exception?: DmException };
  server_response?: { body?: string; status?: number; connection_refused?: boolean };
  'sdk_1.2.7'?: DmRpcOutcome;
  'sdk_1.1.4'?: DmRpcOutcome;
  http?: DmHttpExchange[];
  server_responses?: string[];
}

export interface DmVectorFile {
  meta: { constants: { API_KEY: string; MEDIA_ID: string; NOW: string; USER_ID: string } };
  vectors: DmVector[];
}

let cached: DmVectorFile | null = null;
export const dmVectors = (): DmVectorFile => (cached ??= readVectors<DmVectorFile>('dailymotion'));
export const vectorsOf = (prefix: string): DmVector[] => dmVectors().vectors.filter((v) => v.id.startsWith(prefix));

/** `{"__float__"}` → PyFloat, `{"__tuple__"}` → array, `{"__datetime__"}` → Python's str() of it (spec §10). */
export function decodePy(value: unknown): PyJson {
  if (value === null || typeof value !== 'object') return value as PyJson;
  if (Array.isArray(value)) return value.map(decodePy);
  const o = value as Record<string, unknown>;
  if (typeof o.__float__ === 'string') return new PyFloat(Number(o.__float__));
  if (Array.isArray(o.__tuple__)) return o.__tuple__.map(decodePy);
  if (typeof o.__datetime__ === 'string') return o.__datetime__.replace('T', ' ');
  const out: Record<string, PyJson> = {};
  for (const [k, v] of Object.entries(o)) out[k] = decodePy(v);
  return out;
}

/** The vector's frozen clock and random parts as a SigningEnv; `used` records what was consumed. */
export function vectorEnv(fixed: DmFixed | undefined) {
  const used = { rand: 0, bytes: 0 };
  return {
    used,
    env: {
      now: () => Number(fixed?.['time.time()'].__float__ ?? '1300000000.75'),
      rand: () => {
        used.rand++;
        return fixed?.rand ?? 'zzzzzzzz';
      },
      randomBytes: (n: number) => {
        used.bytes++;
        const hex = fixed?.['os.urandom(8)_hex'];
        if (!hex) throw new Error('no urandom bytes in this vector');
        return Buffer.from(hex, 'hex').subarray(0, n);
      },
    },
  };
}
