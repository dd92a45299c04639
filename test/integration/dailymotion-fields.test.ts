import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DailymotionMediaDetailDocument,
  DailymotionMediaStatusAndStatsDocument,
  DailymotionMediaTitleDocument,
  DailymotionVideoIdsDocument,
  DailymotionVideoTitlesDocument,
  NodesDocument,
} from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { startDailymotionStack, type DailymotionStack } from '../support/dailymotion-stack';

/** The CloudKey `fields` the gateway asks for follow the GraphQL selection (dailymotion spec §5.1). */
describe('dailymotion upstream fields follow the GraphQL selection', () => {
  let s: DailymotionStack;
  let ids: string[];
  before(async () => {
    s = await startDailymotionStack();
    ids = dataOf(await s.gql.exec(DailymotionVideoIdsDocument, { accounts: ['dm'], first: 3 })).videos.nodes.map((n) => n.id);
  });
  after(() => s.close());

  const fieldsOf = (call: string): string[][] => s.calls(call).map((c) => [...((c.args?.fields as string[] | undefined) ?? [])].sort());

  it('a listing of ids asks for ids and creation times only; titles add meta.title', async () => {
    s.resetCalls();
    dataOf(await s.gql.exec(DailymotionVideoIdsDocument, { accounts: ['dm'], first: 5 }));
    assert.deepEqual(fieldsOf('media.list'), [['created', 'id']]);

    s.resetCalls();
    const titles = dataOf(await s.gql.exec(DailymotionVideoTitlesDocument, { accounts: ['dm'], first: 5 })).videos.nodes;
    assert.deepEqual(fieldsOf('media.list'), [['created', 'id', 'meta.title']]);
    assert.deepEqual(
      titles.map((t) => t.title),
      s
        .media()
        .slice(0, 5)
        .map((m) => m.meta.title),
    );
  });

  it('one media by id: the title selection asks meta.title; status, encodings and stats ask assets and stats, not Panda fields', async () => {
    s.resetCalls();
    const title = dataOf(await s.gql.exec(DailymotionMediaTitleDocument, { id: ids[0]! })).node;
    assert.deepEqual(fieldsOf('media.info'), [['created', 'id', 'meta.title']]);
    assert.equal(title && 'title' in title ? title.title : null, s.media()[0]!.meta.title);

    s.resetCalls();
    const node = dataOf(await s.gql.exec(DailymotionMediaStatusAndStatsDocument, { id: ids[0]! })).node;
    assert.deepEqual(fieldsOf('media.info'), [['assets', 'created', 'id', 'stats']]);
    assert.deepEqual(
      s.calls().map((c) => c.call),
      ['media.info'],
      'the encodings come with the assets: no get_assets',
    );
    assert.ok(node && 'stats' in node && node.stats && typeof node.stats.global === 'object');
    assert.ok(node && 'encodings' in node && node.encodings.nodes.length > 0);
    assert.ok(node && 'status' in node && node.status !== 'UNKNOWN');
  });

  it('a named fragment on DailymotionMedia: meta (which holds the title), assets and stats in one media.info', async () => {
    s.resetCalls();
    const node = dataOf(await s.gql.exec(DailymotionMediaDetailDocument, { id: ids[1]! })).node;
    assert.deepEqual(fieldsOf('media.info'), [['assets', 'created', 'id', 'meta', 'stats']]);
    assert.equal(s.calls().length, 1);
    const stored = s.media()[1]!;
    assert.ok(node && 'meta' in node);
    assert.deepEqual(node.meta, stored.meta);
    assert.equal(node.title, stored.meta.title);
    assert.deepEqual(node.encodings.nodes.map((e) => e.profileName).sort(), [...stored.assets.keys()].filter((n) => n !== 'source').sort());
    assert.deepEqual(node.source, { status: 'READY', rawStatus: 'ready', container: 'mp4', fileSize: stored.sourceSize }, 'the source asset, from the same call');
  });

  it('nodes(ids) with only ids and types: one media.info per media, ids and creation times only', async () => {
    s.resetCalls();
    const nodes = dataOf(await s.gql.exec(NodesDocument, { ids })).nodes;
    assert.deepEqual(
      nodes.map((n) => n?.__typename),
      ids.map(() => 'DailymotionMedia'),
    );
    assert.deepEqual(
      fieldsOf('media.info'),
      ids.map(() => ['created', 'id']),
    );
  });
});
