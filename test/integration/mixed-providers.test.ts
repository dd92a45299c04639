import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EmulatorClock } from '../../emulators/common/clock';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { demoDailymotionAccounts, startDailymotionEmulator, type DailymotionEmulator } from '../../emulators/dailymotion';
import { demoZiggeoAccounts, startZiggeoEmulator, type ZiggeoEmulator } from '../../emulators/ziggeo';
import { DashboardVideoListDocument, DeleteVideoDocument, EncodingDetailDocument, VideoDetailDocument } from '../generated/graphql';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS } from '../support/panda-stack';

/**
 * Panda, Dailymotion and Ziggeo accounts in one gateway. Ziggeo videos carry their streams and
 * Dailymotion's media.list returns the assets when asked for them, so those accounts cost one listing
 * call for a dashboard page and nothing per video (Dailymotion adds one preset listing for the
 * encodings' profiles); Panda keeps its minimum (see dashboard.test.ts).
 */
describe('panda, dailymotion and ziggeo accounts side by side', () => {
  let panda: PandaEmulator;
  let ziggeo: ZiggeoEmulator;
  let dailymotion: DailymotionEmulator;
  let gql: TestGateway;
  before(async () => {
    const clock = new EmulatorClock();
    panda = await startPandaEmulator({ accounts: [PANDA_TEST_ACCOUNTS[0]!], demoData: true, clock });
    const app = demoZiggeoAccounts()[0]!;
    ziggeo = await startZiggeoEmulator({ accounts: [app], demoData: true, clock });
    const user = demoDailymotionAccounts()[0]!;
    dailymotion = await startDailymotionEmulator({ accounts: [user], demoData: true, clock });
    gql = await startTestGateway([
      pandaAccountConfig(PANDA_TEST_ACCOUNTS[0]!, panda.baseUrl),
      { id: 'studio', provider: 'ziggeo', baseUrl: ziggeo.baseUrl, token: app.token, privateKey: app.privateKey, encryptionKey: app.encryptionKey },
      { id: 'dm', provider: 'dailymotion', baseUrl: dailymotion.baseUrl, cdnUrl: dailymotion.baseUrl, userId: user.userId, apiKey: user.apiKey },
    ]);
  });
  after(async () => {
    await gql.close();
    await Promise.all([panda.close(), ziggeo.close(), dailymotion.close()]);
  });

  it('merges both providers newest first with the fewest upstream calls', async () => {
    panda.log.clear();
    ziggeo.log.clear();
    dailymotion.log.clear();
    const page = dataOf(await gql.exec(DashboardVideoListDocument, { first: 60 }));
    const videos = page.videos.edges.map((e) => e.node);
    assert.equal(videos.length, 60);
    const times = videos.map((v) => Date.parse(v.createdAt!));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const providers = new Set(videos.map((v) => v.account.provider));
    assert.deepEqual([...providers].sort(), ['DAILYMOTION', 'PANDA', 'ZIGGEO']);
    const pandaShown = videos.filter((v) => v.account.provider === 'PANDA');
    assert.equal(ziggeo.log.entries.length, 1, 'one Ziggeo listing; streams come with the videos');
    const pandaProfiles = pandaShown.some((v) => v.encodings.nodes.length > 0) ? 1 : 0;
    assert.equal(panda.log.entries.length, 1 + pandaShown.length + pandaProfiles);
    assert.deepEqual(
      dailymotion.calls.map((c) => c.call),
      ['media.list', 'encoding_settings.get_active_assets'],
      'one media.list (assets among its fields) and one preset listing for every asset profile',
    );
    const zig = videos.find((v) => v.account.provider === 'ZIGGEO')!;
    assert.ok(zig.encodings.nodes.length > 0 && zig.encodings.nodes.every((e) => e.profile === null));
  });

  it('resolves Ziggeo global ids and deletes a Ziggeo video', async () => {
    const page = dataOf(await gql.exec(DashboardVideoListDocument, { accounts: ['studio'], first: 1 }));
    const video = page.videos.edges[0]!.node;
    const { node } = dataOf(await gql.exec(VideoDetailDocument, { id: video.id }));
    assert.equal(node?.id, video.id);
    const stream = video.encodings.nodes[0]!;
    const detail = dataOf(await gql.exec(EncodingDetailDocument, { id: stream.id }));
    assert.ok(detail.node && 'video' in detail.node && detail.node.video.id === video.id);
    assert.equal(dataOf(await gql.exec(DeleteVideoDocument, { id: video.id })).deleteVideo!.deletedId, video.id);
    const gone = await gql.exec(VideoDetailDocument, { id: video.id });
    assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});
