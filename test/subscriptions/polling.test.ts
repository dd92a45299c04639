import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { EmulatorClock } from '../../emulators/common/clock';
import { demoDailymotionAccounts, startDailymotionEmulator, type DailymotionEmulator, type StoredMedia } from '../../emulators/dailymotion';
import { toGlobalId } from '../../src/domain/ids';
import { MemoryEventBus } from '../../src/events/memory-bus';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { dailymotionAccountConfig } from '../support/dailymotion-stack';
import { eventually, sleep, subscribeWs, wsClient } from './support';

/** Processing of one asset in emulator time; tests move the emulator's clock, not wait for it. */
const PROCESSING_MS = 10_000;

describe('polling an account without notifications (Dailymotion)', () => {
  const clock = new EmulatorClock();
  const user = demoDailymotionAccounts()[0]!;
  let emulator: DailymotionEmulator;
  let gql: TestGateway;
  let bus: MemoryEventBus;
  let wsUrl: string;

  before(async () => {
    emulator = await startDailymotionEmulator({ accounts: [user], clock, assetProcessingMs: PROCESSING_MS });
    bus = new MemoryEventBus();
    gql = await startTestGateway(
      [dailymotionAccountConfig(user, emulator.baseUrl)],
      { server: { host: '127.0.0.1', port: 0, subscriptions: { pollMinMs: 40, pollMaxMs: 160 } } },
      { events: bus },
    );
    wsUrl = gql.gateway.url.replace(/^http/, 'ws');
  });
  after(async () => {
    await gql.close();
    await emulator.close();
  });
  beforeEach(() => void emulator.calls.splice(0));

  /** A media whose source arrives now: its asset waits for the source (0.7 of PROCESSING_MS), then encodes. */
  function newMedia(): StoredMedia {
    const now = clock.now().getTime();
    const store = emulator.store;
    const media = store.createMedia(store.user(user.userId), now, { meta: { title: 'polled' } });
    store.queueAsset(media, 'mp4_h264_aac', now);
    store.setSource(media, 'https://media.example.com/polled.mp4', now, true, 1000);
    return media;
  }
  const poller = () => gql.gateway.live.pollers.poller('dm');

  it('turns a media’s asset moving through its states into progress then completed events, and completes encodingProgress', async () => {
    const media = newMedia();
    const client = wsClient(wsUrl, null);
    try {
      const s = subscribeWs(client, `subscription($v: ID!) { encodingProgress(video: $v) { type progress source encoding { nativeId status } video { id } } }`, {
        v: toGlobalId('DailymotionMedia', 'dm', media.id),
      });
      await eventually(() => (poller()?.polls ?? 0) >= 2, 5_000, 'the first polls');
      assert.equal(gql.gateway.live.pollers.running, 1);
      assert.equal(s.results.length, 0, 'nothing moved yet');
      // idle polls cost one get_assets each, nothing else
      emulator.calls.splice(0);
      const before = poller()!.polls;
      await eventually(() => poller()!.polls >= before + 2, 5_000, 'two more polls');
      await sleep(5);
      const idle = emulator.calls.map((c) => c.call);
      assert.ok(idle.length >= 2 && idle.every((c) => c === 'media.get_assets'), idle.join());
      assert.ok(idle.length <= poller()!.polls - before + 1);

      clock.advance(PROCESSING_MS * 0.8); // the source is ready: the asset encodes
      await s.count(1);
      clock.advance(PROCESSING_MS); // the asset is ready
      await s.ended();
      assert.equal(s.completed, true, 'encodingProgress completes once every encoding is final');
      const events = s.events('encodingProgress');
      assert.deepEqual(
        events.map((e) => [e.type, e.source, (e.encoding as { status: string }).status]),
        [
          ['ENCODING_PROGRESS', 'POLLING', 'PROCESSING'],
          ['ENCODING_COMPLETED', 'POLLING', 'READY'],
        ],
      );
      assert.equal(events[1]!.progress, 100);
      assert.equal((events[0]!.encoding as { nativeId: string }).nativeId, `${media.id}:mp4_h264_aac`);
      assert.equal((events[0]!.video as { id: string }).id, toGlobalId('DailymotionMedia', 'dm', media.id));
      assert.ok(
        s.results.every((r) => !r.errors),
        JSON.stringify(s.results),
      );
    } finally {
      await client.dispose();
    }
    // the last subscriber gone: no listener, no poller, no timer
    await eventually(() => bus.size === 0 && gql.gateway.live.pollers.running === 0 && poller() === undefined, 5_000, 'polling stopped');
  });

  it('polls the whole account with one media.list per poll while someone subscribes to it, and stops with the last subscriber', async () => {
    const client = wsClient(wsUrl, null);
    try {
      const s = subscribeWs(client, `subscription { videoEvents(accounts: ["dm"]) { type source video { id } } }`);
      await eventually(() => (poller()?.polls ?? 0) >= 2, 5_000, 'the baseline poll');
      emulator.calls.splice(0);
      const media = newMedia();
      await s.until((c) => c.events().some((e) => e.type === 'CREATED'), 5_000, 'CREATED');
      clock.advance(PROCESSING_MS * 0.8);
      await s.until((c) => c.events().some((e) => e.type === 'ENCODING_PROGRESS'), 5_000, 'progress');
      clock.advance(PROCESSING_MS);
      await s.until((c) => c.events().some((e) => e.type === 'ENCODING_COMPLETED'), 5_000, 'completed');
      const types = s.events().map((e) => e.type);
      assert.deepEqual(types.slice(0, 1), ['CREATED']);
      assert.ok(types.indexOf('ENCODING_PROGRESS') < types.indexOf('ENCODING_COMPLETED'));
      for (const e of s.events()) assert.deepEqual(e.video, { id: toGlobalId('DailymotionMedia', 'dm', media.id) });
      // polls list media with their assets (no get_assets per media); each poll's events read the media once
      const calls = emulator.calls.map((c) => c.call);
      const polls = calls.filter((c) => c === 'media.list').length;
      assert.ok(polls >= 2, calls.join());
      assert.ok(
        calls.every((c) => c === 'media.list' || c === 'media.info'),
        calls.join(),
      );
      assert.ok(calls.filter((c) => c === 'media.info').length <= polls, calls.join());
      s.dispose();
    } finally {
      await client.dispose();
    }
    await eventually(() => bus.size === 0 && gql.gateway.live.pollers.running === 0, 5_000, 'polling stopped');
    emulator.calls.splice(0);
    await sleep(300);
    assert.equal(emulator.calls.length, 0, 'no call once nobody subscribes');
  });

  it('backs off while nothing processes, and does not poll an account whose notifications are set up', async () => {
    const client = wsClient(wsUrl, null);
    try {
      const s = subscribeWs(client, `subscription { videoEvents(accounts: ["dm"]) { type } }`);
      await eventually(() => (poller()?.polls ?? 0) >= 1, 5_000, 'the first poll');
      const start = Date.now();
      const first = poller()!.polls;
      await sleep(900);
      // 40 ms doubling to 160 ms: at most ~8 polls in 900 ms, not the 22 of a fixed pace
      const made = poller()!.polls - first;
      assert.ok(made >= 3 && made <= 10, `${made} polls in ${Date.now() - start} ms`);
      gql.gateway.live.pollers.setNotified('dm', true);
      assert.equal(gql.gateway.live.pollers.running, 0);
      const stopped = poller()!.polls;
      await sleep(300);
      assert.equal(poller()!.polls, stopped);
      gql.gateway.live.pollers.setNotified('dm', false);
      await eventually(() => poller()!.polls > stopped, 5_000, 'polling again');
      s.dispose();
    } finally {
      await client.dispose();
    }
    await eventually(() => bus.size === 0 && gql.gateway.live.pollers.running === 0, 5_000, 'polling stopped');
  });
});
