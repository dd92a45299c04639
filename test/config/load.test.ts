import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfigFile, parseConfig } from '../../src/config';

const panda = { id: 'panda-eu', provider: 'panda', cloudId: 'c1', accessKey: 'ak', secretKey: '${PANDA_SECRET}' };

function problems(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('config (DESIGN §4)', () => {
  it('interpolates ${ENV} and applies server defaults', () => {
    const config = parseConfig({ accounts: [panda] }, 'x', { PANDA_SECRET: 's3cret' });
    assert.equal(config.accounts[0]!.provider === 'panda' && config.accounts[0]!.secretKey, 's3cret');
    const { limits, subscriptions, perKey, ...server } = config.server;
    assert.deepEqual(server, {
      port: 4000,
      host: '0.0.0.0',
      introspection: true,
      maxUploadBytes: 10 * 1024 ** 3,
      maxFilesPerRequest: 1,
      shutdownTimeoutMs: 10_000,
      drainDelayMs: 5_000,
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 60_000,
      uploadIdleTimeoutMs: 30_000,
      uploadMinBytesPerSecond: 1024,
      readDeadlineMs: 10_000,
    });
    assert.deepEqual(limits, {
      maxDepth: 20,
      maxComplexity: 100_000,
      maxAliases: 30,
      maxRootFields: 20,
      maxBatchedOperations: 10,
      listWeight: 10,
      maxStringLength: 16_384,
      costPerSecond: 200_000,
    });
    assert.deepEqual(perKey, { maxConcurrentRequests: 100, maxUploads: 100, maxOpenTickets: 1000 });
    assert.deepEqual(subscriptions, { maxPerConnection: 100, maxPerKey: 1000, keepAliveMs: 12_000, queueSize: 100, pollMinMs: 2_000, pollMaxMs: 60_000 });
  });

  it('names a missing environment variable and its path', () => {
    assert.deepEqual(
      problems(() => parseConfig({ accounts: [panda] }, 'x', {})),
      ['accounts[0].secretKey: environment variable PANDA_SECRET is not set'],
    );
  });

  it('names the path of every invalid field, never the values', () => {
    const found = problems(() =>
      parseConfig(
        {
          server: { port: 'eighty' },
          accounts: [
            { ...panda, secretKey: 'topsecretvalue' },
            { id: 'p2', provider: 'panda', cloudId: 'c', accessKey: 'a' },
            { id: 'x', provider: 'vimeo' },
            { ...panda, secretKey: 'k', extra: 1 },
          ],
          apiKeys: [{ name: 'dash', key: 'short', accounts: ['nope'] }],
        },
        'x',
        {},
      ),
    );
    assert.ok(found.includes('accounts[1].secretKey: required'), found.join('\n'));
    assert.ok(
      found.some((p) => p.startsWith('server.port:')),
      found.join('\n'),
    );
    assert.ok(
      found.some((p) => p.startsWith('accounts[2].provider:')),
      found.join('\n'),
    );
    assert.ok(
      found.some((p) => p.startsWith('accounts[3]') && p.includes('extra')),
      found.join('\n'),
    );
    assert.ok(
      found.some((p) => p.startsWith('apiKeys[0].key:')),
      found.join('\n'),
    );
    assert.ok(found.every((p) => !p.includes('topsecretvalue')));
  });

  it('rejects duplicate account ids and API keys naming unknown accounts', () => {
    const found = problems(() =>
      parseConfig(
        {
          accounts: [
            { ...panda, secretKey: 'k' },
            { ...panda, secretKey: 'k' },
          ],
          apiKeys: [{ name: 'd', key: 'x'.repeat(20), accounts: ['nope'] }],
        },
        'x',
        {},
      ),
    );
    assert.ok(found.includes('accounts[1].id: duplicate account id "panda-eu"'), found.join('\n'));
    assert.ok(found.includes('apiKeys[0].accounts[0]: unknown account "nope"'), found.join('\n'));
  });

  it('refuses a cost burst below maxComplexity (a query within the limits could never run) and shares above the gateway’s bounds', () => {
    const found = problems(() =>
      parseConfig({ accounts: [{ ...panda, secretKey: 'k' }], server: { limits: { maxComplexity: 5000, costBurst: 4000 }, perKey: { maxUploads: 5000 } } }, 'x', {}),
    );
    assert.ok(found.includes('server.limits.costBurst: at least maxComplexity (5000)'), found.join('\n'));
    assert.ok(
      found.some((p) => p.startsWith('server.perKey.maxUploads:')),
      found.join('\n'),
    );
  });

  it('loads a file and reports unreadable or non-JSON files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vidmesh-config-'));
    try {
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify({ accounts: [{ ...panda, secretKey: 'k' }] }));
      assert.equal(loadConfigFile(good, {}).accounts.length, 1);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{ nope');
      assert.match(problems(() => loadConfigFile(bad, {}))[0]!, /^not valid JSON/);
      assert.match(problems(() => loadConfigFile(join(dir, 'missing.json'), {}))[0]!, /^cannot read: ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
