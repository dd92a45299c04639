import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DashboardVideoListDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { startPandaStack, type PandaStack } from '../support/panda-stack';

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
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first across accounts');
  });

  it('the next page asks each account only from where it stopped', async () => {
    const first = dataOf(await stack.gql.exec(DashboardVideoListDocument, { first: 10 }));
    stack.resetLog();
    const second = dataOf(await stack.gql.exec(DashboardVideoListDocument, { first: 10, after: first.videos.pageInfo.endCursor }));
    const seen = new Set(first.videos.edges.map((e) => e.node.id));
    assert.ok(second.videos.edges.every((e) => !seen.has(e.node.id)), 'no video twice');
    assert.equal(byPath(/^\/v2\/videos\.json$/), 2);
    assert.equal(byPath(/^\/v2\/videos\/[^/]+\/encodings\.json$/), 10);
  });
});
