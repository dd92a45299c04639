import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DashboardNodesDocument, DashboardStatusOverviewDocument, DashboardVideoDetailDocument, DashboardVideoListDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { ACCOUNT_IDS, FourProviders, type AccountId } from '../support/four-providers';

/**
 * The three canonical dashboard operations (schema/operations/dashboard/) against each provider's demo
 * account, one account at a time: the upstream calls, counted from the emulator's request log, equal the
 * fewest the provider's API allows. The minimum and why:
 *
 * List page (`DashboardVideoList`, N = 20 videos with encodings, their profiles and thumbnails):
 * - Panda, Telestream: 1 `GET /videos.json` (one page of N + 1 holds the page and tells whether more
 *   exist) + N `GET /videos/{id}/encodings.json` (no multi-video call; `GET /encodings.json` filters by one
 *   video_id) + 1 profile call (encodings carry profile ids; one `GET /profiles.json` answers them all,
 *   or one `GET /profiles/{id}.json` when a single profile is used). Panda has no thumbnail field to read.
 * - Dailymotion: 1 `media.list` (the assets, thumbnails among them, come with `assets` in its fields) +
 *   1 `encoding_settings.get_active_assets` (the presets the assets' profiles are).
 * - Ziggeo: 1 `GET /videos/` (streams, the encodings, and the image URL come with each video; streams
 *   have no profiles).
 *
 * Detail page (`DashboardVideoDetail` of one video with encodings, profiles and provider fields):
 * - Panda: `GET /videos/{id}.json` + `GET /videos/{id}/encodings.json` + 1 profile call +
 *   `GET /videos/{id}/metadata.json` (the metadata the page shows lives only there) = 4.
 * - Telestream: the same less metadata (TelestreamVideo does not select it) = 3.
 * - Dailymotion: `media.info` (with its assets) + `encoding_settings.get_active_assets` = 2.
 * - Ziggeo: `GET /videos/{token}` (streams inside) = 1.
 *
 * Status overview (`DashboardStatusOverview`: total and per status, n ≤ 100 demo videos):
 * - Ziggeo: `GET /videos/count` for the total + one per status it reports (5) = 6.
 * - Dailymotion: statuses are derived from assets, which `media.count` cannot filter on: one `media.list`
 *   walk of ⌈n/100⌉ = 1 call answers total and statuses.
 * - Panda, Telestream: no count call; one walk of `GET /videos.json` (⌊n/100⌋ + 1 = 1 call).
 */
describe('canonical dashboard operations: upstream calls equal each provider’s minimum', () => {
  let four: FourProviders;
  before(async () => {
    four = await FourProviders.start({ demoData: true });
  });
  after(() => four.close());

  const LIST_MINIMUM: Record<AccountId, (shown: number, withEncodings: boolean) => number> = {
    pa: (shown, enc) => 1 + shown + (enc ? 1 : 0),
    ts: (shown, enc) => 1 + shown + (enc ? 1 : 0),
    dm: (_shown, enc) => 1 + (enc ? 1 : 0),
    zg: () => 1,
  };
  const DETAIL_MINIMUM: Record<AccountId, (withEncodings: boolean) => number> = {
    pa: (enc) => 3 + (enc ? 1 : 0),
    ts: (enc) => 2 + (enc ? 1 : 0),
    dm: (enc) => 1 + (enc ? 1 : 0),
    zg: () => 1,
  };
  const OVERVIEW_MINIMUM: Record<AccountId, number> = { pa: 1, ts: 1, dm: 1, zg: 6 };

  for (const id of ACCOUNT_IDS) {
    it(`${id}: list page, detail page and status overview at the minimum`, async () => {
      four.resetLogs();
      const list = dataOf(await four.gql.exec(DashboardVideoListDocument, { accounts: [id], first: 20 })).videos;
      const videos = list.edges.map((e) => e.node);
      assert.equal(videos.length, 20);
      assert.equal(list.pageInfo.hasNextPage, true);
      const withEncodings = videos.some((v) => v.encodings.nodes.some((e) => e.profile !== null));
      assert.equal(four.calls(id), LIST_MINIMUM[id](videos.length, withEncodings), `${id} list page`);
      if (id === 'zg')
        assert.ok(
          videos.some((v) => 'embedImageUrl' in v && v.embedImageUrl),
          'Ziggeo thumbnails',
        );
      if (id === 'dm')
        assert.ok(
          videos.some((v) => v.encodings.nodes.some((e) => 'name' in e && e.name?.startsWith('jpeg_thumbnail'))),
          'Dailymotion thumbnails',
        );

      const target = videos.find((v) => v.encodings.nodes.length > 1) ?? videos[0]!;
      four.resetLogs();
      const detail = dataOf(await four.gql.exec(DashboardVideoDetailDocument, { id: target.id })).node;
      assert.ok(detail && 'encodings' in detail);
      assert.equal(detail.encodings.nodes.length, target.encodings.nodes.length);
      const detailEncodings = detail.encodings.nodes.some((e) => e.profile !== null);
      assert.equal(four.calls(id), DETAIL_MINIMUM[id](detailEncodings), `${id} detail page`);
      if (id === 'pa') assert.ok('metadata' in detail && detail.metadata);

      four.resetLogs();
      const overview = dataOf(await four.gql.exec(DashboardStatusOverviewDocument, { accounts: [id] })).videoStats;
      assert.equal(overview.length, 1);
      assert.ok(overview[0]!.total >= 20);
      assert.equal(
        overview[0]!.byStatus.reduce((sum, s) => sum + s.count, 0),
        overview[0]!.total,
      );
      assert.equal(four.calls(id), OVERVIEW_MINIMUM[id], `${id} status overview`);
    });
  }

  it('nodes: ids of four providers load in one batch per account (Ziggeo: one get_bulk; the others have no multi-get)', async () => {
    const page = dataOf(await four.gql.exec(DashboardVideoListDocument, { first: 100 })).videos.edges.map((e) => e.node);
    const picked = ACCOUNT_IDS.flatMap((id) => page.filter((v) => v.account.id === id).slice(0, 3));
    assert.equal(picked.length, 12);
    four.resetLogs();
    const { nodes } = dataOf(await four.gql.exec(DashboardNodesDocument, { ids: [...picked].reverse().map((v) => v.id) }));
    assert.deepEqual(
      nodes.map((n) => n?.id),
      [...picked].reverse().map((v) => v.id),
      'answers in the order asked',
    );
    assert.equal(four.calls('zg'), 1, 'Ziggeo: one get_bulk for its three videos');
    assert.deepEqual(
      four.ziggeo.log.entries.map((e) => e.path),
      ['/v1/videos/get_bulk'],
    );
    for (const id of ['pa', 'ts', 'dm'] as const) assert.equal(four.calls(id), 3, `${id}: one read per video, no more`);
    assert.deepEqual(
      four.dailymotion.calls.map((c) => c.call),
      ['media.info', 'media.info', 'media.info'],
    );
  });
});
