import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { ECHO, leaksIn, WRONG } from './leaks';
import { API_KEYS, bearer, SECRETS, startSecurityStack, type SecurityStack } from './stack';

const MAIN = join(__dirname, '..', '..', 'src', 'main.js');

/**
 * The gateway as `npm start -- --config FILE` runs it, in its own process: everything it writes to
 * stdout and stderr while error paths are driven is grepped for secrets (secrets given through
 * `${ENV}` interpolation, as DESIGN §4 recommends).
 */
describe('error masking in the running process’s output', () => {
  let stack: SecurityStack;
  let child: ChildProcess;
  let dir: string;
  let url: string;
  const output: string[] = [];
  const responses: string[] = [];

  before(async () => {
    stack = await startSecurityStack();
    dir = mkdtempSync(join(tmpdir(), 'vidmesh-masking-'));
    const accounts = stack.accounts.map((a) => (a.id === 'panda-a' ? { ...a, secretKey: '${PANDA_A_SECRET}' } : a.id === 'dm' ? { ...a, apiKey: '${DM_KEY}', timeoutMs: 300 } : a));
    const config = {
      server: { host: '127.0.0.1', port: 0 },
      upstream: { retry: { maxAttempts: 1 } },
      apiKeys: API_KEYS.map((k) => (k.name === 'all' ? { ...k, key: '${VIDMESH_KEY}', accounts: [...k.accounts, 'down'] } : k)),
      accounts: [...accounts, { id: 'down', provider: 'ziggeo', baseUrl: `http://app:${SECRETS.ziggeoEncryption}@127.0.0.1:9`, token: 't0', privateKey: SECRETS.ziggeoPrivate }],
    };
    const file = join(dir, 'vidmesh.json');
    writeFileSync(file, JSON.stringify(config));
    child = spawn(process.execPath, [MAIN, '--config', file], {
      // the wrong Panda secret provokes an auth failure at the provider
      env: { ...process.env, PANDA_A_SECRET: WRONG.pandaA, DM_KEY: SECRETS.dailymotion, VIDMESH_KEY: SECRETS.keyAll, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway did not start: ${output.join('')}`)), 20_000);
      const look = () => {
        const found = /GraphQL at (http:\/\/\S+)/.exec(output.join(''));
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      };
      child.stdout!.on('data', look);
      child.once('exit', (code) => reject(new Error(`gateway exited ${code}: ${output.join('')}`)));
    });
  });
  after(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (query: string, variables: Record<string, unknown> = {}, key: string = SECRETS.keyAll) => {
    const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(key) }, body: JSON.stringify({ query, variables }) });
    const text = await response.body.text();
    responses.push(text);
    return JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
  };
  const videos = 'query($a: [ID!]) { videos(accounts: $a, first: 2) { edges { node { id title } } } }';

  it('drives auth, provider, timeout, connection and input errors', async () => {
    const codes: unknown[] = [];
    const run = async (query: string, variables?: Record<string, unknown>, key?: string) => codes.push((await post(query, variables, key)).errors?.[0]?.extensions?.code);
    await run(videos, { a: ['panda-a'] });
    stack.ziggeo.injectFault({ kind: 'status', status: 400, body: JSON.stringify({ error: ECHO }), times: 1 });
    await run(videos, { a: ['zig'] });
    stack.telestream.injectFault({ kind: 'status', status: 500, body: JSON.stringify({ error: 'Boom', message: ECHO }), times: 1 });
    await run(videos, { a: ['tc'] });
    stack.dailymotion.injectFault({ kind: 'delay', delayMs: 1_500, times: 1 });
    await run(videos, { a: ['dm'] });
    await run(videos, { a: ['down'] });
    await run('query($id: ID!) { node(id: $id) { id } }', { id: SECRETS.pandaB });
    await run('{ accounts { id } }', {}, `${SECRETS.keyAll}-nope`);
    await run('{ accounts { id } ', {});
    assert.deepEqual(codes, [
      'PROVIDER_AUTH_FAILED',
      'PROVIDER_REJECTED',
      'PROVIDER_UNAVAILABLE',
      'PROVIDER_UNAVAILABLE',
      'PROVIDER_UNAVAILABLE',
      'BAD_USER_INPUT',
      'UNAUTHENTICATED',
      'BAD_USER_INPUT',
    ]);
  });

  it('wrote no secret, signature, upstream URL or stack frame, and answered none', async () => {
    // let the last log lines arrive
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.match(output.join(''), /GraphQL at/, 'the output was captured');
    const found = [...leaksIn(output.join('')).map((l) => `output: ${l}`), ...responses.flatMap((r) => leaksIn(r).map((l) => `response: ${l}`))];
    assert.deepEqual(found, []);
  });
});
