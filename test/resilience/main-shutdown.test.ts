import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';

const MAIN = join(__dirname, '..', '..', 'src', 'main.js');

describe('npm start: JSON logs and SIGTERM (issue 8 item 6)', () => {
  let dir: string;
  let emulator: PandaEmulator;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vidmesh-shutdown-'));
    emulator = await startPandaEmulator({ accounts: [{ accessKey: 'k', secretKey: 'main-secret-value', cloudId: 'c1' }] });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  it('logs each request as a JSON line and exits 0 on SIGTERM after draining', async () => {
    const file = join(dir, 'config.json');
    writeFileSync(
      file,
      JSON.stringify({
        server: { port: 0, host: '127.0.0.1', shutdownTimeoutMs: 2000, drainDelayMs: 0 },
        accounts: [{ id: 'mine', provider: 'panda', baseUrl: emulator.baseUrl, cloudId: 'c1', accessKey: 'k', secretKey: 'main-secret-value' }],
      }),
    );
    const child = spawn(process.execPath, [MAIN, '--config', file], { env: { PATH: process.env.PATH } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const m = /GraphQL at (\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`exited: ${out}`)));
      });
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'main-1' },
        body: JSON.stringify({ query: 'query Count { videos(first: 1) { nodes { id } } }' }),
      });
      assert.equal(response.statusCode, 200);
      await response.body.dump();
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      clearTimeout(timer);
      child.kill('SIGKILL');
    }
    const lines = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const logged = lines.find((l) => l.msg === 'graphql request' && l.requestId === 'main-1');
    assert.ok(logged, out);
    assert.equal(logged.operation, 'Count');
    assert.ok(lines.some((l) => l.msg === 'upstream call' && l.requestId === 'main-1' && l.account === 'mine'));
    assert.ok(lines.some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM'));
    assert.ok(lines.some((l) => l.msg === 'stopped'));
    assert.doesNotMatch(out, /main-secret-value/);
  });
});
