import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../../src/domain/ids';
import {
  AccountDetailsDocument,
  AccountProfilesDocument,
  AccountsDocument,
  EncodingDetailDocument,
  NodesDocument,
  VideoDetailDocument,
  VideosDocument,
  type VideosQuery,
} from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS, startPandaStack, type PandaStack } from '../support/panda-stack';

describe('panda through the gateway: queries', () => {
  let stack: PandaStack;
  before(async () => {
    stack = await startPandaStack({
      extraAccounts: (emulatorUrl) => [
        // Right cloud, wrong secret: the emulator refuses every signature.
        { ...pandaAccountConfig(PANDA_TEST_ACCOUNTS[0]!, emulatorUrl, 'wrong-secret'), secretKey: 'not-the-secret' },
        // Nothing listens on port 1: connection refused.
        pandaAccountConfig(PANDA_TEST_ACCOUNTS[1]!, 'http://127.0.0.1:1', 'down'),
      ],
    });
  });
  after(() => stack.close());

  it('lists the accounts with their capabilities', async () => {
    const { accounts } = dataOf(await stack.gql.exec(AccountsDocument));
    assert.deepEqual(
      accounts.map((a) => a.id),
      ['alpha', 'beta', 'wrong-secret', 'down'],
    );
    assert.equal(accounts[0]!.provider, 'PANDA');
    assert.ok(accounts[0]!.capabilities.includes('CREATE_ENCODING'));
  });

  it('pages through every video of two accounts exactly once, newest first', async () => {
    const all = dataOf(await stack.gql.exec(VideosDocument, { accounts: ['alpha', 'beta'], first: 100 }));
    const expected = all.videos.edges.map((e) => e.node.id);
    assert.ok(expected.length > 40, `demo data: ${expected.length} videos`);
    assert.equal(all.videos.pageInfo.hasNextPage, false);
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (let guard = 0; guard < 50; guard++) {
      const page: VideosQuery = dataOf(await stack.gql.exec(VideosDocument, { accounts: ['alpha', 'beta'], first: 7, after }));
      seen.push(...page.videos.edges.map((e) => e.node.id));
      if (!page.videos.pageInfo.hasNextPage) break;
      after = page.videos.pageInfo.endCursor;
    }
    assert.deepEqual(seen, expected);
    const times = all.videos.edges.map((e) => Date.parse(e.node.createdAt!));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
  });

  it('filters by normalized status upstream', async () => {
    const ready = dataOf(await stack.gql.exec(VideosDocument, { accounts: ['alpha'], first: 100, filter: { status: 'READY' } }));
    const failed = dataOf(await stack.gql.exec(VideosDocument, { accounts: ['alpha'], first: 100, filter: { status: 'FAILED' } }));
    assert.ok(ready.videos.edges.length > 0 && failed.videos.edges.length > 0);
    assert.ok(ready.videos.edges.every((e) => e.node.status === 'READY' && e.node.rawStatus === 'success'));
    assert.ok(failed.videos.edges.every((e) => e.node.status === 'FAILED' && e.node.rawStatus === 'fail'));
    stack.resetLog();
    const none = dataOf(await stack.gql.exec(VideosDocument, { accounts: ['alpha'], first: 10, filter: { status: 'UPLOADING' } }));
    assert.equal(none.videos.edges.length, 0);
    assert.equal(stack.calls().length, 0, 'a status Panda never reports costs no call');
  });

  it('answers the other accounts when one fails, with one error per failing account', async () => {
    const result = await stack.gql.exec(VideosDocument, { accounts: ['alpha', 'down', 'wrong-secret'], first: 5 });
    assert.equal(result.data?.videos.edges.length, 5);
    const errors = result.errors ?? [];
    assert.equal(errors.length, 2);
    const down = errors.find((e) => e.extensions?.account === 'down')!;
    assert.deepEqual(down.path, ['videos']);
    assert.equal(down.extensions?.code, 'PROVIDER_UNAVAILABLE');
    assert.equal(down.extensions?.provider, 'panda');
    assert.doesNotMatch(down.message, /127\.0\.0\.1|signature|secret/i);
    const refused = errors.find((e) => e.extensions?.account === 'wrong-secret')!;
    assert.equal(refused.extensions?.code, 'PROVIDER_AUTH_FAILED');
    assert.match(refused.message, /Signatures do not match/);
    assert.doesNotMatch(JSON.stringify(result), /not-the-secret/);
  });

  it('rejects bad paging arguments before any upstream call', async () => {
    stack.resetLog();
    for (const variables of [{ first: -1 }, { first: 1000 }, { first: 5, after: 'garbage!' }, { first: 5, accounts: ['nope'] }]) {
      const result = await stack.gql.exec(VideosDocument, variables);
      assert.equal(result.errors?.length, 1, JSON.stringify(variables));
      assert.match(String(result.errors?.[0]?.extensions?.code), /^(BAD_USER_INPUT|NOT_FOUND)$/);
    }
    assert.equal(stack.calls().length, 0);
  });

  it('opens a video by global id with Panda fields and metadata', async () => {
    const list = dataOf(await stack.gql.exec(VideosDocument, { accounts: ['beta'], first: 1, filter: { status: 'READY' } }));
    const id = list.videos.edges[0]!.node.id;
    const { node } = dataOf(await stack.gql.exec(VideoDetailDocument, { id }));
    assert.ok(node && 'originalFilename' in node);
    assert.equal(node.id, id);
    assert.equal(node.provider, 'PANDA');
    assert.equal(typeof node.metadata, 'object');
    assert.ok(node.encodings.nodes.length > 0);
  });

  it('resolves encodings with their video and profile', async () => {
    const list = dataOf(
      await stack.gql.exec(VideoDetailDocument, {
        id: dataOf(await stack.gql.exec(VideosDocument, { accounts: ['alpha'], first: 1 })).videos.edges[0]!.node.id,
      }),
    );
    const encodingId = list.node && 'encodings' in list.node ? list.node.encodings.nodes[0]!.id : assert.fail('no encodings');
    const { node } = dataOf(await stack.gql.exec(EncodingDetailDocument, { id: encodingId }));
    assert.ok(node && 'video' in node);
    assert.equal(node.video.id, list.node!.id);
    assert.equal(node.profile?.name, node.profileName);
  });

  it('nodes: batches per account, dedupes, and fails only the bad items', async () => {
    const list = dataOf(await stack.gql.exec(VideosDocument, { accounts: ['alpha'], first: 3 }));
    const ids = list.videos.edges.map((e) => e.node.id);
    stack.resetLog();
    const result = await stack.gql.exec(NodesDocument, {
      ids: [ids[0]!, ids[1]!, ids[0]!, 'not-an-id!', toGlobalId('PandaVideo', 'nope', 'x'), toGlobalId('PandaVideo', 'alpha', 'ffffffffffffffffffffffffffffffff')],
    });
    assert.deepEqual(
      result.data?.nodes.slice(0, 3).map((n) => n?.id),
      [ids[0], ids[1], ids[0]],
    );
    assert.deepEqual(result.data?.nodes.slice(3), [null, null, null]);
    const codes = (result.errors ?? []).map((e) => [e.path?.[1], e.extensions?.code]);
    assert.deepEqual(codes.sort(), [
      [3, 'BAD_USER_INPUT'],
      [4, 'NOT_FOUND'],
      [5, 'NOT_FOUND'],
    ]);
    assert.equal(stack.calls((e) => e.path.startsWith('/v2/videos/')).length, 3, 'two distinct known videos + one unknown, each once');
  });

  it('shows the account’s cloud, notifications and profiles', async () => {
    const { account } = dataOf(await stack.gql.exec(AccountDetailsDocument, { id: 'alpha' }));
    assert.ok(account.details && 'nativeId' in account.details && account.details.nativeId === PANDA_TEST_ACCOUNTS[0]!.cloudId);
    assert.ok(account.notifications && 'events' in account.notifications);
    const first = dataOf(await stack.gql.exec(AccountProfilesDocument, { id: 'alpha', first: 2 }));
    assert.equal(first.account.profiles.nodes.length, 2);
    assert.equal(first.account.profiles.pageInfo.hasNextPage, true);
    const rest = dataOf(await stack.gql.exec(AccountProfilesDocument, { id: 'alpha', first: 50, after: first.account.profiles.pageInfo.endCursor }));
    assert.ok(rest.account.profiles.nodes.every((p) => !first.account.profiles.nodes.some((q) => q.id === p.id)));
    assert.ok([...first.account.profiles.nodes, ...rest.account.profiles.nodes].some((p) => p.name === 'h264'));
  });
});
