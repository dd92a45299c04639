import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DashboardStatusOverviewDocument,
  DashboardVideoListDocument,
  type DashboardVideoListQuery,
  type DashboardVideoListQueryVariables,
  type VideoStatus,
} from '../generated/graphql';
import { dataOf, type GraphQLResult } from '../support/gateway';
import { ACCOUNT_IDS, FourProviders, type AccountId } from '../support/four-providers';

type Node = DashboardVideoListQuery['videos']['edges'][number]['node'];

const PER_ACCOUNT = 100;
const STATUSES: VideoStatus[] = ['PENDING', 'UPLOADING', 'PROCESSING', 'READY', 'FAILED', 'UNKNOWN'];

/**
 * `videos` over four accounts, one per provider, 400 videos and more: each video exactly once and in
 * order while videos are created between page requests, filters upstream or in the gateway, an account
 * failing and coming back, and counts. Upstream calls are counted from the emulators' request logs.
 */
describe('dashboard listing across Panda, Telestream, Dailymotion and Ziggeo', () => {
  let four: FourProviders;
  let made = 0;
  before(async () => {
    four = await FourProviders.start();
    four.seed(PER_ACCOUNT);
  });
  after(() => four.close());

  /** Pages through the listing; `between` runs after every page but the last. Answers the nodes and the calls per page. */
  async function pageThrough(variables: Omit<DashboardVideoListQueryVariables, 'after'>, between?: (page: number) => void) {
    const nodes: Node[] = [];
    const calls: Record<AccountId, number>[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 200; page++) {
      four.resetLogs();
      const result: DashboardVideoListQuery = dataOf(await four.gql.exec(DashboardVideoListDocument, { ...variables, after: cursor }));
      calls.push(Object.fromEntries(ACCOUNT_IDS.map((id) => [id, four.listings(id)])) as Record<AccountId, number>);
      nodes.push(...result.videos.edges.map((e) => e.node));
      if (!result.videos.pageInfo.hasNextPage) return { nodes, calls };
      cursor = result.videos.pageInfo.endCursor!;
      between?.(page);
    }
    throw new Error('paging did not end');
  }

  /** A video made at each provider right now (newer than every other). */
  const createEverywhere = () => {
    const now = four.clock.now().getTime();
    made++;
    for (const id of ACCOUNT_IDS) four.create(id, now, 1000 + made);
  };

  const times = (nodes: Node[]) => nodes.map((n) => Date.parse(n.createdAt!));
  const assertOrder = (nodes: Node[], direction: 'ASC' | 'DESC') => {
    const t = times(nodes);
    assert.deepEqual(
      t,
      [...t].sort((a, b) => (direction === 'DESC' ? b - a : a - b)),
      `${direction} by creation time`,
    );
  };
  const assertOnce = (nodes: Node[]) => assert.equal(new Set(nodes.map((n) => n.id)).size, nodes.length, 'no video twice');

  it('newest first: 400 videos in pages of 25, each exactly once while videos are created between pages; one listing call per account and page', async () => {
    const { nodes, calls } = await pageThrough({ first: 25 }, (page) => {
      if (page % 2 === 0) createEverywhere();
    });
    assertOnce(nodes);
    assertOrder(nodes, 'DESC');
    assert.equal(nodes.length, 4 * PER_ACCOUNT, 'videos created meanwhile lie behind the cursor');
    for (const id of ACCOUNT_IDS) assert.equal(nodes.filter((n) => n.account.id === id).length, PER_ACCOUNT, id);
    calls.forEach((page, n) => {
      for (const id of ACCOUNT_IDS) {
        // after a page with creations, the videos they pushed down are skipped and the shortfall read: one more call
        const most = n > 0 && (n - 1) % 2 === 0 ? 2 : 1;
        assert.ok(page[id] >= 1 && page[id] <= most, `page ${n}, ${id}: ${page[id]} calls (at most ${most})`);
      }
    });
    assert.ok(
      calls.some((page) => page.pa === 2),
      'the creations were seen and skipped',
    );
  });

  it('oldest first: every video once, the ones created meanwhile at the end', async () => {
    const before = made;
    const { nodes, calls } = await pageThrough({ first: 30, orderBy: { direction: 'ASC' } }, (page) => {
      if (page < 10) createEverywhere();
    });
    assertOnce(nodes);
    assertOrder(nodes, 'ASC');
    const created = (made - 0) * 4;
    assert.equal(nodes.length, 4 * PER_ACCOUNT + created, 'every seeded and created video');
    assert.ok(made - before === 10);
    for (const page of calls) {
      assert.ok(page.dm <= 2 && page.zg <= 2, 'Dailymotion and Ziggeo sort upstream');
      // Panda/Telestream: 100–110 videos each: page 1 is full, page 2 holds the end; the window reuses them
      assert.ok(page.pa === 2 && page.ts === 2, `Panda/Telestream oldest first: ${page.pa}, ${page.ts}`);
    }
  });

  it('filters: upstream where the provider can, in the gateway elsewhere; the same videos as filtering everything', async () => {
    const { nodes: all } = await pageThrough({ first: 100 });
    assert.equal(all.length, 4 * PER_ACCOUNT + 4 * made);
    const tagsOf = (n: Node) => ('tags' in n ? n.tags : []);
    const after = new Date(Date.parse(all[Math.floor(all.length * 0.7)]!.createdAt!));
    const beforeDate = new Date(Date.parse(all[Math.floor(all.length * 0.3)]!.createdAt!));
    const cases: [string, DashboardVideoListQueryVariables['filter'], (n: Node) => boolean][] = [
      ['status READY', { status: 'READY' }, (n) => n.status === 'READY'],
      ['status FAILED', { status: 'FAILED' }, (n) => n.status === 'FAILED'],
      ['tags news+sport', { tags: ['sport', 'news'] }, (n) => ['news', 'sport'].every((t) => tagsOf(n)?.includes(t))],
      [
        'created window',
        { createdAfter: after.toISOString(), createdBefore: beforeDate.toISOString() },
        (n) => Date.parse(n.createdAt!) >= after.getTime() && Date.parse(n.createdAt!) < beforeDate.getTime(),
      ],
      ['title contains INTERVIEW', { titleContains: 'INTERVIEW' }, (n) => (n.title ?? '').toLowerCase().includes('interview')],
    ];
    for (const [name, filter, keep] of cases) {
      const { nodes, calls } = await pageThrough({ first: 20, filter });
      const expected = all.filter(keep);
      assert.ok(expected.length > 0, `${name}: some match`);
      assert.deepEqual(nodes.map((n) => n.id).sort(), expected.map((n) => n.id).sort(), name);
      assertOrder(nodes, 'DESC');
      if (filter?.tags) {
        for (const id of ['pa', 'ts', 'dm'] as const)
          assert.equal(
            calls.reduce((sum, p) => sum + p[id], 0),
            0,
            `${name}: ${id} has no tags, no call`,
          );
        assert.ok(nodes.every((n) => n.account.id === 'zg'));
      }
      if (filter?.status === 'READY') {
        // status upstream at Panda, Telestream and Ziggeo: one call per page; Dailymotion's pages are scanned
        for (const page of calls) for (const id of ['pa', 'ts', 'zg'] as const) assert.ok(page[id] <= 1, `${name}: ${id} ${page[id]}`);
      }
      if (filter?.createdAfter) {
        for (const page of calls) assert.ok(page.dm <= 1, 'Dailymotion filters the created range upstream');
      }
    }
  });

  it('a query selecting neither status nor title still filters and orders by them (Dailymotion asks for what the gateway reads)', async () => {
    const { nodes: all } = await pageThrough({ accounts: ['dm'], first: 100 });
    const ready = all.filter((n) => n.status === 'READY').map((n) => n.id);
    const interviews = all.filter((n) => n.title?.includes('interview')).map((n) => n.id);
    const ids = async (args: string) => {
      const result = await four.gql.raw(JSON.stringify({ query: `{ videos(accounts: ["dm"], first: 100, ${args}) { nodes { id } } }` }));
      return (result.data as { videos: { nodes: { id: string }[] } }).videos.nodes.map((n) => n.id);
    };
    assert.deepEqual(await ids('filter: { status: READY }'), ready);
    assert.deepEqual(await ids('filter: { titleContains: "interview" }'), interviews);
    const byTitle = [...all].sort((a, b) => (a.title! < b.title! ? -1 : 1)).map((n) => n.id);
    assert.deepEqual(await ids('orderBy: { field: TITLE, direction: ASC }'), byTitle.slice(0, 100));
  });

  it('an account that fails gives the others’ videos and one error; the cursor resumes it once it is back', async () => {
    const { nodes: all } = await pageThrough({ first: 100 });
    four.ziggeo.injectFault({ kind: 'status', status: 503 });
    const nodes: Node[] = [];
    let cursor: string | null = null;
    for (let page = 0; ; page++) {
      if (page === 3) four.ziggeo.clearFaults();
      const result: GraphQLResult<DashboardVideoListQuery> = await four.gql.exec(DashboardVideoListDocument, { first: 40, after: cursor });
      if (page < 3) {
        assert.equal(result.errors?.length, 1, 'one error for the failing account');
        const error = result.errors![0]!;
        assert.deepEqual(error.path, ['videos']);
        assert.deepEqual([error.extensions?.code, error.extensions?.account, error.extensions?.provider], ['PROVIDER_UNAVAILABLE', 'zg', 'ziggeo']);
        assert.ok(result.data!.videos.edges.every((e) => e.node.account.id !== 'zg'));
        assert.equal(result.data!.videos.edges.length, 40);
      } else assert.equal(result.errors, undefined);
      nodes.push(...result.data!.videos.edges.map((e) => e.node));
      if (!result.data!.videos.pageInfo.hasNextPage) break;
      cursor = result.data!.videos.pageInfo.endCursor!;
    }
    assertOnce(nodes);
    assert.deepEqual(nodes.map((n) => n.id).sort(), all.map((n) => n.id).sort(), 'every video once, Ziggeo’s after it came back');
  });

  it('a malformed, old-version or foreign cursor is BAD_USER_INPUT and changes nothing', async () => {
    const first = dataOf(await four.gql.exec(DashboardVideoListDocument, { first: 5 })).videos.pageInfo.endCursor!;
    const v1 = Buffer.from(JSON.stringify({ v: 1, o: { pa: 5 }, f: 'x' })).toString('base64url');
    const cases: [string, Partial<DashboardVideoListQueryVariables>][] = [
      ['not a cursor!', {}],
      [v1, {}],
      [first, { filter: { status: 'READY' } }],
      [first, { accounts: ['pa', 'dm'] }],
      [first, { orderBy: { direction: 'ASC' } }],
    ];
    for (const [after, variables] of cases) {
      four.resetLogs();
      const result = await four.gql.exec(DashboardVideoListDocument, { first: 5, after, ...variables });
      assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(variables));
      assert.equal(
        ACCOUNT_IDS.reduce((sum, id) => sum + four.calls(id), 0),
        0,
        'no upstream call',
      );
    }
  });

  it('status overview: counts per account and status through count calls where they exist', async () => {
    const { nodes: all } = await pageThrough({ first: 100 });
    four.resetLogs();
    const stats = dataOf(await four.gql.exec(DashboardStatusOverviewDocument, {})).videoStats;
    assert.equal(stats.length, 4);
    for (const row of stats) {
      const id = row.account.id as AccountId;
      const mine = all.filter((n) => n.account.id === id);
      assert.equal(row.total, mine.length, id);
      for (const status of STATUSES) {
        const count = row.byStatus.find((s) => s.status === status)?.count ?? 0;
        assert.equal(count, mine.filter((n) => n.status === status).length, `${id} ${status}`);
      }
    }
    const n = all.length / 4;
    assert.equal(four.calls('zg'), 6, 'Ziggeo: videos/count for the total and one per status');
    assert.equal(four.calls('dm'), Math.ceil(n / 100), 'Dailymotion: statuses come from assets, one media.list walk');
    assert.equal(four.calls('pa'), Math.floor(n / 100) + 1, 'Panda: one walk of the listing');
    assert.equal(four.calls('ts'), Math.floor(n / 100) + 1, 'Telestream: one walk of the listing');
  });
});

/** Ordering by title: only Dailymotion sorts by it upstream; the other accounts say so instead of reading everything. */
describe('dashboard listing ordered by title', () => {
  let four: FourProviders;
  before(async () => {
    four = await FourProviders.start();
    four.seed(60);
  });
  after(() => four.close());

  for (const direction of ['ASC', 'DESC'] as const) {
    it(`${direction}: Dailymotion's media by title, each once while media are created between pages; the others UNSUPPORTED_BY_PROVIDER`, async () => {
      const nodes: Node[] = [];
      let cursor: string | null = null;
      let created = 0;
      const existing = [...four.dailymotion.store.users.values()][0]!.media.size;
      for (let page = 0; page < 50; page++) {
        four.resetLogs();
        const result: GraphQLResult<DashboardVideoListQuery> = await four.gql.exec(DashboardVideoListDocument, {
          first: 7,
          after: cursor,
          orderBy: { field: 'TITLE', direction },
        });
        const errors = result.errors ?? [];
        assert.deepEqual(errors.map((e) => [e.extensions?.code, e.extensions?.account]).sort(), [
          ['UNSUPPORTED_BY_PROVIDER', 'pa'],
          ['UNSUPPORTED_BY_PROVIDER', 'ts'],
          ['UNSUPPORTED_BY_PROVIDER', 'zg'],
        ]);
        for (const id of ['pa', 'ts', 'zg'] as const) assert.equal(four.calls(id), 0, `${id}: no call`);
        // one media.list a page; after a media created behind the cursor, one more reads the shortfall
        assert.ok(four.listings('dm') >= 1 && four.listings('dm') <= (page === 0 ? 1 : 2), `page ${page}: ${four.listings('dm')} media.list`);
        nodes.push(...result.data!.videos.edges.map((e) => e.node));
        cursor = result.data!.videos.pageInfo.endCursor;
        if (!result.data!.videos.pageInfo.hasNextPage) break;
        // between pages: one media titled behind the cursor, one titled after every other (ahead of it)
        const store = four.dailymotion.store;
        const user = [...store.users.values()][0]!;
        created++;
        const behind = direction === 'ASC' ? `a-${created}` : `zz-DESC-${created}`;
        const ahead = direction === 'ASC' ? `zz-${String(created).padStart(4, '0')}` : `A-${1000 - created}`;
        for (const title of [behind, ahead]) store.createMedia(user, four.clock.now().getTime(), { meta: { title } });
      }
      const titles = nodes.map((n) => n.title!);
      assert.equal(new Set(nodes.map((n) => n.id)).size, nodes.length, 'no media twice');
      assert.deepEqual(
        titles,
        [...titles].sort((a, b) => (direction === 'ASC' ? (a < b ? -1 : 1) : a < b ? 1 : -1)),
        'in title order',
      );
      const ahead = direction === 'ASC' ? 'zz-0' : 'A-';
      assert.equal(nodes.length, existing + created, 'every media there was, and every one created ahead of the cursor');
      assert.equal(nodes.filter((n) => n.title!.startsWith(ahead)).length, created);
      assert.ok(nodes.every((n) => n.account.id === 'dm'));
    });
  }
});
