import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { print } from 'graphql';
import { Agent, request } from 'undici';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { VideosDocument } from '../generated/graphql';

const MAIN = join(__dirname, '..', '..', 'src', 'main.js');
const DRAIN_DELAY_MS = 1_500;
const query = JSON.stringify({ query: print(VideosDocument), variables: { accounts: ['mine'], first: 2 } });

/** Each request on a connection of its own: what a new client (or the balancer's probe) would see. */
async function send(url: string, init: { method?: 'GET' | 'POST'; body?: string } = {}) {
  const dispatcher = new Agent({ pipelining: 0 });
  try {
    const response = await request(url, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json' }, body: init.body, dispatcher });
    return { status: response.statusCode, headers: response.headers, json: (await response.body.json()) as Record<string, unknown> };
  } finally {
    await dispatcher.close();
  }
}

/** Whether a TCP connection to the port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('rolling restarts: SIGTERM reports not ready for server.drainDelayMs, then drains (issue 15)', () => {
  let dir: string;
  let emulator: PandaEmulator;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vidmesh-drain-'));
    emulator = await startPandaEmulator({ accounts: [{ accessKey: 'k', secretKey: 'drain-secret-value', cloudId: 'c1' }] });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  it('readyz is 503 draining while queries still succeed; then new connections are refused, the in-flight one finishes, exit 0', async () => {
    const file = join(dir, 'config.json');
    const server = { port: 0, host: '127.0.0.1', drainDelayMs: DRAIN_DELAY_MS, shutdownTimeoutMs: 5_000 };
    writeFileSync(
      file,
      JSON.stringify({ server, accounts: [{ id: 'mine', provider: 'panda', baseUrl: emulator.baseUrl, cloudId: 'c1', accessKey: 'k', secretKey: 'drain-secret-value' }] }),
    );
    const child = spawn(process.execPath, [MAIN, '--config', file], { env: { PATH: process.env.PATH } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const m = /GraphQL at (\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`exited: ${out}`)));
      });
      const readyz = new URL('/readyz', url).href;
      const port = Number(new URL(url).port);
      assert.equal((await send(readyz)).status, 200);

      child.kill('SIGTERM');
      const signalled = performance.now();
      await sleep(100);
      const notReady = await send(readyz);
      assert.equal(notReady.status, 503);
      assert.equal(notReady.json.status, 'draining');
      assert.equal(notReady.json.reason, 'draining');
      const served = await send(url, { method: 'POST', body: query });
      assert.equal(served.status, 200, 'a query during the delay is served');
      assert.equal(served.json.errors, undefined);
      assert.equal(served.headers.connection, 'close', 'and its connection closed, so the client reconnects through the balancer');

      // a slow query begun near the end of the delay is still running when the listener closes
      emulator.injectFault({ kind: 'delay', delayMs: 1_000, times: 1 });
      await sleep(Math.max(0, DRAIN_DELAY_MS - 400 - (performance.now() - signalled)));
      const inFlight = send(url, { method: 'POST', body: query });
      while (await accepts(port)) await sleep(25);
      const refusedAfter = performance.now() - signalled;
      assert.ok(refusedAfter >= DRAIN_DELAY_MS - 50, `connections accepted for the whole delay (refused after ${Math.round(refusedAfter)} ms)`);
      const finished = await inFlight;
      assert.equal(finished.status, 200, 'the in-flight query finished');
      assert.ok(finished.json.data);
      assert.ok(performance.now() - signalled > DRAIN_DELAY_MS, 'it finished after the listener closed');
      assert.equal(await exited, 0);
    } finally {
      clearTimeout(timer);
      child.kill('SIGKILL');
    }
    const lines = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(lines.some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM' && l.drainDelayMs === DRAIN_DELAY_MS));
    assert.ok(lines.some((l) => l.msg === 'stopped'));
  });
});
