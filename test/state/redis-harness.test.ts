import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { MISSING_LINE } from '../support/redis';

const support = join(__dirname, '..', 'support', 'redis.js');
const script = `
  const { redisSkip, startRedis } = require(${JSON.stringify(support)});
  const skips = [redisSkip(), redisSkip()];
  startRedis().then(() => console.log(JSON.stringify({ skips, started: true })), (e) => console.log(JSON.stringify({ skips, error: e.message })));
`;

/** Runs the harness in a child process that has no redis-server. */
function withoutRedis(ci: boolean): { skips: boolean[]; error?: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, REDIS_SERVER_BIN: '/nonexistent/redis-server' };
  delete env.CI;
  if (ci) env.CI = 'true';
  const child = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return { ...(JSON.parse(child.stdout.trim()) as { skips: boolean[]; error?: string }), stderr: child.stderr };
}

describe('test/support/redis.ts without redis-server', () => {
  // the children's "said it once" marker is keyed by their parent: this process
  afterEach(() => rmSync(join(tmpdir(), `vidmesh-redis-missing-${process.pid}`), { force: true }));

  it('skips Redis tests, saying once how to install it', () => {
    const run = withoutRedis(false);
    assert.deepEqual(run.skips, [true, true]);
    assert.equal(run.stderr, `${MISSING_LINE}\n`);
    assert.equal(MISSING_LINE, 'redis-server not found: apt-get install -y redis-server (tests needing Redis skipped)');
    assert.equal(withoutRedis(false).stderr, '', 'another test file of the same run stays quiet');
  });

  it('fails in CI instead of skipping', () => {
    const run = withoutRedis(true);
    assert.deepEqual(run.skips, [false, false]);
    assert.match(run.error ?? '', /^redis-server not found: apt-get install -y redis-server$/);
    assert.equal(run.stderr, '');
  });
});
