import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VidmeshError } from '../../../src/errors';
import { ZiggeoClient } from '../../../src/providers/ziggeo/client';
import { ziggeoHosts, type ZiggeoHostKind } from '../../../src/providers/ziggeo/encode';
import type { ZiggeoDownload } from '../../../src/providers/ziggeo/download';
import { CaptureServer, S3_URL } from './capture';
import { callOf, fixtureFile, fromPairs, headerOf, requestBody, ziggeoVectors, type ZiggeoHttpVector } from './vectors';

type SdkMethod = (...args: unknown[]) => Promise<unknown>;

const BOUNDARY = { '1.17': '127.0.0.1.0.4242.1489500000.123.1', '2.30': '0123456789abcdef0123456789abcdef' } as const;

/** Calls the client method named like the vector's SDK call, with its arguments and file (ziggeo spec §11). */
async function invoke(client: ZiggeoClient, vector: ZiggeoHttpVector): Promise<unknown> {
  const { resource, method } = callOf(vector);
  const group = (client as unknown as Record<string, Record<string, SdkMethod> | undefined>)[resource];
  const fn = group?.[method];
  if (!fn) throw new Error(`no client method ${resource}.${method}`);
  const args: unknown[] = vector.args.map(fromPairs);
  const fixture = fixtureFile(vector);
  if (fixture) {
    while (args.length < fn.length - 1) args.push(undefined);
    args.push({ body: fixture.bytes, name: fixture.path, size: fixture.bytes.length });
  }
  const result = await fn(...args);
  if (result && typeof result === 'object' && 'body' in result && 'contentType' in result) {
    const chunks: Buffer[] = [];
    for await (const chunk of (result as ZiggeoDownload).body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  return result;
}

/** Which host a vector's first request must reach (spec §1): the CDN for downloads, api_connect for stats. */
function hostKind(vector: ZiggeoHttpVector): ZiggeoHostKind {
  const { resource, method } = callOf(vector);
  if (method.startsWith('download_')) return 'cdn';
  if (resource === 'application') return 'apiConnect';
  return 'api';
}

/** Form pairs as a sorted list: CPython 2 sends plain dicts in hash order (spec §3.3). */
const sortedPairs = (body: Buffer) => body.toString('latin1').split('&').sort();

/** 2.30 retries 5xx itself (spec §4.2); we do not, so only its first exchange is ours. */
const oursOf = (vector: ZiggeoHttpVector) => (vector.sdk_version === '2.30' && vector.exchanges[0]!.response.status >= 500 ? vector.exchanges.slice(0, 1) : vector.exchanges);

describe('every http vector through ZiggeoClient, byte for byte (ziggeo spec §11)', () => {
  const { http_vectors } = ziggeoVectors();
  const capture = new CaptureServer();
  before(() => capture.start());
  after(() => capture.close());

  it('has vectors for both SDKs', () => {
    assert.ok(http_vectors.filter((v) => v.sdk_version === '1.17').length >= 30);
    assert.ok(http_vectors.filter((v) => v.sdk_version === '2.30').length >= 40);
  });

  for (const vector of http_vectors) {
    it(`${vector.sdk_version} ${vector.id}`, async () => {
      assert.equal(ziggeoHosts(vector.app_token, vector.sdk_version)[hostKind(vector)], vector.exchanges[0]!.scheme_host, 'host (region, dialect)');
      const client = new ZiggeoClient(
        { id: 'vec', provider: 'ziggeo', token: vector.app_token, privateKey: vector.private_key, baseUrl: capture.url },
        { dialect: vector.sdk_version, boundary: () => BOUNDARY[vector.sdk_version] },
      );
      const expected = oursOf(vector);
      capture.play(expected);
      let result: unknown;
      let failure: unknown;
      try {
        result = await invoke(client, vector);
      } catch (error) {
        failure = error;
      } finally {
        await client.close();
      }
      assert.equal(capture.received.length, expected.length, 'request count');
      expected.forEach((exchange, i) => {
        const got = capture.received[i]!;
        const want = exchange.request;
        assert.equal(got.method, want.method, `[${i}] method`);
        assert.equal(got.target, capture.expectedTarget(exchange), `[${i}] target`);
        const body = requestBody(exchange);
        if (vector.id === 'videos.update.plain_dict' && vector.sdk_version === '1.17') assert.deepEqual(sortedPairs(got.body), sortedPairs(body), `[${i}] body pairs`);
        else assert.equal(got.body.toString('base64'), body.toString('base64'), `[${i}] body bytes`);
        for (const name of ['authorization', 'content-type', 'content-length', 'accept-encoding']) {
          assert.equal(got.headers[name], headerOf(want.headers, name), `[${i}] ${name}`);
        }
      });
      const status = expected.at(-1)!.response.status;
      if (status >= 400) {
        assert.ok(failure instanceof VidmeshError, 'an error status is a VidmeshError');
        assert.equal(failure.code, status === 404 ? 'NOT_FOUND' : 'PROVIDER_UNAVAILABLE');
        assert.match(failure.message, new RegExp(`\\(HTTP ${status}\\)`));
        return;
      }
      assert.ifError(failure);
      const value = (vector as unknown as { result?: { value?: unknown; base64?: string } }).result;
      if (Buffer.isBuffer(result) && value?.base64 !== undefined) assert.equal(result.toString('base64'), value.base64, 'bytes returned');
      else if (value?.value !== undefined && typeof value.value === 'object') {
        assert.deepEqual(JSON.parse(JSON.stringify(result).split(`${capture.url}/__s3/`).join(S3_URL)), value.value, 'value returned');
      }
    });
  }
});
