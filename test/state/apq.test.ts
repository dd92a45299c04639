import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ApolloServer } from '@apollo/server';
import { createQueryCache, MemoryStore, RedisStore, type QueryCache, type StateStore } from '../../src/state';
import { redisSkip, startRedis, type RedisServer } from '../support/redis';
import { isStateUnavailable } from './contract';

const typeDefs = 'type Query { hello: String }';
const resolvers = { Query: { hello: () => 'world' } };
const query = '{ hello }';
const sha256Hash = createHash('sha256').update(query).digest('hex');

/** One gateway replica's Apollo Server with its APQ cache. */
async function replica(cache: QueryCache): Promise<ApolloServer> {
  const server = new ApolloServer({ typeDefs, resolvers, persistedQueries: { cache } });
  await server.start();
  return server;
}

async function run(server: ApolloServer, withQuery: boolean): Promise<{ data?: unknown; code?: unknown }> {
  const response = await server.executeOperation({ ...(withQuery && { query }), extensions: { persistedQuery: { version: 1, sha256Hash } } });
  assert.equal(response.body.kind, 'single');
  const result = response.body.kind === 'single' ? response.body.singleResult : {};
  return { data: result.data ? { ...result.data } : undefined, code: result.errors?.[0]?.extensions?.code };
}

describe('APQ cache in memory', () => {
  it('registers and answers by hash, bounded', async () => {
    const store: StateStore = new MemoryStore();
    const server = await replica(createQueryCache(store));
    assert.equal((await run(server, false)).code, 'PERSISTED_QUERY_NOT_FOUND');
    assert.deepEqual((await run(server, true)).data, { hello: 'world' });
    assert.deepEqual((await run(server, false)).data, { hello: 'world' });
    await server.stop();

    const small = createQueryCache(store, { maxEntries: 2 });
    await small.set('a', 'A');
    await small.set('b', 'B');
    await small.set('c', 'C');
    assert.equal(await small.get('a'), undefined);
    assert.equal(await small.get('c'), 'C');
  });
});

describe('APQ cache in Redis (a real redis-server)', { skip: redisSkip() }, () => {
  let redis: RedisServer;
  const stores: RedisStore[] = [];
  const open = (keyPrefix = 'apq-test:') => {
    const store = new RedisStore({ url: redis.url, keyPrefix, commandTimeoutMs: 300, maxReconnectDelayMs: 200 });
    stores.push(store);
    return store;
  };
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await redis?.close();
  });

  it('a query registered on one replica is answered by hash on another', async () => {
    const [a, b] = [await replica(createQueryCache(open())), await replica(createQueryCache(open()))];
    assert.equal((await run(b, false)).code, 'PERSISTED_QUERY_NOT_FOUND');
    assert.deepEqual((await run(a, true)).data, { hello: 'world' });
    // Apollo registers after answering, without waiting: give the write its round trip
    for (let i = 0; i < 50 && (await run(b, false)).code; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual((await run(b, false)).data, { hello: 'world' });
    await Promise.all([a.stop(), b.stop()]);
  });

  it("keeps entries under the deployment's prefix, through the store's own connection", async () => {
    const store = open('apq-prefix:');
    const raw = open('');
    const clients = async () => (await raw.withDeadline(() => raw.client.clientList())) as { name: string }[];
    await store.withDeadline(() => store.client.clientSetName('vidmesh-apq'));
    await raw.set('warm', 'up', 1000);
    const before = (await clients()).length;
    const cache = createQueryCache(store);
    await cache.set('apq:abc', 'query { x }', { ttl: 60 });
    assert.equal(await cache.get('apq:abc'), 'query { x }');
    assert.ok((await raw.get('apq-prefix:cache:apq:abc'))?.includes('query { x }'));
    const after = await clients();
    assert.equal(after.length, before, 'Keyv opened no connection of its own');
    assert.equal(after.filter((c) => c.name === 'vidmesh-apq').length, 1);
    await cache.set('apq:no-ttl', 'query { y }');
    const ttl = await raw.withDeadline(() => raw.client.pTTL('apq-prefix:cache:apq:no-ttl'));
    assert.ok(ttl > 86_000_000 && ttl <= 86_400_000, `an entry without TTL gets one day, got ${ttl} ms`);
  });

  it('a lookup during an outage is a miss within the deadline; a registration fails with STATE_UNAVAILABLE', async () => {
    const store = open();
    const cache = createQueryCache(store);
    await cache.set('apq:k', 'q');
    redis.pause();
    try {
      const started = Date.now();
      assert.equal(await cache.get('apq:k'), undefined);
      await assert.rejects(cache.set('apq:k2', 'q2'), isStateUnavailable);
      assert.ok(Date.now() - started < 300 * 2 + 1500, `took ${Date.now() - started} ms`);
    } finally {
      redis.resume();
    }
    for (let i = 0; i < 100 && (await cache.get('apq:k')) === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await cache.get('apq:k'), 'q');
  });
});
