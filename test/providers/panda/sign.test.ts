import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoTimestamp, type QueryPair } from '../../../src/providers/hmac-query';
import { pandaSdkUrl, signedParamsMap, signPandaRequest } from '../../../src/providers/panda/sign';
import { pandaVectors, type PandaSigning, type PandaVector } from './vectors';

const AUTH_KEYS = new Set(['access_key', 'cloud_id', 'timestamp']);

/** The caller's params of a vector: its effective pairs less the auth pairs the signer adds. */
function callerPairs(signing: PandaSigning): QueryPair[] {
  return signing.params_effective
    .filter((p) => p.base !== null || !AUTH_KEYS.has(p.k))
    .map((p) => (p.base === null ? { key: p.k, value: p.v } : { key: p.k, value: p.v, base: p.base, sortPath: p.sort_path }));
}

function timestampOf(signing: PandaSigning): string | null {
  return signing.params_effective.find((p) => p.base === null && p.k === 'timestamp')?.v ?? null;
}

function check(vector: PandaVector, signing: PandaSigning, signature: string, url?: string, result?: Record<string, unknown>) {
  const timestamp = timestampOf(signing);
  const signed = signPandaRequest({
    method: signing.method,
    host: vector.credentials.api_host,
    path: signing.path_argument,
    params: callerPairs(signing),
    credentials: {
      accessKey: vector.credentials.access_key,
      secretKey: vector.credentials.secret_key,
      cloudId: vector.credentials.cloud_id,
    },
    timestamp,
  });
  assert.equal(signed.canonicalQuery, signing.canonical_query, 'canonical query');
  assert.equal(signed.stringToSign, signing.string_to_sign, 'string to sign');
  assert.equal(signed.signature, signature, 'signature');
  if (url !== undefined) {
    const sent = pandaSdkUrl(vector.credentials.api_host, vector.credentials.api_port, signing.path_argument, signed.query);
    assert.equal(sent, url, 'url');
  }
  if (result !== undefined) {
    const map = signedParamsMap(signed);
    for (const [key, value] of Object.entries(result)) {
      if (key === 'file') continue; // a local path: never signed, never sent (spec §3.2)
      // Lists, dicts and floats take Python 2 text forms: checked through the canonical query above.
      if ((typeof value === 'object' && value !== null) || (typeof value === 'number' && !Number.isInteger(value))) continue;
      assert.equal(map[key], typeof value === 'string' ? value : pythonText(value), `signed_params[${key}]`);
    }
  }
  if (vector.fixed_clock_utc && timestamp !== null) {
    const clock = vector.fixed_clock_utc;
    const micros = Number((/\.(\d{6})/.exec(clock)?.[1] ?? '0').slice(3));
    assert.equal(isoTimestamp(new Date(clock), micros), timestamp, 'generated timestamp format');
  }
}

/** Python 2 `unicode()` of the JSON-rendered non-string values in signed_params_result. */
function pythonText(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null) return 'None';
  if (typeof value === 'number') return String(value);
  assert.fail(`a JSON scalar expected in signed_params_result, got ${typeof value}`);
}

describe('panda signing reproduces every vector of the official SDK', () => {
  const { vectors } = pandaVectors();
  it('has vectors to check', () => assert.ok(vectors.length >= 30));
  for (const vector of vectors) {
    if (vector.kind === 'signed_params') {
      it(`${vector.id}: signed_params`, () => {
        check(vector, vector.signing!, vector.signature!, undefined, vector.signed_params_result);
      });
      continue;
    }
    (vector.http_calls ?? []).forEach((call, index) => {
      if (!call.signed) return;
      it(`${vector.id}[${index}]: ${call.signing!.method} ${call.signing!.path_argument}`, () => {
        check(vector, call.signing!, call.signature!, call.requests_call.url, call.signed_params_result);
      });
    });
  }
});
