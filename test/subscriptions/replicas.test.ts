import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AccountConfig } from '../../src/config';
import { EmulatorClock } from '../../emulators/common/clock';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { VideoEventType } from '../../src/events/types';
import { toGlobalId } from '../../src/domain/ids';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS } from '../support/panda-stack';
import { redisSkip, startRedis, type RedisServer } from '../support/redis';
import { API_KEYS, EVENT_FIELDS, event, KEY_ALPHA, KEY_BETA, sleep, subscribeWs, wsClient } from './support';

const TOKEN_KEYS = [{ id: 'k1', secret: 'q4V7c1yZ0mJ8tR3wX6bN2pL5sD9fG1hK4jA7eC0uI3o' }];

describe('events across replicas (state.redis): published on one gateway, delivered on every one, once', { skip: redisSkip() }, () => {
  let redis: RedisServer;
  let emulator: PandaEmulator;
  let a: TestGateway;
  let b: TestGateway;

  before(async () => {
    redis = await startRedis();
    emulator = await startPandaEmulator({ accounts: PANDA_TEST_ACCOUNTS, demoData: true, clock: new EmulatorClock() });
    const accounts: AccountConfig[] = PANDA_TEST_ACCOUNTS.map((account) => pandaAccountConfig(account, emulator.baseUrl));
    const shared = { apiKeys: API_KEYS, state: { redis: { url: redis.url, keyPrefix: `t${process.pid}:` } }, tokens: { keys: TOKEN_KEYS } };
    [a, b] = await Promise.all([startTestGateway(accounts, shared), startTestGateway(accounts, shared)]);
    // notifications stand as set up on both: events come from the bus, no polling
    for (const g of [a, b]) for (const account of accounts) g.gateway.live.pollers.setNotified(account.id, true);
  });

  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await emulator?.close();
    await redis?.close();
  });

  it('a notification received by A reaches a subscriber on B once, scoped by key', async () => {
    const cloud = emulator.store.cloud(PANDA_TEST_ACCOUNTS[0]!.cloudId)!;
    const video = [...cloud.videos.values()][0]!;
    const onB = wsClient(b.gateway.url.replace(/^http/, 'ws'), KEY_ALPHA);
    const otherKey = wsClient(b.gateway.url.replace(/^http/, 'ws'), KEY_BETA);
    const mine = subscribeWs(onB, `subscription($v: [ID!]) { videoEvents(videos: $v) { ${EVENT_FIELDS} } }`, { v: [toGlobalId('PandaVideo', 'alpha', video.id)] });
    const theirs = subscribeWs(otherKey, `subscription { videoEvents { id type } }`);
    try {
      await sleep(300); // both subscriptions registered on B
      const delivered = event(VideoEventType.CREATED, 'alpha', video.id);
      assert.equal(await a.gateway.live.bus.publish(delivered), true, 'A publishes');
      // the provider retries the same delivery, and it lands on B this time: published once in all
      assert.equal(await b.gateway.live.bus.publish(delivered), false, 'a repeat is dropped on any replica');
      await mine.count(1, 5_000);
      await sleep(300);
      assert.equal(mine.results.length, 1, JSON.stringify(mine.results));
      const got = mine.events()[0]!;
      assert.equal(got.type, 'CREATED');
      assert.deepEqual((got.video as { nativeId: string }).nativeId, video.id);
      assert.equal(theirs.results.length, 0, 'a key that cannot see the account hears nothing');
    } finally {
      mine.dispose();
      theirs.dispose();
      await onB.dispose();
      await otherKey.dispose();
    }
  });

  it('with Redis down, events still reach this replica’s own subscribers; fan-out resumes after', async () => {
    const cloud = emulator.store.cloud(PANDA_TEST_ACCOUNTS[0]!.cloudId)!;
    const video = [...cloud.videos.values()][1]!;
    const onA = wsClient(a.gateway.url.replace(/^http/, 'ws'), KEY_ALPHA);
    const onB = wsClient(b.gateway.url.replace(/^http/, 'ws'), KEY_ALPHA);
    const query = `subscription($v: [ID!]) { videoEvents(videos: $v) { id type } }`;
    const variables = { v: [toGlobalId('PandaVideo', 'alpha', video.id)] };
    const local = subscribeWs(onA, query, variables);
    const remote = subscribeWs(onB, query, variables);
    try {
      await sleep(300);
      await redis.stop();
      await a.gateway.live.bus.publish(event(VideoEventType.ENCODING_PROGRESS, 'alpha', video.id, { progress: 10 }));
      await local.count(1, 5_000);
      await redis.restart();
      // the subscriber connection comes back on its own: wait until a fresh event crosses again
      const deadline = Date.now() + 15_000;
      while (remote.results.length === 0 && Date.now() < deadline) {
        await a.gateway.live.bus.publish(event(VideoEventType.ENCODING_PROGRESS, 'alpha', video.id, { progress: 50 }));
        await sleep(300);
      }
      assert.ok(remote.results.length > 0, 'fan-out through Redis resumed');
    } finally {
      local.dispose();
      remote.dispose();
      await onA.dispose();
      await onB.dispose();
    }
  });
});
