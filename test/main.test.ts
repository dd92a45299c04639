import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { startPandaEmulator, type PandaEmulator } from '../emulators/panda';

const MAIN = join(__dirname, '..', 'src', 'main.js');
const EMULATORS = join(__dirname, '..', 'emulators', 'main.js');
const SANDBOX = join(__dirname, '..', 'sandbox', 'main.js');

/** Runs a built entry point until it prints `until` (then stops it) or exits; answers its output. */
function run(script: string, args: string[], env: NodeJS.ProcessEnv, until?: RegExp): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH, ...env } });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (until?.test(out)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe('npm start / npm run emulators (DESIGN §3, §4)', () => {
  let dir: string;
  let emulator: PandaEmulator;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vidmesh-main-'));
    emulator = await startPandaEmulator({ accounts: [{ accessKey: 'k', secretKey: 's3cr3t-value', cloudId: 'c1' }] });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  it('exits non-zero naming the invalid path and the missing variable, never a value', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        accounts: [
          { id: 'p', provider: 'panda', cloudId: 'c', accessKey: 'k', secretKey: '${PANDA_SECRET}' },
          { id: 'q', provider: 'panda', accessKey: 'leaky-value' },
        ],
      }),
    );
    const missingEnv = await run(MAIN, ['--config', file], {});
    assert.equal(missingEnv.code, 1);
    assert.match(missingEnv.err, /accounts\[0\]\.secretKey: environment variable PANDA_SECRET is not set/);
    const invalid = await run(MAIN, [], { VIDMESH_CONFIG: file, PANDA_SECRET: 'x' });
    assert.equal(invalid.code, 1);
    assert.match(invalid.err, /accounts\[1\]\.cloudId: required/);
    assert.doesNotMatch(invalid.err + invalid.out, /leaky-value/);
  });

  it('serves the configured accounts with --config', async () => {
    const file = join(dir, 'good.json');
    writeFileSync(
      file,
      JSON.stringify({
        server: { port: 0, host: '127.0.0.1' },
        accounts: [{ id: 'mine', provider: 'panda', baseUrl: emulator.baseUrl, cloudId: 'c1', accessKey: 'k', secretKey: '${SECRET}' }],
      }),
    );
    let url = '';
    const child = spawn(process.execPath, [MAIN, '--config', file], { env: { PATH: process.env.PATH, SECRET: 's3cr3t-value' } });
    try {
      url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          const m = /GraphQL at (\S+)/.exec(d.toString());
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error('exited')));
      });
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ accounts { id } videos(first: 1) { nodes { id } } }' }),
      });
      assert.deepEqual(await response.body.json(), { data: { accounts: [{ id: 'mine' }], videos: { nodes: [] } } });
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('npm run emulators prints one JSON line per emulator with credentials; --accounts takes a config file', async () => {
    const file = join(dir, 'accounts.json');
    writeFileSync(file, JSON.stringify({ accounts: [{ id: 'x', provider: 'panda', baseUrl: 'https://ignored.example.com', cloudId: 'cc', accessKey: 'ak', secretKey: 'sk' }] }));
    const result = await run(EMULATORS, ['--accounts', file, '--clock', '2015-08-03T15:26:08Z'], {}, /\n/);
    const line = JSON.parse(result.out.split('\n')[0]!) as { provider: string; baseUrl: string; accounts: { cloudId: string; secretKey: string }[] };
    assert.equal(line.provider, 'panda');
    assert.match(line.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(
      line.accounts.map((a) => [a.cloudId, a.secretKey]),
      [['cc', 'sk']],
    );
    const bad = await run(EMULATORS, ['--port', 'x'], {});
    assert.equal(bad.code, 1);
  });

  it('npm run emulators reads the accounts itself: ${ENV} interpolated, problems named by path, never a value', async () => {
    const file = join(dir, 'env-accounts.json');
    const accounts = [
      { id: 'z', provider: 'ziggeo', token: 't', privateKey: '${ZIGGEO_PRIVATE}' },
      { id: 'd', provider: 'dailymotion', userId: 'u1', apiKey: 'leaky-value', timeoutMs: 5000 },
    ];
    writeFileSync(file, JSON.stringify({ server: { port: 1 }, apiKeys: [{ name: 'x', key: '${NOT_NEEDED}', accounts: [] }], accounts }));
    const missing = await run(EMULATORS, ['--accounts', file], {});
    assert.equal(missing.code, 1);
    assert.ok(missing.err.includes(`invalid accounts file ${file}:\n  accounts[0].privateKey: environment variable ZIGGEO_PRIVATE is not set`), missing.err);
    const ok = await run(EMULATORS, ['--accounts', file], { ZIGGEO_PRIVATE: 'pk-from-env' }, /"provider":"ziggeo".*\n/);
    const lines = ok.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { provider: string; accounts: Record<string, string>[] });
    assert.deepEqual(
      lines.find((l) => l.provider === 'ziggeo')?.accounts.map((a) => [a.token, a.privateKey]),
      [['t', 'pk-from-env']],
    );
    assert.deepEqual(
      lines.find((l) => l.provider === 'dailymotion')?.accounts.map((a) => a.userId),
      ['u1'],
    );

    writeFileSync(
      file,
      JSON.stringify({
        accounts: [
          { id: 'p', provider: 'panda', accessKey: 'leaky-value' },
          { id: 'q', provider: 'vimeo' },
        ],
      }),
    );
    const invalid = await run(EMULATORS, ['--accounts', file], {});
    assert.equal(invalid.code, 1);
    assert.match(invalid.err, /accounts\[0\]\.cloudId: required/);
    assert.match(invalid.err, /accounts\[1\]\.provider: must be one of/);
    writeFileSync(file, '{"accounts": [leaky-value');
    const broken = await run(EMULATORS, ['--accounts', file], {});
    assert.match(broken.err, /not valid JSON/);
    for (const r of [missing, invalid, broken]) assert.doesNotMatch(r.err + r.out, /leaky-value/);
  });

  it('the production entry needs a config and says how to get the sandbox', async () => {
    const result = await run(MAIN, [], {});
    assert.equal(result.code, 1);
    assert.match(result.err, /--config PATH or set VIDMESH_CONFIG/);
    assert.match(result.err, /npm start/);
  });

  it('npm start without a config: the emulators with demo data, the gateway over them, the IDE URL and a query to try', async () => {
    const result = await run(SANDBOX, [], { PORT: '0', HOST: '0.0.0.0' }, /try: curl/);
    assert.deepEqual(result.out.match(/^emulator \w+/gm), ['emulator panda', 'emulator telestream', 'emulator dailymotion', 'emulator ziggeo']);
    const url = /^vidmesh sandbox GraphQL at (http:\/\/localhost:\d+\/graphql) \(panda-/m.exec(result.out)?.[1];
    assert.ok(url, result.out);
    assert.match(result.out, new RegExp(`^GraphQL IDE: open ${url} in a browser$`, 'm'));
    const curl = new RegExp(`^try: curl -s ${url} -H 'content-type: application/json' -d '(.+)'$`, 'm').exec(result.out);
    assert.ok(curl);
    assert.match((JSON.parse(curl[1]!) as { query: string }).query, /accounts/);
  });

  it('npm start with a config: the gateway alone', async () => {
    const file = join(dir, 'alone.json');
    writeFileSync(
      file,
      JSON.stringify({
        server: { port: 0, host: '127.0.0.1' },
        accounts: [{ id: 'mine', provider: 'panda', baseUrl: emulator.baseUrl, cloudId: 'c1', accessKey: 'k', secretKey: 's3cr3t-value' }],
      }),
    );
    const result = await run(SANDBOX, ['--config', file], {}, /GraphQL at/);
    assert.match(result.out, /^vidmesh GraphQL at http:\/\/127\.0\.0\.1:\d+\/graphql \(mine\)$/m);
    assert.doesNotMatch(result.out, /emulator|sandbox/);
  });
});
