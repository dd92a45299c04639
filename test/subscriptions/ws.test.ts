import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VideoEventType } from '../../src/events/types';
import { toGlobalId } from '../../src/domain/ids';
import { event, EVENT_FIELDS, eventually, KEY_ALPHA, KEY_BETA, sleep, startPandaLive, subscribeWs, wsClient, type PandaLive } from './support';

const VIDEO_EVENTS = `subscription($accounts: [ID!], $videos: [ID!], $types: [VideoEventType!]) {
  videoEvents(accounts: $accounts, videos: $videos, types: $types) { ${EVENT_FIELDS} }
}`;

describe('subscriptions over WebSocket (graphql-ws)', () => {
  let live: PandaLive;
  before(async () => {
    live = await startPandaLive({ maxPerConnection: 3, maxPerKey: 5 });
  });
  after(() => live.close());

  it('delivers published events in order with the Video and Encoding resolved, to the account’s key only', async () => {
    const alpha = wsClient(live.wsUrl, KEY_ALPHA);
    const beta = wsClient(live.wsUrl, KEY_BETA);
    try {
      const a = subscribeWs(alpha, VIDEO_EVENTS);
      const b = subscribeWs(beta, VIDEO_EVENTS);
      await eventually(() => live.bus.size === 2, 5_000, 'both subscribed');
      const v = live.video('alpha', 2);
      const [e1, e2] = v.encodings as [string, string];
      const published = [
        event(VideoEventType.SOURCE_UPLOADED, 'alpha', v.id),
        event(VideoEventType.ENCODING_PROGRESS, 'alpha', v.id, { encodingNativeId: e1, progress: 40 }),
        event(VideoEventType.ENCODING_PROGRESS, 'alpha', v.id, { encodingNativeId: e2, progress: 10 }),
        event(VideoEventType.ENCODING_COMPLETED, 'alpha', v.id, { encodingNativeId: e1, progress: 100 }),
        event(VideoEventType.ENCODING_FAILED, 'alpha', v.id, { encodingNativeId: e2 }),
      ];
      for (const e of published) assert.equal(await live.bus.publish(e), true);
      await a.count(5);
      const got = a.events();
      assert.deepEqual(
        got.map((e) => [e.id, e.type, e.progress]),
        published.map((e) => [e.id, e.type, e.progress ?? null]),
      );
      for (const e of got) {
        assert.deepEqual(e.account, { id: 'alpha', provider: 'PANDA' });
        assert.equal(e.source, 'NOTIFICATION');
        assert.equal((e.video as { id: string }).id, v.globalId);
      }
      assert.equal(got[0]!.encoding, null);
      assert.equal((got[1]!.encoding as { id: string }).id, toGlobalId('PandaEncoding', 'alpha', e1));
      assert.equal((got[2]!.encoding as { nativeId: string }).nativeId, e2);
      assert.ok(
        a.results.every((r) => r.errors === undefined),
        JSON.stringify(a.results),
      );
      // beta's key sees none of alpha's events, yet its subscription is live
      const vb = live.video('beta');
      await live.bus.publish(event(VideoEventType.DELETED, 'beta', vb.id));
      await b.count(1);
      assert.deepEqual(
        b.events().map((e) => [e.type, (e.account as { id: string }).id, e.video]),
        [['DELETED', 'beta', null]],
      );
      a.dispose();
      b.dispose();
    } finally {
      await alpha.dispose();
      await beta.dispose();
    }
    await eventually(() => live.bus.size === 0 && live.gql.gateway.live.size === 0, 5_000, 'no listener left');
  });

  it('reads each video and encoding once per burst, whatever the number of subscribers (upstream calls from the emulator log)', async () => {
    const clients = [wsClient(live.wsUrl, KEY_ALPHA), wsClient(live.wsUrl, KEY_ALPHA), wsClient(live.wsUrl, KEY_ALPHA)];
    try {
      const subs = clients.map((c) => subscribeWs(c, VIDEO_EVENTS, { accounts: ['alpha'] }));
      await eventually(() => live.bus.size === 3, 5_000, 'three subscribers');
      const v = live.video('alpha', 2);
      const [e1, e2] = v.encodings as [string, string];
      live.emulator.log.clear();
      const bursts = live.gql.gateway.live.bursts;
      // one burst: 4 events, 3 subscribers, published back to back (as one notification delivery would)
      await Promise.all([
        live.bus.publish(event(VideoEventType.ENCODING_PROGRESS, 'alpha', v.id, { encodingNativeId: e1, progress: 10 })),
        live.bus.publish(event(VideoEventType.ENCODING_PROGRESS, 'alpha', v.id, { encodingNativeId: e2, progress: 20 })),
        live.bus.publish(event(VideoEventType.ENCODING_COMPLETED, 'alpha', v.id, { encodingNativeId: e1, progress: 100 })),
        live.bus.publish(event(VideoEventType.ENCODING_COMPLETED, 'alpha', v.id, { encodingNativeId: e2, progress: 100 })),
      ]);
      for (const s of subs) await s.count(4);
      assert.equal(live.gql.gateway.live.bursts, bursts + 1);
      const paths = live.emulator.log.entries.map((e) => `${e.method} ${e.path}`).sort();
      assert.deepEqual(paths, [`GET /v2/encodings/${e1}.json`, `GET /v2/encodings/${e2}.json`, `GET /v2/videos/${v.id}.json`].sort());
      for (const s of subs) s.dispose();
    } finally {
      for (const c of clients) await c.dispose();
    }
    await eventually(() => live.bus.size === 0, 5_000, 'no listener left');
  });

  it('scopes as queries do: another key’s account or video is NOT_FOUND when subscribing', async () => {
    const alpha = wsClient(live.wsUrl, KEY_ALPHA);
    try {
      const betaVideo = live.video('beta');
      const byAccount = subscribeWs(alpha, VIDEO_EVENTS, { accounts: ['beta'] });
      const byVideo = subscribeWs(alpha, `subscription($v: ID!) { encodingProgress(video: $v) { type } }`, { v: betaVideo.globalId });
      const missing = subscribeWs(alpha, VIDEO_EVENTS, { videos: [toGlobalId('PandaVideo', 'alpha', 'ffffffffffffffffffffffffffffffff')] });
      for (const s of [byAccount, byVideo, missing]) {
        await s.ended();
        const errors = s.results.flatMap((r) => r.errors ?? []);
        assert.equal(errors[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(s.results));
        assert.doesNotMatch(JSON.stringify(errors), /beta-only|c0ffee|secret/);
      }
      const malformed = subscribeWs(alpha, VIDEO_EVENTS, { videos: ['not an id'] });
      await malformed.ended();
      assert.equal(malformed.results[0]?.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    } finally {
      await alpha.dispose();
    }
    await eventually(() => live.bus.size === 0, 5_000, 'no listener left');
  });

  it('refuses a connection without a valid API key, saying why in the close reason', async () => {
    for (const key of [null, 'not-a-key-at-all-0000']) {
      const client = wsClient(live.wsUrl, key);
      const s = subscribeWs(client, VIDEO_EVENTS);
      await s.ended();
      assert.equal(client.closes[0]?.code, 4401);
      assert.match(client.closes[0]!.reason, key === null ? /missing API key/ : /unknown API key/);
      await client.dispose();
    }
  });

  it('applies the query limits to subscription documents, and serves subscriptions only', async () => {
    const alpha = wsClient(live.wsUrl, KEY_ALPHA);
    try {
      const deep = `subscription { videoEvents { video { encodings { edges { node { video { encodings { edges { node { video { encodings { edges { node { video { encodings { edges { node { video { encodings { edges { node { id } } } } } } } } } } } } } } } } } } } } } }`;
      const tooDeep = subscribeWs(alpha, deep);
      await tooDeep.ended();
      assert.equal((tooDeep.error as { extensions?: { code?: string } }[])[0]?.extensions?.code, 'QUERY_TOO_COMPLEX', JSON.stringify(tooDeep.error));
      const query = subscribeWs(alpha, '{ accounts { id } }');
      await query.ended();
      assert.match(JSON.stringify(query.error), /only subscriptions are served here; send queries with POST \/graphql/);
      const invalid = subscribeWs(alpha, 'subscription { videoEvents { nope } }');
      await invalid.ended();
      assert.equal((invalid.error as { extensions?: { code?: string } }[])[0]?.extensions?.code, 'BAD_USER_INPUT');
    } finally {
      await alpha.dispose();
    }
  });

  it('limits subscriptions per connection and per key (RATE_LIMITED naming the config key)', async () => {
    const one = wsClient(live.wsUrl, KEY_ALPHA);
    const two = wsClient(live.wsUrl, KEY_ALPHA);
    try {
      const first = [1, 2, 3].map(() => subscribeWs(one, VIDEO_EVENTS));
      await eventually(() => live.bus.size === 3, 5_000, 'three on one connection');
      const fourth = subscribeWs(one, VIDEO_EVENTS);
      await fourth.ended();
      assert.match(JSON.stringify(fourth.error), /RATE_LIMITED.*|server\.subscriptions\.maxPerConnection/);
      assert.match(JSON.stringify(fourth.error), /server\.subscriptions\.maxPerConnection/);
      const more = [1, 2].map(() => subscribeWs(two, VIDEO_EVENTS));
      await eventually(() => live.bus.size === 5, 5_000, 'five for the key');
      const sixth = subscribeWs(two, VIDEO_EVENTS);
      await sixth.ended();
      const errors = sixth.results.flatMap((r) => r.errors ?? []);
      assert.equal(errors[0]?.extensions?.code, 'RATE_LIMITED');
      assert.match(errors[0]!.message, /server\.subscriptions\.maxPerKey/);
      // another key is not affected
      const beta = wsClient(live.wsUrl, KEY_BETA);
      const b = subscribeWs(beta, VIDEO_EVENTS);
      await eventually(() => live.bus.size === 6, 5_000, 'beta subscribed');
      b.dispose();
      await beta.dispose();
      for (const s of [...first, ...more]) s.dispose();
    } finally {
      await one.dispose();
      await two.dispose();
    }
    await eventually(() => live.bus.size === 0 && live.gql.gateway.live.size === 0, 5_000, 'no listener left');
  });

  it('answers a subscription sent as a plain POST with BAD_USER_INPUT naming the endpoints', async () => {
    const result = await live.gql.raw(JSON.stringify({ query: 'subscription { videoEvents { type } }' }), { authorization: `Bearer ${KEY_ALPHA}` });
    assert.equal(result.status, 400);
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(result.errors![0]!.message, /WebSocket at \/graphql \(graphql-transport-ws/);
    assert.match(result.errors![0]!.message, /Accept: text\/event-stream/);
    // not a document error: 400 under application/json too (what fetch and curl accept by default)
    for (const accept of ['application/json', '*/*']) {
      const plain = await live.gql.raw(JSON.stringify({ query: 'subscription { videoEvents { type } }' }), { authorization: `Bearer ${KEY_ALPHA}`, accept });
      assert.equal(plain.status, 400, accept);
      assert.equal(plain.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    }
  });

  it('completes its subscriptions and closes its connections when the gateway closes', async () => {
    const other = await startPandaLive();
    const client = wsClient(other.wsUrl, KEY_ALPHA);
    const s = subscribeWs(client, VIDEO_EVENTS);
    await eventually(() => other.bus.size === 1, 5_000, 'subscribed');
    await other.close();
    await s.ended();
    assert.equal(other.bus.size, 0);
    assert.equal(other.gql.gateway.live.pollers.running, 0);
    await client.dispose();
    await sleep(10);
  });
});
