import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { print } from 'graphql';
import { request } from 'undici';
import { createLogger } from '../../src/observability/logger';
import { recordUploadBytes } from '../../src/observability/metrics';
import type { Gateway } from '../../src/http/server';
import { startTestGateway } from '../support/gateway';
import { VideosDocument } from '../generated/graphql';
import { sleep, startTwoAccountStack, type TwoAccountStack } from './support';

type Line = Record<string, unknown> & { msg: string; level: number };

describe('logs, request ids and metrics (issue 8 item 6)', () => {
  let s: TwoAccountStack;
  let gateway: Gateway;
  const lines: Line[] = [];
  const raw: string[] = [];
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await request(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.statusCode, headers: response.headers, json: (await response.body.json()) as { errors?: { extensions: { code: string } }[] } };
  };
  const videos = JSON.stringify({ query: print(VideosDocument), variables: { accounts: ['bad', 'good'], first: 3 }, operationName: 'Videos' });
  const linesOf = (requestId: string) => lines.filter((l) => l.requestId === requestId);
  const metrics = async () => (await request(new URL('/metrics', gateway.url))).body.text();

  before(async () => {
    const logger = createLogger({ level: 'info', destination: { write: (text: string) => void (raw.push(text), lines.push(JSON.parse(text) as Line)) } });
    s = await startTwoAccountStack({ upstream: { retry: { baseDelayMs: 1, maxDelayMs: 2 } } }, { logger });
    gateway = s.gql.gateway;
  });
  after(() => s.close());

  it('echoes a given x-request-id and logs one line for the request and one per upstream call, all with that id', async () => {
    const response = await post(videos, { 'x-request-id': 'trace-42' });
    assert.equal(response.status, 200);
    assert.equal(response.headers['x-request-id'], 'trace-42');
    const mine = linesOf('trace-42');
    const requestLines = mine.filter((l) => l.msg === 'graphql request');
    assert.equal(requestLines.length, 1);
    assert.deepEqual(
      { operation: requestLines[0]!.operation, status: requestLines[0]!.status, errors: requestLines[0]!.errors, upstreamCalls: requestLines[0]!.upstreamCalls },
      { operation: 'Videos', status: 200, errors: [], upstreamCalls: 2 },
    );
    assert.equal(typeof requestLines[0]!.ms, 'number');
    const upstream = mine.filter((l) => l.msg === 'upstream call');
    assert.deepEqual(upstream.map((l) => [l.account, l.provider, l.method, l.path, l.status, l.attempt, l.outcome]).sort(), [
      ['bad', 'panda', 'GET', '/v2/videos.json', 200, 1, 'success'],
      ['good', 'panda', 'GET', '/v2/videos.json', 200, 1, 'success'],
    ]);
    assert.ok(upstream.every((l) => typeof l.ms === 'number'));
  });

  it('generates a request id when none (or an unusable one) is given', async () => {
    for (const headers of [{}, { 'x-request-id': 'bad id\twith spaces' }] as Record<string, string>[]) {
      const response = await post(videos, headers);
      const id = response.headers['x-request-id'] as string;
      assert.match(id, /^[0-9a-f-]{36}$/);
      assert.equal(linesOf(id).filter((l) => l.msg === 'graphql request').length, 1);
    }
  });

  it('logs error codes, retries and failed calls at warn', async () => {
    s.bad.injectFault({ kind: 'status', status: 503 });
    try {
      const response = await post(videos, { 'x-request-id': 'trace-503' });
      assert.deepEqual(
        response.json.errors?.map((e) => e.extensions.code),
        ['PROVIDER_UNAVAILABLE'],
      );
    } finally {
      s.bad.clearFaults();
    }
    const mine = linesOf('trace-503');
    assert.deepEqual(mine.find((l) => l.msg === 'graphql request')!.errors, ['PROVIDER_UNAVAILABLE']);
    const failed = mine.filter((l) => l.msg === 'upstream call failed');
    assert.deepEqual(
      failed.map((l) => [l.account, l.status, l.attempt, l.outcome]),
      [
        ['bad', 503, 1, 'server_error'],
        ['bad', 503, 2, 'server_error'],
        ['bad', 503, 3, 'server_error'],
      ],
    );
    assert.ok(failed.every((l) => l.level === 40));
  });

  it('requests refused before GraphQL runs are logged with their code too', async () => {
    const response = await post('{not json', { 'x-request-id': 'trace-400' });
    assert.equal(response.status, 400);
    assert.deepEqual(
      linesOf('trace-400').map((l) => [l.msg, l.status, l.errors]),
      [['graphql request', 400, ['BAD_USER_INPUT']]],
    );
  });

  it('a client gone before its body was read is logged as its request (status 0), not as an unhandled error', async () => {
    const { hostname, port } = new URL(gateway.url);
    const socket = connect(Number(port), hostname);
    await once(socket, 'connect');
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nx-request-id: trace-gone\r\n\r\n{"query":');
    await sleep(50);
    socket.destroy();
    for (let i = 0; i < 100 && linesOf('trace-gone').length === 0; i++) await sleep(10);
    assert.deepEqual(
      linesOf('trace-gone').map((l) => [l.msg, l.status]),
      [['graphql request', 0]],
    );
    await sleep(20);
    assert.deepEqual(
      lines.filter((l) => l.msg === 'unhandled error in request'),
      [],
    );
  });

  it('never logs a query string, signature or credential', () => {
    const all = raw.join('');
    assert.ok(lines.length > 8);
    for (const account of s.accounts) {
      if (account.provider !== 'panda') continue;
      assert.ok(!all.includes(account.secretKey) && !all.includes(account.accessKey), 'no credential');
    }
    assert.doesNotMatch(all, /signature|timestamp=|access_key|\?/);
  });

  it('serves Prometheus metrics: requests, errors by code, upstream calls and latency per account, circuit state, upload bytes', async () => {
    recordUploadBytes('good', 1234);
    recordUploadBytes('good', 766);
    const text = await metrics();
    const value = (series: string) =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(series + ' '))
          ?.split(' ')[1],
      );
    assert.ok(value('vidmesh_http_requests_total{route="/graphql",status="200"}') >= 4);
    assert.equal(value('vidmesh_http_requests_total{route="/graphql",status="400"}'), 1);
    assert.equal(value('vidmesh_graphql_errors_total{code="PROVIDER_UNAVAILABLE"}'), 1);
    assert.equal(value('vidmesh_graphql_errors_total{code="BAD_USER_INPUT"}'), 1);
    assert.equal(value('vidmesh_upstream_requests_total{account="bad",provider="panda",outcome="server_error"}'), 3);
    assert.equal(value('vidmesh_upstream_retries_total{account="bad",provider="panda"}'), 2);
    assert.ok(value('vidmesh_upstream_request_duration_seconds_count{account="good",provider="panda",outcome="success"}') >= 4);
    assert.equal(value('vidmesh_upstream_request_duration_seconds_count{account="bad",provider="panda",outcome="server_error"}'), 3);
    assert.equal(value('vidmesh_circuit_state{account="good",provider="panda"}'), 0);
    assert.equal(value('vidmesh_upload_bytes_total{account="good"}'), 2000);
    assert.match(text, /# TYPE vidmesh_upstream_request_duration_seconds histogram/);
  });

  it('healthz is alive; readyz lists each account with its circuit', async () => {
    assert.deepEqual(JSON.parse(await (await request(new URL('/healthz', gateway.url))).body.text()), { status: 'ok' });
    const ready = await request(new URL('/readyz', gateway.url));
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(await ready.body.json(), {
      status: 'ready',
      accounts: [
        { account: 'bad', provider: 'panda', circuit: 'closed' },
        { account: 'good', provider: 'panda', circuit: 'closed' },
      ],
    });
  });

  it("with API keys, metrics need a key and readyz lists only the key's accounts", async () => {
    const keyed = await startTestGateway(s.accounts, { apiKeys: [{ name: 'ops', key: 'ops-key-0123456789abcdef', accounts: ['good'] }] });
    try {
      const get = async (path: string, headers: Record<string, string> = {}) => {
        const response = await request(new URL(path, keyed.gateway.url), { headers });
        return { status: response.statusCode, text: await response.body.text() };
      };
      const auth = { authorization: 'Bearer ops-key-0123456789abcdef' };
      assert.equal((await get('/metrics')).status, 401);
      assert.equal((await get('/metrics', { authorization: 'Bearer wrong-key-0123456789' })).status, 401);
      assert.equal((await get('/metrics', auth)).status, 200);
      assert.deepEqual(JSON.parse((await get('/readyz')).text), { status: 'ready', accounts: [] });
      assert.deepEqual(JSON.parse((await get('/readyz', auth)).text), { status: 'ready', accounts: [{ account: 'good', provider: 'panda', circuit: 'closed' }] });
      assert.equal((await get('/healthz')).status, 200);
    } finally {
      await keyed.close();
    }
  });
});
