import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DashboardVideoListDocument } from '../generated/graphql';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { demoTelestreamAccounts, startTelestreamEmulator, type TelestreamEmulator } from '../../emulators/telestream';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS, startPandaStack, type PandaStack } from '../support/panda-stack';

/**
 * The upstream economy of a dashboard page (issue 2 §7), counted from the emulator's request log.
 *
 * Minimum the Panda API allows for "N newest videos, each with its encodings and their profiles":
 * - per account listed: 1 × GET /videos.json — one page of N + 1 (page size ≤ 100) holds the page and
 *   tells whether more exist; every account must be asked, any of them may hold the newest video;
 * - per video shown: 1 × GET /videos/{id}/encodings.json — Panda has no multi-video call, and
 *   GET /encodings.json filters by a single video_id (listing a whole cloud's encodings is unbounded);
 * - per account with encodings shown: 1 × profile call — encodings carry profile_id/profile_name, and one
 *   GET /profiles.json (≤ 100 profiles) answers every distinct profile (one GET /profiles/{id}.json
 *   when only one is needed).
 * Nothing else: video → encodings → video and repeated selections come from the request's loaders.
 */
describe('dashboard query: upstream calls equal the Panda minimum', () => {
  let stack: PandaStack;
  before(async () => {
    stack = await startPandaStack();
  });
  after(() => stack.close());

  const byPath = (pattern: RegExp) => stack.calls((e) => pattern.test(e.path)).length;

  it('one account: 1 listing + 20 encoding lists + 1 profile listing = 22 calls', async () => {
    stack.resetLog();
    const page = dataOf(await stack.gql.exec(DashboardVideoListDocument, { accounts: ['alpha'], first: 20 }));
    const videos = page.videos.edges.map((e) => e.node);
    assert.equal(videos.length, 20);
    assert.equal(page.videos.pageInfo.hasNextPage, true);
    const encodings = videos.flatMap((v) => v.encodings.nodes);
    assert.ok(encodings.length >= 20, 'demo videos have encodings');
    for (const encoding of encodings) {
      assert.ok(encoding.profileName, 'profile name from the encoding itself');
      assert.equal(encoding.profile?.name, encoding.profileName);
    }
    assert.equal(byPath(/^\/v2\/videos\.json$/), 1);
    assert.equal(byPath(/^\/v2\/videos\/[^/]+\/encodings\.json$/), 20);
    assert.equal(new Set(stack.calls((e) => e.path.endsWith('/encodings.json')).map((e) => e.path)).size, 20, 'no video asked twice');
    assert.equal(byPath(/^\/v2\/profiles/), 1);
    assert.equal(stack.calls().length, 22);
  });

  it('two accounts: each account listed once, one encodings call per shown video, one profile call per account', async () => {
    stack.resetLog();
    const page = dataOf(await stack.gql.exec(DashboardVideoListDocument, { first: 20 }));
    const videos = page.videos.edges.map((e) => e.node);
    assert.equal(videos.length, 20);
    const shownAccounts = new Set(videos.filter((v) => v.encodings.nodes.length > 0).map((v) => v.account.id));
    const minimum = 2 + 20 + shownAccounts.size;
    assert.equal(byPath(/^\/v2\/videos\.json$/), 2);
    assert.equal(byPath(/^\/v2\/videos\/[^/]+\/encodings\.json$/), 20);
    assert.equal(stack.calls().length, minimum);
    const times = videos.map((v) => Date.parse(v.createdAt!));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first across accounts',
    );
  });

  it('the next page asks each account only from where it stopped', async () => {
    const first = dataOf(await stack.gql.exec(DashboardVideoListDocument, { first: 10 }));
    stack.resetLog();
    const second = dataOf(await stack.gql.exec(DashboardVideoListDocument, { first: 10, after: first.videos.pageInfo.endCursor }));
    const seen = new Set(first.videos.edges.map((e) => e.node.id));
    assert.ok(
      second.videos.edges.every((e) => !seen.has(e.node.id)),
      'no video twice',
    );
    assert.equal(byPath(/^\/v2\/videos\.json$/), 2);
    assert.equal(byPath(/^\/v2\/videos\/[^/]+\/encodings\.json$/), 10);
  });
});

/** The same page across a Panda cloud and a Telestream factory (issue 3): the same minimum per account. */
describe('dashboard query across Panda and Telestream', () => {
  let panda: PandaEmulator;
  let telestream: TelestreamEmulator;
  let gql: TestGateway;
  before(async () => {
    panda = await startPandaEmulator({ accounts: [PANDA_TEST_ACCOUNTS[0]!], demoData: true });
    const factory = demoTelestreamAccounts()[0]!;
    telestream = await startTelestreamEmulator({ accounts: [factory], demoData: true });
    gql = await startTestGateway([
      pandaAccountConfig(PANDA_TEST_ACCOUNTS[0]!, panda.baseUrl),
      { id: 'factory', provider: 'telestream', baseUrl: telestream.baseUrl, factoryId: factory.factoryId, accessKey: factory.accessKey, secretKey: factory.secretKey },
    ]);
  });
  after(async () => {
    await gql.close();
    await Promise.all([panda.close(), telestream.close()]);
  });

  it('lists each account once, one encodings call per shown video, one profile call per account with encodings', async () => {
    const page = dataOf(await gql.exec(DashboardVideoListDocument, { first: 20 }));
    const videos = page.videos.edges.map((e) => e.node);
    assert.equal(videos.length, 20);
    for (const [emulator, provider] of [
      [panda, 'PANDA'],
      [telestream, 'TELESTREAM'],
    ] as const) {
      const shown = videos.filter((v) => v.account.provider === provider);
      const lists = emulator.log.entries.filter((e) => /\/videos\.json$/.test(e.path)).length;
      const encodings = emulator.log.entries.filter((e) => /\/videos\/[^/]+\/encodings\.json$/.test(e.path)).length;
      const profiles = shown.some((v) => v.encodings.nodes.length > 0) ? 1 : 0;
      assert.equal(lists, 1, `${provider}: one listing`);
      assert.equal(encodings, shown.length, `${provider}: one encodings call per shown video`);
      assert.equal(emulator.log.entries.length, 1 + shown.length + profiles, `${provider}: nothing else`);
    }
    assert.ok(videos.some((v) => v.account.provider === 'TELESTREAM') && videos.some((v) => v.account.provider === 'PANDA'));
    for (const v of videos) for (const e of v.encodings.nodes) assert.equal(e.profile?.name, e.profileName);
  });
});
