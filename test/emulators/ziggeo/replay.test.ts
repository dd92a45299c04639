import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { basicAuthorization } from '../../../src/providers/ziggeo/encode';
import { multipartFrame } from '../../../src/providers/ziggeo/encode';
import { EmulatorClock } from '../../../emulators/common/clock';
import { startZiggeoEmulator, type ZiggeoEmulator } from '../../../emulators/ziggeo';
import { ziggeoVectors, type ZiggeoExchange, type ZiggeoHttpVector } from '../../providers/ziggeo/vectors';
import { seedVectorFixtures, vectorAccounts } from './fixtures';
import { rewriteRaw, sendRaw, targetOf, type RawResponse } from './raw';

const ZIGGEO_HOST = /^https:\/\/[a-z0-9-]+\.ziggeo\.com$/;

/** Tokens of the vector's upload-url answer → the emulator's, so legs 2–3 address what the emulator made. */
function tokenMap(vectorAnswer: unknown, ours: unknown, scope: 'video' | 'stream'): Map<string, string> {
  const pick = (o: unknown) => (o as Record<string, { token: string; default_stream?: { token: string } }>)[scope]!;
  const map = new Map<string, string>([[pick(vectorAnswer).token, pick(ours).token]]);
  const stream = pick(vectorAnswer).default_stream;
  if (stream) map.set(stream.token, pick(ours).default_stream!.token);
  return map;
}

/** The 2.30 S3 leg as the SDK would send it to this emulator: its `url_data` fields, the recorded file part (spec §3.6). */
function s3Request(exchange: ZiggeoExchange, urlData: { url: string; fields: Record<string, string> }): Buffer {
  const parts = exchange.request.multipart!.parts as { headers?: [string, string][]; content_base64?: string }[];
  const file = parts.find((p) => p.headers?.some(([k, v]) => k === 'Content-Disposition' && v.includes('filename=')))!;
  const disposition = file.headers!.find(([k]) => k === 'Content-Disposition')![1];
  const contentType = file.headers!.find(([k]) => k === 'Content-Type')?.[1];
  const frame = multipartFrame('2.30', exchange.request.multipart!.boundary, Object.entries(urlData.fields), {
    name: /filename="([^"]*)"/.exec(disposition)![1]!,
    contentType,
  });
  const body = Buffer.concat([frame.head, Buffer.from(file.content_base64!, 'base64'), frame.tail]);
  const url = new URL(urlData.url);
  const head = `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: ${frame.contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

const jsonOf = (response: RawResponse): unknown => JSON.parse(response.body.toString('utf8'));

describe('the emulator accepts every recorded request of both SDKs (ziggeo spec §10, §11)', () => {
  const { http_vectors } = ziggeoVectors();
  let emulator: ZiggeoEmulator;
  let port: number;
  const clock = new EmulatorClock('2022-04-01T00:00:00Z');
  before(async () => {
    emulator = await startZiggeoEmulator({ accounts: vectorAccounts(), clock });
    port = Number(new URL(emulator.baseUrl).port);
  });
  after(() => emulator.close());

  const replay = async (vector: ZiggeoHttpVector) => {
    seedVectorFixtures(emulator.store, clock.now().getTime());
    emulator.clearFaults();
    let tokens = new Map<string, string>();
    let urlData: { url: string; fields: Record<string, string> } | null = null;
    for (const [i, exchange] of vector.exchanges.entries()) {
      if (exchange.request.url.startsWith('https://cdn.example.net/')) continue; // a third-party CDN, not Ziggeo
      const recorded = exchange.response.status;
      let response: RawResponse;
      if (!ZIGGEO_HOST.test(exchange.scheme_host)) {
        assert.ok(urlData, 'an upload leg follows an upload-url answer');
        response = await sendRaw(port, s3Request(exchange, urlData));
        assert.equal(response.status, 204, `[${i}] S3 leg: ${response.body.toString()}`);
        continue;
      }
      let raw: Buffer = Buffer.from(exchange.request.raw_base64, 'base64');
      let target = targetOf(raw);
      for (const [from, to] of tokens) target = target.split(from).join(to);
      raw = rewriteRaw(raw, { target });
      if (recorded >= 500) emulator.injectFault({ kind: 'status', status: recorded, times: 1, pathIncludes: target.split('?')[0] });
      response = await sendRaw(port, raw);
      const expected = recorded === 302 ? 200 : recorded;
      assert.equal(Math.floor(response.status / 100), Math.floor(expected / 100), `[${i}] ${target}: ${response.status} ${response.body.toString().slice(0, 200)}`);
      if (expected === 404 || expected >= 500) assert.equal(response.status, expected);
      if (response.status !== 200 || !response.headers['content-type']?.startsWith('application/json') || response.body.length === 0) continue;
      assert.match(response.body.toString('latin1'), /^[\x20-\x7e]*$/, 'JSON bodies are ASCII (spec §10.2.2)');
      const answer = jsonOf(response) as Record<string, unknown>;
      if (target.includes('-upload-url')) {
        urlData = answer.url_data as typeof urlData;
        assert.ok(urlData, 'url_data');
        const canned = JSON.parse(exchange.response.body_text!) as Record<string, unknown>;
        tokens = tokenMap(canned, answer, 'video' in answer ? 'video' : 'stream');
      }
    }
  };

  for (const vector of http_vectors) {
    it(`${vector.sdk_version} ${vector.id}`, () => replay(vector));
  }

  it('rejects every recorded request with one byte of the private key changed: 401, nothing changed', async () => {
    let checked = 0;
    for (const vector of http_vectors) {
      seedVectorFixtures(emulator.store, clock.now().getTime());
      emulator.clearFaults();
      emulator.log.clear();
      for (const exchange of vector.exchanges) {
        const raw = Buffer.from(exchange.request.raw_base64, 'base64');
        if (!/\r\nAuthorization: Basic /i.test(raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('latin1'))) continue;
        const wrongKey = `${vector.private_key.slice(0, -1)}${vector.private_key.endsWith('0') ? '1' : '0'}`;
        const response = await sendRaw(port, rewriteRaw(raw, { authorization: basicAuthorization(vector.app_token, wrongKey) }));
        assert.equal(response.status, 401, `${vector.id}: ${targetOf(raw)}`);
        checked++;
      }
      const app = emulator.store.apps.get(vector.app_token)!;
      assert.equal(app.videos.size, 1, `${vector.id}: no video created or deleted`);
      assert.equal(app.videos.values().next().value!.key, 'interview-42', `${vector.id}: no video changed`);
      assert.equal(app.authTokens.size, 1, `${vector.id}: no token created or deleted`);
      assert.ok(emulator.log.entries.every((e) => e.status === 401 && e.account === null));
    }
    assert.ok(checked >= 80, `checked ${checked} requests`);
  });
});
