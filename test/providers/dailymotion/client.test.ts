import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { CloudKeyClient, readRpcResponse, RPC_ERROR_CODES } from '../../../src/providers/dailymotion';
import { VidmeshError, type ErrorCode } from '../../../src/errors';
import { vectorsOf, type DmVector } from './vectors';

const target = { account: 'dm', provider: 'dailymotion' };

/** What each SDK outcome becomes here (DESIGN §6); the class name travels in `providerError`. */
const EXPECTED_CODE: Record<string, ErrorCode> = {
  RPCException: 'PROVIDER_REJECTED',
  ProcessorException: 'PROVIDER_REJECTED',
  AuthenticationError: 'PROVIDER_AUTH_FAILED',
  RateLimitExceeded: 'RATE_LIMITED',
  SerializerError: 'PROVIDER_UNAVAILABLE', // a reply that is not JSON: the upstream is broken
  InvalidObject: 'PROVIDER_REJECTED',
  InvalidMethod: 'PROVIDER_REJECTED',
  InvalidParameter: 'BAD_USER_INPUT',
  MissingParameter: 'BAD_USER_INPUT',
  ApplicationException: 'PROVIDER_REJECTED',
  NotFound: 'NOT_FOUND',
  LimitExceeded: 'PROVIDER_REJECTED',
  KeyError: 'PROVIDER_UNAVAILABLE', // an error without message: malformed
  TransportException: 'PROVIDER_UNAVAILABLE',
};

const readVector = (v: DmVector) =>
  readRpcResponse(target, v.server_response!.status!, Buffer.from(v.server_response!.body!, 'utf8'), ['52a32c7890338770e3ea1601214c02142d297298']);

describe('dailymotion RPC answers map as the SDK reads them (spec §4.2, §4.3)', () => {
  const vectors = vectorsOf('response/').filter((v) => !v.server_response!.connection_refused);
  it('has vectors to check', () => assert.equal(vectors.length, 20));
  for (const v of vectors) {
    it(v.id, () => {
      const outcome = v['sdk_1.2.7']!;
      if (!outcome.exception) {
        assert.deepEqual(readVector(v), outcome.result ?? null);
        return;
      }
      const ex = outcome.exception;
      assert.throws(
        () => readVector(v),
        (e: unknown) => {
          assert.ok(e instanceof VidmeshError);
          // a server's code 500 says it could not read our request; a local SerializerError, that the reply is broken
          const expected = ex.class === 'SerializerError' && v.id === 'response/error-500' ? 'PROVIDER_REJECTED' : EXPECTED_CODE[ex.class];
          assert.equal(e.code, expected, `${ex.class} → ${e.code}`);
          assert.equal(e.extensions.account, 'dm');
          assert.equal(e.extensions.provider, 'dailymotion');
          if (ex.code !== undefined && v.server_response!.body!.startsWith('{')) {
            assert.ok(e.message.endsWith(ex.message), 'the provider message is kept');
            assert.equal(e.extensions.providerCode, ex.code);
            assert.equal(e.extensions.providerError, ex.class === 'RPCException' ? 'RPCException' : RPC_ERROR_CODES[ex.code]!.name);
          }
          if (ex.data) assert.deepEqual(JSON.parse(e.extensions.providerData as string), ex.data);
          return true;
        },
      );
    });
  }

  it('returns the canned result of every rpc vector', () => {
    for (const v of vectorsOf('rpc/')) assert.deepEqual(readVector(v), v['sdk_1.2.7']!.result ?? null, v.id);
  });

  it('refuses a JSON array and maps HTTP-level failures without a JSON body by status', () => {
    const codeOf = (status: number, body: string) => {
      try {
        readRpcResponse(target, status, Buffer.from(body));
      } catch (e) {
        return (e as VidmeshError).code;
      }
      return 'none';
    };
    assert.equal(codeOf(200, '[1]'), 'PROVIDER_UNAVAILABLE');
    assert.equal(codeOf(429, 'slow down'), 'RATE_LIMITED');
    assert.equal(codeOf(403, ''), 'PROVIDER_AUTH_FAILED');
    assert.equal(codeOf(503, '<html/>'), 'PROVIDER_UNAVAILABLE');
    assert.equal(codeOf(500, '{"result": 7}'), 'none', 'the status is ignored when the body is JSON (http-500-status-ignored)');
  });

  it('redacts the API key from provider messages', () => {
    const body = Buffer.from('{"error": {"code": 400, "message": "bad key SECRETKEY", "data": {"k": "SECRETKEY"}}}');
    assert.throws(
      () => readRpcResponse(target, 200, body, ['SECRETKEY']),
      (e: VidmeshError) => !e.message.includes('SECRETKEY') && !String(e.extensions.providerData).includes('SECRETKEY'),
    );
  });

  it('connection-refused: a transport failure is PROVIDER_UNAVAILABLE', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    const client = new CloudKeyClient({ id: 'dm', provider: 'dailymotion', baseUrl: `http://127.0.0.1:${port}`, userId: 'u', apiKey: 'k' });
    await assert.rejects(client.call('media.count'), (e: VidmeshError) => e.code === 'PROVIDER_UNAVAILABLE' && /connection refused/.test(e.message));
    await client.close();
  });
});
