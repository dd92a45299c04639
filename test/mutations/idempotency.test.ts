import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { TestGateway } from '../support/gateway';
import { redisSkip, startRedis, type RedisServer } from '../support/redis';
import { CREATE_VIDEO, newKey, post, startPandaFarm, type PandaFarm } from './support';

const input = (n: number | string) => ({ input: { account: 'alpha', sourceUrl: `https://media.example.com/${n}.mp4` } });

describe('Idempotency-Key, in memory', () => {
  let farm: PandaFarm;
  let gql: TestGateway;
  let url: string;
  before(async () => {
    farm = await startPandaFarm();
    gql = await farm.gateway();
    url = gql.gateway.url;
  });
  after(() => farm.close());

  it('a repeated key answers the first result and creates one video', async () => {
    const key = newKey();
    const before = farm.creations();
    const first = await post(url, CREATE_VIDEO, input(1), { 'idempotency-key': key });
    const again = await post(url, CREATE_VIDEO, input(1), { 'idempotency-key': key });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    assert.ok(first.data?.createVideo?.video?.id);
    assert.deepEqual(again.data, first.data);
    assert.equal(again.status, first.status);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(first.headers['idempotent-replayed'], undefined);
    assert.equal(farm.creations() - before, 1, 'the provider was asked once');
    // without a key, or with another, it creates again
    await post(url, CREATE_VIDEO, input(1), { 'idempotency-key': newKey() });
    await post(url, CREATE_VIDEO, input(1));
    assert.equal(farm.creations() - before, 3);
  });

  it('the same key for other arguments or another operation is BAD_USER_INPUT, with nothing created', async () => {
    const key = newKey();
    await post(url, CREATE_VIDEO, input(2), { 'idempotency-key': key });
    const before = farm.creations();
    const otherArgs = await post(url, CREATE_VIDEO, input(3), { 'idempotency-key': key });
    assert.equal(otherArgs.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(otherArgs.errors![0]!.message, /Idempotency-Key was used for another operation or other arguments/);
    const otherOperation = await post(url, 'mutation ($input: CreateVideoInput!) { createVideo(input: $input) { video { id status } } }', input(2), { 'idempotency-key': key });
    assert.equal(otherOperation.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(farm.creations(), before);
  });

  it('the same key from another API key is another key', async () => {
    const keyed = await farm.gateway({
      apiKeys: [
        { name: 'one', key: 'key-one-0123456789abcdef', accounts: ['alpha'] },
        { name: 'two', key: 'key-two-0123456789abcdef', accounts: ['alpha'] },
      ],
    });
    const key = newKey();
    const before = farm.creations();
    const one = await post(keyed.gateway.url, CREATE_VIDEO, input(4), { 'idempotency-key': key, authorization: 'Bearer key-one-0123456789abcdef' });
    const two = await post(keyed.gateway.url, CREATE_VIDEO, input(4), { 'idempotency-key': key, authorization: 'Bearer key-two-0123456789abcdef' });
    assert.notEqual(one.data?.createVideo?.video?.id, two.data?.createVideo?.video?.id);
    assert.equal(farm.creations() - before, 2);
  });

  it('two concurrent requests with one key: one creation, both get its result', async () => {
    farm.emulator.injectFault({ pathIncludes: '/videos.json', kind: 'delay', delayMs: 600, times: 1 });
    const key = newKey();
    const before = farm.creations();
    const [a, b] = await Promise.all([post(url, CREATE_VIDEO, input(5), { 'idempotency-key': key }), post(url, CREATE_VIDEO, input(5), { 'idempotency-key': key })]);
    assert.equal(farm.creations() - before, 1);
    assert.ok(a.data?.createVideo?.video?.id);
    assert.deepEqual(a.data, b.data);
  });

  it('a repeat that waits longer than the first takes is RATE_LIMITED (409, Retry-After), then gets the result', async () => {
    const impatient = await farm.gateway({}, { idempotency: { waitMs: 150, pollMs: 20 } });
    farm.emulator.injectFault({ pathIncludes: '/videos.json', kind: 'delay', delayMs: 800, times: 1 });
    const key = newKey();
    const first = post(impatient.gateway.url, CREATE_VIDEO, input(6), { 'idempotency-key': key });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const busy = await post(impatient.gateway.url, CREATE_VIDEO, input(6), { 'idempotency-key': key });
    assert.equal(busy.status, 409);
    assert.equal(busy.headers['retry-after'], '1');
    assert.equal(busy.errors?.[0]?.extensions?.code, 'RATE_LIMITED');
    assert.match(busy.errors![0]!.message, /still in progress/);
    const done = await first;
    const later = await post(impatient.gateway.url, CREATE_VIDEO, input(6), { 'idempotency-key': key });
    assert.deepEqual(later.data, done.data);
  });

  it('a first use that applied nothing frees the key: the retry runs', async () => {
    farm.emulator.injectFault({ pathIncludes: '/videos.json', kind: 'status', status: 500, times: 1 });
    const key = newKey();
    const before = farm.creations();
    const failed = await post(url, CREATE_VIDEO, input(7), { 'idempotency-key': key });
    assert.equal(failed.data?.createVideo, null);
    assert.ok(failed.errors?.length);
    const retried = await post(url, CREATE_VIDEO, input(7), { 'idempotency-key': key });
    assert.equal(retried.errors, undefined, JSON.stringify(retried.errors));
    assert.ok(retried.data?.createVideo?.video?.id);
    assert.equal(farm.creations() - before, 1);
  });

  it('an applied field beside a failed one is kept, and a repeat answers both without creating again', async () => {
    const both = `mutation ($ok: CreateVideoInput!, $bad: CreateVideoInput!) {
      x: createVideo(input: $ok) { video { id } }
      y: createVideo(input: $bad) { video { id } }
    }`;
    const variables = { ok: input(8).input, bad: { account: 'no-such-account', sourceUrl: 'https://media.example.com/8.mp4' } };
    const key = newKey();
    const before = farm.creations();
    const first = await post(url, both, variables, { 'idempotency-key': key });
    assert.ok(first.data?.x?.video?.id, 'the applied mutation is not hidden');
    assert.equal(first.data?.y, null);
    assert.equal(first.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.deepEqual(first.errors?.[0]?.path, ['y']);
    const again = await post(url, both, variables, { 'idempotency-key': key });
    assert.deepEqual(again.data, first.data);
    assert.deepEqual(again.errors, first.errors);
    assert.equal(farm.creations() - before, 1);
  });

  it('a malformed key is BAD_USER_INPUT; queries ignore the header', async () => {
    const bad = await post(url, CREATE_VIDEO, input(9), { 'idempotency-key': 'x'.repeat(300) });
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const query = await post(url, '{ accounts { id } }', {}, { 'idempotency-key': 'a-key-for-a-query' });
    assert.equal(query.errors, undefined);
    const queryAgain = await post(url, '{ accounts { id } }', {}, { 'idempotency-key': 'a-key-for-a-query' });
    assert.equal(queryAgain.headers['idempotent-replayed'], undefined);
  });
});

describe('Idempotency-Key across two replicas on one Redis', { skip: redisSkip() }, () => {
  let redis: RedisServer;
  let farm: PandaFarm;
  let a: TestGateway;
  let b: TestGateway;
  before(async () => {
    redis = await startRedis();
    farm = await startPandaFarm();
    const shared = {
      state: { redis: { url: redis.url, keyPrefix: `t${randomBytes(4).toString('hex')}:`, commandTimeoutMs: 500 } },
      tokens: { keys: [{ id: 'k1', secret: randomBytes(32).toString('base64') }] },
    };
    a = await farm.gateway(shared);
    b = await farm.gateway(shared);
  });
  after(async () => {
    await farm.close();
    await redis.close();
  });

  it('a retry that lands on the other replica answers the first result', async () => {
    const key = newKey();
    const before = farm.creations();
    const first = await post(a.gateway.url, CREATE_VIDEO, input(10), { 'idempotency-key': key });
    const again = await post(b.gateway.url, CREATE_VIDEO, input(10), { 'idempotency-key': key });
    assert.ok(first.data?.createVideo?.video?.id);
    assert.deepEqual(again.data, first.data);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(farm.creations() - before, 1);
  });

  it('the same key on both replicas at once: one creation', async () => {
    farm.emulator.injectFault({ pathIncludes: '/videos.json', kind: 'delay', delayMs: 500, times: 2 });
    const key = newKey();
    const before = farm.creations();
    const [x, y] = await Promise.all([
      post(a.gateway.url, CREATE_VIDEO, input(11), { 'idempotency-key': key }),
      post(b.gateway.url, CREATE_VIDEO, input(11), { 'idempotency-key': key }),
    ]);
    farm.emulator.clearFaults();
    assert.equal(farm.creations() - before, 1);
    assert.ok(x.data?.createVideo?.video?.id);
    assert.deepEqual(x.data, y.data);
  });
});
