import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../../src/domain/ids';
import { DEMO_MEDIA_PER_USER } from '../../emulators/dailymotion';
import {
  CreateDailymotionVideoDocument,
  DailymotionAccountDocument,
  DailymotionMediaListDocument,
  DeleteVideoDocument,
  NodesDocument,
  RemoveDailymotionMetaDocument,
  SetDailymotionAssetsDocument,
  SetDailymotionMetaDocument,
  SetDailymotionThumbnailDocument,
  VideoDetailDocument,
} from '../generated/graphql';
import { dataOf, type GraphQLResult } from '../support/gateway';
import { dailymotionAccountConfig, startDailymotionStack, type DailymotionStack } from '../support/dailymotion-stack';

/** Dailymotion media through the gateway: user details, list/count, meta, assets, thumbnails, create/delete (spec §5). */
describe('dailymotion media through the gateway', () => {
  let s: DailymotionStack;
  before(async () => {
    s = await startDailymotionStack({
      extraAccounts: (url) => [
        dailymotionAccountConfig({ userId: '4c1a4d3edede832bfd000002', apiKey: 'ffffffffffffffffffffffffffffffffffffffff', username: 'x' }, url, 'dm-badkey'),
        { id: 'panda', provider: 'panda', baseUrl: 'http://127.0.0.1:9', cloudId: 'c0ffee00c0ffee00c0ffee00c0ffee01', accessKey: 'a', secretKey: 'never-called-secret' },
      ],
    });
  });
  after(() => s.close());

  const codeOf = (r: GraphQLResult<unknown>) => r.errors?.[0]?.extensions?.code;
  const mediaId = (native: string) => toGlobalId('DailymotionMedia', 'dm', native);
  const readyMedia = () => s.media().find((m) => [...m.assets.values()].some((a) => a.name === 'source' && a.outcome === 'ready' && a.readyAt !== null && a.readyAt < Date.now()))!;

  it('account details: the user, its media count (all and filtered upstream) and active presets', async () => {
    s.resetCalls();
    const news = s.media().filter((m) => m.meta.category === 'news').length;
    assert.ok(news > 0);
    const { account } = dataOf(await s.gql.exec(DailymotionAccountDocument, { id: 'dm', filter: { meta: [{ key: 'category', value: 'news' }] } }));
    const details = account.details;
    assert.ok(details?.__typename === 'DailymotionUser');
    assert.equal(details.nativeId, s.user.userId);
    assert.equal(details.username, 'demo');
    assert.equal(details.fields.username, 'demo');
    assert.equal(details.mediaCount, DEMO_MEDIA_PER_USER);
    assert.equal(details.matching, news);
    assert.deepEqual(details.activePresets, s.emulator.store.user(s.user.userId).activeAssets);
    assert.deepEqual(
      s
        .calls('media.count')
        .map((c) => c.args?.filter ?? null)
        .sort((a, b) => (a === null ? -1 : b === null ? 1 : 0)),
      [null, { 'meta.category': 'news' }],
    );
    const node = dataOf(await s.gql.exec(NodesDocument, { ids: [details.id] })).nodes[0];
    assert.equal(node?.__typename, 'DailymotionUser');
    const otherUser = await s.gql.exec(VideoDetailDocument, { id: toGlobalId('DailymotionUser', 'dm', '5d2b5e4fefef943c0e000003') });
    assert.equal(codeOf(otherUser), 'NOT_FOUND', 'a user id that is not this account’s user');
  });

  it('lists media filtered and sorted upstream, paging with cursors', async () => {
    const byTitle = s
      .media()
      .map((m) => m.meta.title)
      .sort();
    s.resetCalls();
    const first = dataOf(await s.gql.exec(DailymotionMediaListDocument, { id: 'dm', orderBy: 'TITLE_ASC', first: 4 })).account.details;
    assert.ok(first?.__typename === 'DailymotionUser');
    assert.deepEqual(
      first.media.edges.map((e) => e.node.title),
      byTitle.slice(0, 4),
    );
    assert.equal(first.media.pageInfo.hasNextPage, true);
    const list = s.calls('media.list')[0]!.args!;
    assert.deepEqual(list.sort, [['meta.title', 1]]);
    assert.deepEqual([...(list.fields as string[])].sort(), ['created', 'id', 'meta']);
    const second = dataOf(await s.gql.exec(DailymotionMediaListDocument, { id: 'dm', orderBy: 'TITLE_ASC', first: 4, after: first.media.pageInfo.endCursor })).account.details;
    assert.ok(second?.__typename === 'DailymotionUser');
    assert.deepEqual(
      second.media.edges.map((e) => e.node.title),
      byTitle.slice(4, 8),
    );

    const sports = dataOf(await s.gql.exec(DailymotionMediaListDocument, { id: 'dm', first: 100, filter: { meta: [{ key: 'category', value: 'sports' }] } })).account.details;
    assert.ok(sports?.__typename === 'DailymotionUser');
    const expected = s.media().filter((m) => m.meta.category === 'sports');
    assert.deepEqual(
      sports.media.edges.map((e) => e.node.id),
      expected.map((m) => mediaId(m.id)),
    );
    assert.equal(sports.media.pageInfo.hasNextPage, false);

    const all = s.media();
    const from = new Date(all[10]!.created);
    const before = new Date(all[4]!.created);
    const range = dataOf(
      await s.gql.exec(DailymotionMediaListDocument, {
        id: 'dm',
        first: 20,
        orderBy: 'CREATED_ASC',
        filter: { createdFrom: from.toISOString(), createdBefore: before.toISOString() },
      }),
    ).account.details;
    assert.ok(range?.__typename === 'DailymotionUser');
    assert.deepEqual(
      range.media.edges.map((e) => e.node.id),
      all
        .slice(5, 11)
        .reverse()
        .map((m) => mediaId(m.id)),
    );
  });

  it('list arguments are checked before any call', async () => {
    s.resetCalls();
    assert.equal(codeOf(await s.gql.exec(DailymotionMediaListDocument, { id: 'dm', first: 5, filter: { meta: [{ key: 'a.b', value: 'x' }] } })), 'BAD_USER_INPUT');
    assert.equal(
      codeOf(await s.gql.exec(DailymotionMediaListDocument, { id: 'dm', first: 5, filter: { createdFrom: '2020-01-02T00:00:00Z', createdBefore: '2020-01-01T00:00:00Z' } })),
      'BAD_USER_INPUT',
    );
    assert.equal(codeOf(await s.gql.exec(DailymotionMediaListDocument, { id: 'dm', first: 101 })), 'BAD_USER_INPUT');
    assert.equal(codeOf(await s.gql.exec(DailymotionMediaListDocument, { id: 'dm', first: 5, orderBy: 'NEWEST' as 'CREATED_ASC' })), 'BAD_USER_INPUT');
    const page = dataOf(await s.gql.exec(DailymotionMediaListDocument, { id: 'dm', first: 2 })).account.details;
    assert.ok(page?.__typename === 'DailymotionUser');
    const otherOrder = await s.gql.exec(DailymotionMediaListDocument, { id: 'dm', first: 2, orderBy: 'TITLE_DESC', after: page.media.pageInfo.endCursor });
    assert.equal(codeOf(otherOrder), 'BAD_USER_INPUT');
    assert.deepEqual(s.calls('media.list').length, 1, 'only the valid page went upstream');
  });

  it('sets and removes meta keys; the emulator keeps the others', async () => {
    const media = s.media()[2]!;
    const title = media.meta.title;
    const set = dataOf(
      await s.gql.exec(SetDailymotionMetaDocument, {
        input: {
          media: mediaId(media.id),
          meta: [
            { key: 'category', value: 'cooking' },
            { key: 'rating', value: '5' },
          ],
        },
      }),
    ).setDailymotionMeta!.media;
    assert.equal(set.title, title);
    assert.equal(set.meta?.category, 'cooking');
    assert.deepEqual(s.media()[2]!.meta, { ...media.meta, category: 'cooking', rating: '5' });
    assert.deepEqual(s.calls('media.set_meta').at(-1)?.args?.meta, { category: 'cooking', rating: '5' });

    const removed = dataOf(await s.gql.exec(RemoveDailymotionMetaDocument, { input: { media: mediaId(media.id), keys: ['rating', 'absent'] } })).removeDailymotionMeta!.media;
    assert.equal(removed.meta?.rating, undefined);
    assert.equal('rating' in s.media()[2]!.meta, false);
    assert.equal(s.media()[2]!.meta.category, 'cooking');
  });

  it('meta: bad input changes nothing; unknown and malformed media are told apart', async () => {
    const media = s.media()[3]!;
    const before = { ...media.meta };
    s.resetCalls();
    for (const meta of [
      [],
      [{ key: '$where', value: 'x' }],
      [
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
      ],
      [{ key: 'big', value: 'x'.repeat(10_001) }],
    ]) {
      assert.equal(codeOf(await s.gql.exec(SetDailymotionMetaDocument, { input: { media: mediaId(media.id), meta } })), 'BAD_USER_INPUT', JSON.stringify(meta).slice(0, 80));
    }
    assert.equal(codeOf(await s.gql.exec(RemoveDailymotionMetaDocument, { input: { media: mediaId(media.id), keys: [] } })), 'BAD_USER_INPUT');
    assert.equal(s.calls().length, 0, 'nothing went upstream');
    assert.deepEqual(s.media()[3]!.meta, before);

    const unknown = await s.gql.exec(SetDailymotionMetaDocument, { input: { media: mediaId('0123456789abcdef01234567'), meta: [{ key: 'a', value: 'b' }] } });
    assert.equal(codeOf(unknown), 'NOT_FOUND');
    assert.equal(unknown.errors?.[0]?.extensions?.account, 'dm');
    const malformed = await s.gql.exec(SetDailymotionMetaDocument, { input: { media: mediaId('xyz'), meta: [{ key: 'a', value: 'b' }] } });
    assert.equal(codeOf(malformed), 'BAD_USER_INPUT', 'the provider’s InvalidParameter (630)');
    const panda = await s.gql.exec(SetDailymotionMetaDocument, { input: { media: toGlobalId('PandaVideo', 'panda', 'x'), meta: [{ key: 'a', value: 'b' }] } });
    assert.equal(codeOf(panda), 'BAD_USER_INPUT');
  });

  it('sets assets: a preset encoded from the source, one taken from a URL; they show as encodings', async () => {
    const media = readyMedia();
    const url = 'http://files.example.com/x.flv';
    const { media: after } = dataOf(
      await s.gql.exec(SetDailymotionAssetsDocument, { input: { media: mediaId(media.id), assets: [{ name: 'mp4_h264_aac_hq' }, { name: 'flv_h263_mp3_ld', url }] } }),
    ).setDailymotionAssets!;
    const byName = new Map(after.encodings.nodes.map((e) => [e.profileName, e.status]));
    assert.ok(['QUEUED', 'PROCESSING'].includes(byName.get('mp4_h264_aac_hq')!));
    assert.ok(['QUEUED', 'PROCESSING'].includes(byName.get('flv_h263_mp3_ld')!));
    assert.equal(after.status, 'PROCESSING');
    const stored = s.media().find((m) => m.id === media.id)!;
    assert.equal(stored.assets.get('flv_h263_mp3_ld')?.url, url);
    assert.equal(stored.assets.get('mp4_h264_aac_hq')?.url, null);
  });

  it('assets: bad input is refused before the call, unknown presets by the provider', async () => {
    const media = readyMedia();
    const assetsBefore = [...media.assets.keys()].sort();
    s.resetCalls();
    for (const assets of [[], [{ name: 'source' }], [{ name: 'Bad Name' }], [{ name: 'abs', url: 'ftp://x/y' }], [{ name: 'abs' }, { name: 'abs' }]]) {
      assert.equal(codeOf(await s.gql.exec(SetDailymotionAssetsDocument, { input: { media: mediaId(media.id), assets } })), 'BAD_USER_INPUT', JSON.stringify(assets));
    }
    assert.equal(s.calls().length, 0);
    const unknown = await s.gql.exec(SetDailymotionAssetsDocument, { input: { media: mediaId(media.id), assets: [{ name: 'webm_vp9' }] } });
    assert.equal(codeOf(unknown), 'BAD_USER_INPUT');
    assert.equal(unknown.errors?.[0]?.extensions?.providerCode, 630);
    assert.deepEqual(
      [
        ...s
          .media()
          .find((m) => m.id === media.id)!
          .assets.keys(),
      ].sort(),
      assetsBefore,
    );
  });

  it('sets thumbnails from a frame or an image URL; exactly one source is required', async () => {
    const media = readyMedia();
    const thumbs = () =>
      [
        ...s
          .media()
          .find((m) => m.id === media.id)!
          .assets.values(),
      ].filter((a) => a.name.startsWith('jpeg_thumbnail_'));
    const queuedBefore = Math.max(...thumbs().map((a) => a.queuedAt));
    const frame = dataOf(await s.gql.exec(SetDailymotionThumbnailDocument, { input: { media: mediaId(media.id), timecode: '00:00:05.50', force: true } })).setDailymotionThumbnail!
      .media;
    const thumbNames = thumbs().map((a) => a.name);
    assert.ok(thumbNames.length > 0);
    for (const name of thumbNames) assert.equal(frame.encodings.nodes.find((e) => e.profileName === name)?.status, 'PROCESSING');
    assert.ok(thumbs().every((a) => a.queuedAt >= queuedBefore && a.url === null));
    assert.deepEqual(s.calls('media.set_thumbnail').at(-1)?.args, { id: media.id, timecode: '00:00:05.50', force: true });

    const image = 'http://images.example.com/poster.jpg';
    dataOf(await s.gql.exec(SetDailymotionThumbnailDocument, { input: { media: mediaId(media.id), url: image } }));
    assert.ok(thumbs().every((a) => a.url === image));

    s.resetCalls();
    for (const input of [{}, { url: image, timecode: '00:00:01' }, { timecode: '5s' }, { url: 'not a url' }, { url: image, force: true }]) {
      assert.equal(codeOf(await s.gql.exec(SetDailymotionThumbnailDocument, { input: { media: mediaId(media.id), ...input } })), 'BAD_USER_INPUT', JSON.stringify(input));
    }
    assert.equal(s.calls().length, 0);
    assert.equal(codeOf(await s.gql.exec(SetDailymotionThumbnailDocument, { input: { media: mediaId('0123456789abcdef01234567'), timecode: '00:00:01' } })), 'NOT_FOUND');
  });

  it('createVideo with assets (one media.create) and deleteVideo for a Dailymotion media', async () => {
    const count = s.media().length;
    s.resetCalls();
    const { video } = dataOf(
      await s.gql.exec(CreateDailymotionVideoDocument, {
        input: { account: 'dm', sourceUrl: 'http://files.example.com/new.mp4', profiles: ['mp4_h264_aac', 'jpeg_thumbnail_small'] },
      }),
    ).createVideo!;
    assert.ok(video.__typename === 'DailymotionMedia');
    assert.deepEqual(video.encodings.nodes.map((e) => e.profileName).sort(), ['jpeg_thumbnail_small', 'mp4_h264_aac']);
    assert.equal(video.status, 'PENDING');
    assert.deepEqual(s.calls('media.create')[0]?.args, { url: 'http://files.example.com/new.mp4', assets_names: ['mp4_h264_aac', 'jpeg_thumbnail_small'] });
    const stored = s.emulator.store.user(s.user.userId).media.get(video.nativeId)!;
    assert.equal(stored.assets.get('source')?.url, 'http://files.example.com/new.mp4');
    assert.equal(s.media().length, count + 1);

    assert.equal(
      codeOf(await s.gql.exec(CreateDailymotionVideoDocument, { input: { account: 'dm', sourceUrl: 'http://files.example.com/new.mp4', profiles: ['no_such_preset'] } })),
      'BAD_USER_INPUT',
    );
    assert.equal(s.media().length, count + 1, 'a refused create leaves nothing behind');

    assert.equal(dataOf(await s.gql.exec(DeleteVideoDocument, { id: video.id })).deleteVideo!.deletedId, video.id);
    assert.equal(s.emulator.store.user(s.user.userId).media.has(video.nativeId), false);
    assert.equal(codeOf(await s.gql.exec(VideoDetailDocument, { id: video.id })), 'NOT_FOUND');
    assert.equal(codeOf(await s.gql.exec(DeleteVideoDocument, { id: video.id })), 'NOT_FOUND');
  });

  it('a wrong API key is PROVIDER_AUTH_FAILED without the key; other providers get UNSUPPORTED_BY_PROVIDER', async () => {
    const bad = await s.gql.exec(DailymotionAccountDocument, { id: 'dm-badkey' });
    assert.equal(codeOf(bad), 'PROVIDER_AUTH_FAILED');
    assert.equal(bad.errors?.[0]?.extensions?.account, 'dm-badkey');
    assert.equal(bad.data?.account.details, null);
    assert.ok(!JSON.stringify(bad).includes('ffffffffffffffffffffffffffffffffffffffff'));
    const list = await s.gql.exec(DailymotionMediaListDocument, { id: 'dm-badkey', first: 1 });
    assert.equal(codeOf(list), 'PROVIDER_AUTH_FAILED');
    assert.equal(codeOf(await s.gql.exec(DailymotionAccountDocument, { id: 'nope' })), 'NOT_FOUND');
  });
});
