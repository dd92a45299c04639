import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EmulatorClock } from '../../emulators/common/clock';
import { demoDailymotionAccounts, startDailymotionEmulator, type DailymotionEmulator } from '../../emulators/dailymotion';
import { MemoryEventBus } from '../../src/events/memory-bus';
import { UploadVideoDocument } from '../generated/graphql';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway';
import { dailymotionAccountConfig } from '../support/dailymotion-stack';
import { sendMultipart } from '../uploads/support';
import { eventually, sleep, sseClient, subscribeSse, subscribeWs, wsClient, type Collected } from './support';

/** Processing of one asset in emulator time; the test moves the emulator's clock. */
const PROCESSING_MS = 10_000;
const VIDEO_EVENTS = `subscription { videoEvents(accounts: ["dm"]) {
  type progress source video { id status } encoding { id status progress }
} }`;

type Seen = { type: string; progress: number | null; source: string; video: { id: string; status: string } | null; encoding: { id: string; status: string } | null };

/**
 * Dailymotion has no notifications: a video uploaded through the gateway is seen live because the
 * gateway polls the account while someone subscribes, on both transports, and stops when they leave.
 */
describe('Dailymotion live progress by polling, for a video uploaded through the gateway', () => {
  const clock = new EmulatorClock();
  const user = demoDailymotionAccounts()[0]!;
  let emulator: DailymotionEmulator;
  let gql: TestGateway;
  let bus: MemoryEventBus;

  before(async () => {
    emulator = await startDailymotionEmulator({ accounts: [user], clock, assetProcessingMs: PROCESSING_MS });
    bus = new MemoryEventBus();
    gql = await startTestGateway(
      [dailymotionAccountConfig(user, emulator.baseUrl)],
      { server: { host: '127.0.0.1', port: 0, subscriptions: { pollMinMs: 40, pollMaxMs: 160 } } },
      { events: bus },
    );
  });
  after(async () => {
    await gql.close();
    await emulator.close();
  });

  it('upload → created → progress → completed, in order, over graphql-ws and graphql-sse; polling stops with the last subscriber', async () => {
    const ws = wsClient(gql.gateway.url.replace(/^http/, 'ws'), null);
    const sse = sseClient(gql.gateway.url, null);
    const poller = () => gql.gateway.live.pollers.poller('dm');
    let video = '';
    const story = (s: Collected) => s.events().filter((e) => (e.video as { id: string } | null)?.id === video) as unknown as Seen[];
    try {
      const overWs = subscribeWs(ws, VIDEO_EVENTS);
      const overSse = subscribeSse(sse, VIDEO_EVENTS);
      // one poller for both subscribers, its first poll the baseline of what the account holds
      await eventually(() => bus.size === 2 && (poller()?.polls ?? 0) >= 1, 5_000, 'subscribed and polling');
      assert.equal(gql.gateway.live.pollers.running, 1);

      const uploaded = dataOf(
        await sendMultipart(gql.gateway.url, UploadVideoDocument, { input: { account: 'dm', file: null, fileSize: 4096 } }, [
          { path: 'variables.input.file', name: 'live.mp4', bytes: Buffer.alloc(4096, 3) },
        ]),
      );
      video = uploaded.uploadVideo!.video.id;
      await overWs.until((c) => story(c).some((e) => e.type === 'CREATED'), 5_000, 'CREATED');
      // the emulator's time moves on: source stored, assets encode, then ready
      const done = (s: Collected) => {
        const events = story(s);
        const encodings = new Set(events.flatMap((e) => (e.encoding ? [e.encoding.id] : [])));
        return encodings.size > 0 && [...encodings].every((id) => events.some((e) => e.type === 'ENCODING_COMPLETED' && e.encoding?.id === id));
      };
      for (let step = 0; step < 20 && !(done(overWs) && done(overSse)); step++) {
        clock.advance(PROCESSING_MS / 4);
        await sleep(250);
      }
      await overWs.until(done, 5_000, 'every encoding completed (ws)');
      await overSse.until(done, 5_000, 'every encoding completed (sse)');

      const events = story(overWs);
      const types = events.map((e) => e.type);
      assert.equal(types[0], 'CREATED', types.join());
      assert.ok(types.includes('ENCODING_PROGRESS'), types.join());
      assert.ok(
        events.every((e) => e.source === 'POLLING'),
        types.join(),
      );
      // per encoding: progress first, then one completion, last
      for (const id of new Set(events.flatMap((e) => (e.encoding ? [e.encoding.id] : [])))) {
        const own = events.filter((e) => e.encoding?.id === id).map((e) => e.type);
        assert.equal(own[0], 'ENCODING_PROGRESS', own.join());
        assert.deepEqual(own.slice(-1), ['ENCODING_COMPLETED']);
        assert.equal(own.filter((t) => t === 'ENCODING_COMPLETED').length, 1, own.join());
      }
      const completed = events.filter((e) => e.type === 'ENCODING_COMPLETED');
      assert.ok(completed.every((e) => e.progress === 100 && e.encoding!.status === 'READY'));
      assert.equal(completed.at(-1)!.video!.status, 'READY');
      // both transports saw the same story
      assert.deepEqual(
        story(overSse).map((e) => [e.type, e.encoding?.id ?? null]),
        events.map((e) => [e.type, e.encoding?.id ?? null]),
      );
      for (const s of [overWs, overSse]) assert.ok(s.results.every((r) => !r.errors));
      overWs.dispose();
      overSse.dispose();
    } finally {
      await ws.dispose();
      sse.dispose();
    }
    // the last subscriber gone: no listener, no poller, no timer, no more calls
    await eventually(() => bus.size === 0 && gql.gateway.live.pollers.running === 0 && poller() === undefined, 5_000, 'polling stopped');
    emulator.calls.splice(0);
    await sleep(400);
    assert.deepEqual(
      emulator.calls.map((c) => c.call),
      [],
    );
  });
});
