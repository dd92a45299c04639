import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { VideoEventType } from '../../src/events/types';
import { event, EVENT_FIELDS, eventually, KEY_ALPHA, KEY_BETA, sseClient, startPandaLive, subscribeSse, type PandaLive } from './support';

const VIDEO_EVENTS = `subscription { videoEvents { ${EVENT_FIELDS} } }`;

describe('subscriptions over Server-Sent Events (graphql-sse)', () => {
  let live: PandaLive;
  before(async () => {
    live = await startPandaLive({ maxPerKey: 2 });
  });
  after(() => live.close());

  it('delivers the account’s events in order with the Video and Encoding resolved, and nothing to another key', async () => {
    const alpha = sseClient(live.gql.gateway.url, KEY_ALPHA);
    const beta = sseClient(live.gql.gateway.url, KEY_BETA);
    const a = subscribeSse(alpha, VIDEO_EVENTS);
    const b = subscribeSse(beta, VIDEO_EVENTS);
    await eventually(() => live.bus.size === 2, 5_000, 'both subscribed');
    const v = live.video('alpha');
    const published = [
      event(VideoEventType.ENCODING_PROGRESS, 'alpha', v.id, { encodingNativeId: v.encodings[0], progress: 30 }),
      event(VideoEventType.ENCODING_COMPLETED, 'alpha', v.id, { encodingNativeId: v.encodings[0], progress: 100 }),
    ];
    for (const e of published) await live.bus.publish(e);
    await a.count(2);
    assert.deepEqual(
      a.events().map((e) => [e.id, e.type, e.progress, (e.video as { id: string }).id, (e.encoding as { nativeId: string }).nativeId]),
      published.map((e) => [e.id, e.type, e.progress, v.globalId, v.encodings[0]]),
    );
    const vb = live.video('beta');
    await live.bus.publish(event(VideoEventType.CREATED, 'beta', vb.id));
    await b.count(1);
    assert.deepEqual(
      b.events().map((e) => e.type),
      ['CREATED'],
    );
    assert.equal(a.results.length, 2);
    a.dispose();
    b.dispose();
    alpha.dispose();
    beta.dispose();
    // the client closing its stream leaves no listener behind
    await eventually(() => live.bus.size === 0 && live.gql.gateway.live.size === 0, 5_000, 'no listener left');
  });

  it('asks for the API key as queries do (401), and refuses queries and invalid documents with 400', async () => {
    const post = (body: unknown, headers: Record<string, string>) =>
      request(live.gql.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers }, body: JSON.stringify(body) });
    const anonymous = await post({ query: VIDEO_EVENTS }, {});
    assert.equal(anonymous.statusCode, 401);
    const body = (await anonymous.body.json()) as { errors: { message: string; extensions: { code: string } }[] };
    assert.equal(body.errors[0]!.extensions.code, 'UNAUTHENTICATED');
    const query = await post({ query: '{ accounts { id } }' }, { authorization: `Bearer ${KEY_ALPHA}` });
    assert.equal(query.statusCode, 400);
    assert.match(await query.body.text(), /only subscriptions are served here/);
    const deep = await post(
      { query: `subscription { videoEvents { ${'video { encodings { edges { node { '.repeat(6)}id${' } } } }'.repeat(6)} } }` },
      { authorization: `Bearer ${KEY_ALPHA}` },
    );
    assert.equal(deep.statusCode, 400);
    const deepBody = (await deep.body.json()) as { errors: { extensions: { code: string } }[] };
    assert.equal(deepBody.errors[0]!.extensions.code, 'QUERY_TOO_COMPLEX');
  });

  it('limits subscriptions per key across streams', async () => {
    const clients = [1, 2, 3].map(() => sseClient(live.gql.gateway.url, KEY_ALPHA));
    const first = [subscribeSse(clients[0]!, VIDEO_EVENTS), subscribeSse(clients[1]!, VIDEO_EVENTS)];
    await eventually(() => live.bus.size === 2, 5_000, 'two subscribed');
    const third = subscribeSse(clients[2]!, VIDEO_EVENTS);
    await third.ended();
    const errors = third.results.flatMap((r) => r.errors ?? []);
    assert.equal(errors[0]?.extensions?.code, 'RATE_LIMITED', JSON.stringify(third.results));
    for (const s of first) s.dispose();
    for (const c of clients) c.dispose();
    await eventually(() => live.bus.size === 0, 5_000, 'no listener left');
  });
});
