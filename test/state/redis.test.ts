import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RedisStore, describeRedisUrl, type StateLogger } from '../../src/state';
import { redisSkip, startRedis, type RedisServer } from '../support/redis';
import { isStateUnavailable, stateStoreContract, until } from './contract';

const COMMAND_TIMEOUT_MS = 300;

describe('RedisStore (a real redis-server)', { skip: redisSkip() }, () => {
  let server: RedisServer;
  const stores: RedisStore[] = [];
  const open = (keyPrefix: string, extra: Partial<ConstructorParameters<typeof RedisStore>[0]> = {}) => {
    const store = new RedisStore({ url: server.url, keyPrefix, commandTimeoutMs: COMMAND_TIMEOUT_MS, maxReconnectDelayMs: 200, ...extra });
    stores.push(store);
    return store;
  };

  before(async () => {
    server = await startRedis();
  });
  after(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await server?.close();
  });

  describe('StateStore contract', () => {
    stateStoreContract({
      open: async (prefix) => open(prefix),
      elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      outage: {
        commandTimeoutMs: COMMAND_TIMEOUT_MS,
        get hostPort() {
          return `127.0.0.1:${server.port}`;
        },
        stop: () => server.stop(),
        restart: () => server.restart(),
        pause: () => server.pause(),
        resume: () => server.resume(),
      },
    });
  });

  it('stores keys under the prefix, readable by a store without one', async () => {
    const store = open('deploy-a:');
    const raw = open('');
    await store.set('session:1', 'v', 60_000);
    assert.equal(await raw.get('deploy-a:session:1'), 'v');
    assert.equal(await raw.get('session:1'), undefined);
  });

  it('starts while Redis is down and works once it is up (a gateway need not wait for Redis)', async () => {
    const port = server.port;
    await server.stop();
    let store: RedisStore;
    try {
      store = open('late-start:');
      await assert.rejects(store.get('k'), isStateUnavailable);
    } finally {
      await server.restart();
    }
    assert.equal(server.port, port);
    await until(async () => (await store!.health()).ok, 10_000, 'connected after start');
  });

  it('never logs or answers with the password of the URL; one warning per outage', async () => {
    const guarded = await startRedis(['--requirepass', 'right-password']);
    try {
      const lines: string[] = [];
      const log = (fields: object, message: string) => lines.push(JSON.stringify({ fields, message }));
      const logger: StateLogger = { warn: log, info: log };
      const good = open('auth:', { url: `redis://:right-password@127.0.0.1:${guarded.port}`, logger });
      await good.set('k', 'v', 60_000);
      await guarded.stop();
      await assert.rejects(good.get('k'), isStateUnavailable);
      await new Promise((resolve) => setTimeout(resolve, 800)); // several reconnection attempts
      await guarded.restart();
      await until(async () => (await good.health()).ok, 10_000, 'reconnection');
      assert.equal(lines.length, 2, lines.join('\n'));
      assert.match(lines[0]!, /unreachable/);
      assert.match(lines[1]!, /reachable again/);

      const wrong = open('auth:', { url: `redis://:hunter2-secret@127.0.0.1:${guarded.port}`, logger });
      const error = await wrong.get('k').then(
        () => assert.fail('a wrong password must not pass'),
        (e: unknown) => e,
      );
      assert.ok(isStateUnavailable(error), String(error));
      await until(() => lines.length > 2, 3000, 'a warning about the refused password');
      for (const text of [...lines, (error as Error).message]) {
        assert.ok(!text.includes('hunter2') && !text.includes('right-password'), text);
      }
      assert.ok(
        lines.slice(2).every((line) => line.includes(`redis://127.0.0.1:${guarded.port}`)),
        'names the target without credentials',
      );
    } finally {
      await guarded.close();
    }
  });

  it('describes a URL without its credentials', () => {
    assert.equal(describeRedisUrl('redis://u:p@cache.internal:6380/2'), 'redis://cache.internal:6380/2');
    assert.equal(describeRedisUrl('rediss://:only-password@h'), 'rediss://h');
    assert.equal(describeRedisUrl('not a url'), 'redis (unparsable URL)');
  });

  it('uses one connection for commands, a second only once something subscribes', async () => {
    const store = open('conns:');
    const watcher = open('');
    const clientsNamed = async (name: string) => ((await watcher.withDeadline(() => watcher.client.clientList())) as { name: string }[]).filter((c) => c.name === name).length;
    await store.withDeadline(() => store.client.clientSetName('vidmesh-conns'));
    await store.set('k', 'v', 60_000);
    assert.equal(await clientsNamed('vidmesh-conns'), 1);
    await store.subscribe('c', () => undefined);
    const total = (await watcher.withDeadline(() => watcher.client.clientList())).length;
    assert.ok(total >= 3, `${total} connections: commands + subscriber of the store, the watcher`);
  });
});
