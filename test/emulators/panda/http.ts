import { request as httpRequest } from 'node:http';
import { isoTimestamp, type QueryPair } from '../../../src/providers/hmac-query';
import { signPandaRequest, type PandaCredentials } from '../../../src/providers/panda/sign';
import type { PandaEmulator } from '../../../emulators/panda';

/** Raw HTTP to an emulator: the exact request target and headers given, nothing added but the body's length. */

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export function send(baseUrl: string, method: string, target: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path: target, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let micros = 0;

/** A signed API client for one emulator, as the SDK signs: params in the query, `/v2` + path. */
export function pandaClient(emulator: PandaEmulator, defaults: PandaCredentials) {
  const host = new URL(emulator.baseUrl).host;
  function sign(method: string, path: string, params: Record<string, string> = {}, o: { creds?: PandaCredentials; timestamp?: string } = {}) {
    const pairs: QueryPair[] = Object.entries(params).map(([key, value]) => ({ key, value }));
    // a distinct microsecond per request: identical POSTs would share a signature (spec §9.3.15)
    const timestamp = o.timestamp ?? isoTimestamp(emulator.clock.now(), (micros = (micros + 1) % 1000));
    return signPandaRequest({ method, host, path, params: pairs, credentials: o.creds ?? defaults, timestamp });
  }
  async function call(method: string, path: string, params: Record<string, string> = {}, o: { creds?: PandaCredentials; timestamp?: string } = {}) {
    const signed = sign(method, path, params, o);
    // the path as python-requests sends it: signed raw, percent-encoded on the wire (spec §1, R14)
    const answer = await send(emulator.baseUrl, method, `/v2${encodeURI(path)}?${signed.query}`, { host, 'content-length': '0' });
    // JSON.parse answers `any`: each test names the shape it reads
    return { ...answer, json: answer.body === '' ? null : (JSON.parse(answer.body) as unknown) };
  }
  return { host, sign, call };
}
