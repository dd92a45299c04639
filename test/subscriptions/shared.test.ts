import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { VideoEventType } from '../../src/events/types';
import { PANDA_TEST_ACCOUNTS } from '../support/panda-stack';
import {
  API_KEYS_WITH_BOTH,
  event,
  EVENT_FIELDS,
  eventually,
  KEY_ALPHA,
  KEY_BETA,
  KEY_BOTH,
  sleep,
  sseClient,
  startPandaLive,
  subscribeSse,
  subscribeWs,
  wsClient,
  type PandaLive,
  type Result,
} from './support';

/** One document for every subscriber: only the key (and `types`) tells them apart. */
const DOCUMENT = `subscription($types: [VideoEventType!]) { videoEvents(types: $types) { ${EVENT_FIELDS} } }`;
const EVERY_TYPE = { types: null };
const TITLE_BYTES = 512 * 1024;

const textOf = (data: WebSocket.RawData): string => (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer)).toString('utf8');

/** A graphql-transport-ws subscriber on a bare `ws` socket that can stop reading (a consumer gone slow). */
class PausableSubscriber {
  readonly results: Result[] = [];
  closed: string | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(textOf(data)) as { type: string; payload?: Result };
      if (message.type === 'next') this.results.push(message.payload!);
    });
    socket.on('close', (code, reason) => (this.closed = `${code} ${String(reason)}`));
  }

  static async open(url: string, key: string, query: string, variables: Record<string, unknown>): Promise<PausableSubscriber> {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${key}` } }));
    const [ack] = (await once(socket, 'message')) as [WebSocket.RawData];
    assert.equal((JSON.parse(textOf(ack)) as { type: string }).type, 'connection_ack');
    const subscriber = new PausableSubscriber(socket);
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
    return subscriber;
  }

  events(): Record<string, unknown>[] {
    return this.results.map((r) => r.data?.videoEvents as Record<string, unknown>);
  }

  /** Stops reading the socket: the gateway's writes fill the kernel's buffers, then its queue. */
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    const closed = once(this.socket, 'close');
    this.socket.close(1000);
    await closed;
  }
}

const brief = (e: Record<string, unknown>) => [e.id, e.type, (e.account as { id: string }).id];

describe('subscribers of one audience share each event’s execution', () => {
  let live: PandaLive;
  before(async () => {
    live = await startPandaLive({}, API_KEYS_WITH_BOTH);
  });
  after(() => live.close());

  it('executes once per key and filter, and each key still sees only its own accounts’ events, on both transports', async () => {
    const clients = [wsClient(live.wsUrl, KEY_ALPHA), wsClient(live.wsUrl, KEY_ALPHA), wsClient(live.wsUrl, KEY_BETA), wsClient(live.wsUrl, KEY_BOTH)];
    const sse = sseClient(live.gql.gateway.url, KEY_ALPHA);
    const [alpha1, alpha2, beta, both] = clients as [ReturnType<typeof wsClient>, ReturnType<typeof wsClient>, ReturnType<typeof wsClient>, ReturnType<typeof wsClient>];
    try {
      const a1 = subscribeWs(alpha1, DOCUMENT, EVERY_TYPE);
      const a2 = subscribeWs(alpha2, DOCUMENT, EVERY_TYPE);
      const a3 = subscribeSse(sse, DOCUMENT, EVERY_TYPE);
      const b = subscribeWs(beta, DOCUMENT, EVERY_TYPE);
      const ab = subscribeWs(both, DOCUMENT, EVERY_TYPE);
      // same key and document, a filter that excludes the first two events
      const deletedOnly = subscribeWs(alpha1, DOCUMENT, { types: ['DELETED'] });
      await eventually(() => live.bus.size === 6, 5_000, 'six subscribed');
      const v = live.video('alpha');
      const vb = live.video('beta');
      const executions = live.gql.gateway.live.executions;
      const published = [
        event(VideoEventType.ENCODING_PROGRESS, 'alpha', v.id, { encodingNativeId: v.encodings[0], progress: 40 }),
        event(VideoEventType.SOURCE_UPLOADED, 'beta', vb.id),
        event(VideoEventType.DELETED, 'alpha', v.id),
      ];
      for (const e of published) assert.equal(await live.bus.publish(e), true);
      await Promise.all([a1.count(2), a2.count(2), a3.count(2), b.count(1), ab.count(3), deletedOnly.count(1)]);
      await sleep(100);
      const [progress, uploaded, deleted] = published as [(typeof published)[0], (typeof published)[0], (typeof published)[0]];
      for (const alpha of [a1, a2, a3]) {
        assert.deepEqual(alpha.events().map(brief), [
          [progress.id, 'ENCODING_PROGRESS', 'alpha'],
          [deleted.id, 'DELETED', 'alpha'],
        ]);
        assert.deepEqual(alpha.results, a1.results);
      }
      assert.equal((a1.events()[0]!.video as { id: string }).id, v.globalId);
      assert.equal((a1.events()[0]!.encoding as { nativeId: string }).nativeId, v.encodings[0]);
      assert.deepEqual(b.events().map(brief), [[uploaded.id, 'SOURCE_UPLOADED', 'beta']]);
      assert.equal((b.events()[0]!.video as { id: string }).id, vb.globalId);
      assert.deepEqual(ab.events().map(brief), [
        [progress.id, 'ENCODING_PROGRESS', 'alpha'],
        [uploaded.id, 'SOURCE_UPLOADED', 'beta'],
        [deleted.id, 'DELETED', 'alpha'],
      ]);
      assert.deepEqual(ab.results[0], a1.results[0], 'another audience, the same event: the same answer');
      assert.deepEqual(deletedOnly.events().map(brief), [[deleted.id, 'DELETED', 'alpha']]);
      for (const s of [a1, a2, a3, b, ab, deletedOnly])
        assert.ok(
          s.results.every((r) => r.errors === undefined),
          JSON.stringify(s.results),
        );
      // progress: alpha's audience and both's; uploaded: beta's and both's; deleted: alpha's, both's and the filtered one's
      assert.equal(live.gql.gateway.live.executions - executions, 7);
      for (const s of [a1, a2, a3, b, ab, deletedOnly]) s.dispose();
    } finally {
      for (const c of clients) await c.dispose();
      sse.dispose();
    }
    await eventually(() => live.bus.size === 0 && live.gql.gateway.live.size === 0, 5_000, 'no listener left');
  });

  it('a subscriber that stops reading still gets the latest progress and its final event, from results shared with a fast one', async () => {
    const slowLive = await startPandaLive({ queueSize: 4 });
    let slow: PausableSubscriber | null = null;
    const client = wsClient(slowLive.wsUrl, KEY_ALPHA);
    try {
      const v = slowLive.video('alpha');
      const encoding = v.encodings[0]!;
      // results of 512 KiB: a dozen fill the kernel's buffers of a socket that is not read (the sender's grow to 4 MiB)
      slowLive.emulator.store.cloud(PANDA_TEST_ACCOUNTS[0]!.cloudId)!.videos.get(v.id)!.originalFilename = `${'x'.repeat(TITLE_BYTES)}.mp4`;
      const fast = subscribeWs(client, DOCUMENT, EVERY_TYPE);
      slow = await PausableSubscriber.open(slowLive.wsUrl, KEY_ALPHA, DOCUMENT, EVERY_TYPE);
      await eventually(() => slowLive.bus.size === 2, 5_000, 'both subscribed');
      slow.pause();
      const executions = slowLive.gql.gateway.live.executions;
      const rounds = 40;
      // one event at a time: the fast subscriber has each before the next is published
      for (let p = 1; p <= rounds; p++) {
        await slowLive.bus.publish(event(VideoEventType.ENCODING_PROGRESS, 'alpha', v.id, { encodingNativeId: encoding, progress: p }));
        await fast.count(p);
      }
      const final = event(VideoEventType.ENCODING_COMPLETED, 'alpha', v.id, { encodingNativeId: encoding, progress: 100 });
      await slowLive.bus.publish(final);
      await fast.count(rounds + 1);
      assert.deepEqual(
        fast.events().map((e) => e.progress),
        [...Array.from({ length: rounds }, (_, i) => i + 1), 100],
      );
      slow.resume();
      const reader = slow;
      await eventually(() => reader.events().some((e) => e.type === 'ENCODING_COMPLETED'), 10_000, 'the slow subscriber’s final event');
      const got = reader.events();
      assert.equal(reader.closed, null, 'not disconnected: progress was coalesced');
      assert.ok(
        reader.results.every((r) => r.errors === undefined),
        JSON.stringify(reader.results.map((r) => r.errors)),
      );
      assert.ok(got.length < rounds + 1, `the slow subscriber was held back (${got.length} results)`);
      assert.deepEqual(got.at(-1)!.id, final.id);
      const progress = got.slice(0, -1).map((e) => e.progress as number);
      assert.deepEqual(
        progress,
        [...progress].sort((x, y) => x - y),
        'progress in order',
      );
      assert.equal(progress.at(-1), rounds, 'the latest progress before the final one');
      assert.ok(got.every((e) => (e.video as { title: string }).title.length > TITLE_BYTES));
      // both took every event's one execution
      assert.equal(slowLive.gql.gateway.live.executions - executions, rounds + 1);
      fast.dispose();
      await slow.close();
      await client.dispose();
      await eventually(() => slowLive.bus.size === 0 && slowLive.gql.gateway.live.size === 0, 5_000, 'no listener left');
    } finally {
      await slow?.close();
      await client.dispose();
      await slowLive.close();
    }
  });
});
