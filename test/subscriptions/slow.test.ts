import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VideoEventType } from '../../src/events/types';
import { event, eventually, KEY_ALPHA, sseClient, startPandaLive, subscribeSse, subscribeWs, wsClient, type PandaLive } from './support';

const QUERY = `subscription { videoEvents { id type progress video { id } encoding { nativeId } } }`;
/** Reads the video only: the made-up encodings of the overflow tests are never read. */
const VIDEO_ONLY = `subscription { videoEvents { id type video { id } } }`;

describe('a slow subscriber', () => {
  let live: PandaLive;
  before(async () => {
    live = await startPandaLive({ queueSize: 4 });
  });
  after(() => live.close());

  it('gets the latest progress of each encoding and every final event', async () => {
    const client = wsClient(live.wsUrl, KEY_ALPHA);
    try {
      const s = subscribeWs(client, QUERY);
      await eventually(() => live.bus.size === 1, 5_000, 'subscribed');
      const v = live.video('alpha', 2);
      const [e1, e2] = v.encodings as [string, string];
      // the provider answers slowly: the subscriber's first event takes 300 ms, the others wait in its queue
      live.emulator.injectFault({ kind: 'delay', delayMs: 300, pathIncludes: '/v2/videos/' });
      const published = [event(VideoEventType.ENCODING_PROGRESS, 'alpha', v.id, { encodingNativeId: e1, progress: 0 })];
      for (let p = 1; p <= 30; p++) {
        published.push(event(VideoEventType.ENCODING_PROGRESS, 'alpha', v.id, { encodingNativeId: e1, progress: p * 3 }));
        published.push(event(VideoEventType.ENCODING_PROGRESS, 'alpha', v.id, { encodingNativeId: e2, progress: p * 2 }));
      }
      published.push(event(VideoEventType.ENCODING_COMPLETED, 'alpha', v.id, { encodingNativeId: e1, progress: 100 }));
      published.push(event(VideoEventType.ENCODING_FAILED, 'alpha', v.id, { encodingNativeId: e2 }));
      await Promise.all(published.map((e) => live.bus.publish(e)));
      await s.until((c) => c.events().some((e) => e.type === 'ENCODING_FAILED'), 10_000, 'the final events');
      live.emulator.clearFaults();
      const got = s.events().map((e) => `${e.type as string}:${(e.encoding as { nativeId: string }).nativeId}:${JSON.stringify(e.progress)}`);
      assert.deepEqual(got, [
        `ENCODING_PROGRESS:${e1}:0`,
        `ENCODING_PROGRESS:${e1}:90`,
        `ENCODING_PROGRESS:${e2}:60`,
        `ENCODING_COMPLETED:${e1}:100`,
        `ENCODING_FAILED:${e2}:null`,
      ]);
      assert.ok(s.results.every((r) => !r.errors));
      s.dispose();
    } finally {
      live.emulator.clearFaults();
      await client.dispose();
    }
    await eventually(() => live.bus.size === 0, 5_000, 'no listener left');
  });

  it('is disconnected with a close reason when even finals overflow its queue (WebSocket)', async () => {
    const client = wsClient(live.wsUrl, KEY_ALPHA);
    try {
      const s = subscribeWs(client, VIDEO_ONLY);
      await eventually(() => live.bus.size === 1, 5_000, 'subscribed');
      const v = live.video('alpha');
      live.emulator.injectFault({ kind: 'delay', delayMs: 300, pathIncludes: '/v2/videos/' });
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => live.bus.publish(event(VideoEventType.ENCODING_COMPLETED, 'alpha', v.id, { encodingNativeId: `gone-${i}`, progress: 100 }))),
      );
      await s.ended(10_000);
      await eventually(() => client.closes.length > 0, 5_000, 'the close');
      assert.equal(client.closes[0]!.code, 1008);
      assert.match(client.closes[0]!.reason, /^subscriber too slow: over 4 events waiting \(server\.subscriptions\.queueSize\)/);
      // the first event went out; the overflow's error is the last result
      assert.equal(s.events()[0]?.type, 'ENCODING_COMPLETED');
      const errors = s.results.flatMap((r) => r.errors ?? []);
      assert.deepEqual(
        errors.map((e) => e.extensions?.code),
        ['RATE_LIMITED'],
      );
    } finally {
      live.emulator.clearFaults();
      await client.dispose();
    }
    await eventually(() => live.bus.size === 0 && live.gql.gateway.live.size === 0, 5_000, 'no listener left');
  });

  it('is told why and its stream ends when it overflows (SSE)', async () => {
    const client = sseClient(live.gql.gateway.url, KEY_ALPHA);
    try {
      const s = subscribeSse(client, VIDEO_ONLY);
      await eventually(() => live.bus.size === 1, 5_000, 'subscribed');
      const v = live.video('alpha');
      live.emulator.injectFault({ kind: 'delay', delayMs: 300, pathIncludes: '/v2/videos/' });
      await Promise.all(Array.from({ length: 10 }, (_, i) => live.bus.publish(event(VideoEventType.ENCODING_FAILED, 'alpha', v.id, { encodingNativeId: `lost-${i}` }))));
      await s.ended(10_000);
      const errors = s.results.flatMap((r) => r.errors ?? []);
      assert.deepEqual(
        errors.map((e) => e.extensions?.code),
        ['RATE_LIMITED'],
      );
      assert.match(errors[0]!.message, /subscriber too slow/);
    } finally {
      live.emulator.clearFaults();
      client.dispose();
    }
    await eventually(() => live.bus.size === 0 && live.gql.gateway.live.size === 0, 5_000, 'no listener left');
  });
});
