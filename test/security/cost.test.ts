import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { request } from 'undici';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { startPandaStack, type PandaStack } from '../support/panda-stack';
import { redisSkip, startRedis, type RedisServer } from '../support/redis';

interface Answer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A listing of one account: costs 1 + 4 × first. */
const list = (account: string, first: number, alias = 'videos') => `${alias}: videos(accounts: ["${account}"], first: ${first}) { edges { node { id title } } }`;
/** Costs 802: two pages of 100 videos. */
const TWO_PAGES = `{ ${list('alpha', 100, 'a')} ${list('beta', 100, 'b')} }`;
/** The request shape: 20 aliases of one listing, with encodings (2420 points, one operation within a 5000 limit). */
const TWENTY_ALIASES = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: videos(accounts: ["alpha"], first: 5) { edges { node { id encodings(first: 5) { edges { node { id status } } } } } }`).join(' ')} }`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function post(gql: TestGateway, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Answer | Answer[] }> {
  const res = await request(gql.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.statusCode, body: (await res.body.json()) as Answer | Answer[] };
}

const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;

/**
 * Issue 20 (5): one 30 KB batch (10 operations × 20 aliases, each within the limits) made 2,140
 * upstream calls. Limits are now summed over a batch, each key has a cost budget per second, and
 * aliases repeating a field with the same arguments resolve once.
 */
describe('request cost: batches summed, repeated aliases resolved once', () => {
  let stack: PandaStack;
  before(async () => {
    stack = await startPandaStack({ gatewayConfig: { server: { host: '127.0.0.1', port: 0, limits: { maxComplexity: 5_000 } } } });
  });
  after(() => stack.close());
  beforeEach(() => stack.resetLog());

  it('the issue’s batch (10 × 20 aliases, each operation within maxComplexity) is refused as a whole before any upstream call', async () => {
    const one = await post(stack.gql, { query: TWENTY_ALIASES });
    assert.equal((one.body as Answer).errors, undefined, 'one such operation is within the limits');
    stack.resetLog();
    const batch = await post(
      stack.gql,
      Array.from({ length: 10 }, () => ({ query: TWENTY_ALIASES })),
    );
    assert.equal(batch.status, 200);
    const answers = batch.body as Answer[];
    assert.equal(answers.length, 10);
    for (const answer of answers) {
      assert.equal(codeOf(answer), 'QUERY_TOO_COMPLEX');
      assert.equal(answer.errors?.[0]?.extensions?.limit, 'maxComplexity');
      assert.match(answer.errors![0]!.message, /the batch's operations cost 24200 together/);
      assert.equal(answer.data, undefined, 'nothing executed');
    }
    assert.equal(stack.calls().length, 0, 'no upstream call at all');
  });

  it('a batch within maxComplexity in total runs every operation', async () => {
    const batch = await post(stack.gql, [{ query: TWENTY_ALIASES }, { query: `{ ${list('beta', 5)} }` }]);
    const answers = batch.body as Answer[];
    assert.deepEqual(
      answers.map((a) => a.errors),
      [undefined, undefined],
    );
  });

  it('an operation that fails on its own (syntax, its own limit) costs nothing and does not hold the others', async () => {
    const batch = await post(stack.gql, [{ query: '{ videos(' }, { query: `{ ${list('alpha', 5)} }` }, { query: 42 }]);
    const answers = batch.body as Answer[];
    assert.match(answers[0]!.errors![0]!.message, /Syntax Error/);
    assert.equal(answers[1]!.errors, undefined);
    assert.ok(answers[2]!.errors?.length);
  });

  it('twenty aliases of one listing make the upstream calls of one', async () => {
    await post(stack.gql, { query: `{ ${list('alpha', 5, 'only')} }` });
    const single = stack.calls().length;
    assert.ok(single > 0);
    stack.resetLog();
    const answer = (await post(stack.gql, { query: TWENTY_ALIASES })).body as Answer;
    assert.equal(answer.errors, undefined);
    assert.equal(Object.keys(answer.data!).length, 20, 'every alias answered');
    assert.deepEqual(answer.data!.a19, answer.data!.a0);
    // one listing, and one batch of encodings for its five videos
    const listings = stack.calls((e) => e.path.endsWith('/videos.json')).length;
    assert.equal(listings, single);
    assert.ok(stack.calls().length <= single + 5, `${stack.calls().length} calls`);
  });

  it('variables with equal values are the same arguments; different arguments are resolved apart', async () => {
    const query = `query ($x: Int!, $y: Int!) { a: videos(accounts: ["alpha"], first: $x) { edges { node { id } } } b: videos(accounts: ["alpha"], first: $y) { edges { node { id } } } }`;
    await post(stack.gql, { query, variables: { x: 3, y: 3 } });
    const same = stack.calls((e) => e.path.endsWith('/videos.json')).length;
    stack.resetLog();
    await post(stack.gql, { query, variables: { x: 3, y: 4 } });
    assert.equal(stack.calls((e) => e.path.endsWith('/videos.json')).length, 2 * same);
  });

  it('repeated aliases of per-account fields (details, stats) call each account once', async () => {
    const answer = (await post(stack.gql, { query: '{ accounts { id a: details { __typename } b: details { __typename } } x: videoStats { total } y: videoStats { total } }' }))
      .body as Answer;
    assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    const byPath = new Map<string, number>();
    for (const call of stack.calls()) {
      const key = `${call.account} ${call.method} ${call.path}`;
      byPath.set(key, (byPath.get(key) ?? 0) + 1);
    }
    const repeated = [...byPath].filter(([, n]) => n > 1);
    assert.deepEqual(repeated, [], 'no upstream call made twice');
  });

  it('mutations are never merged: two equal mutations are two calls', async () => {
    const create = 'createVideo(input: { account: "alpha", sourceUrl: "https://media.example.com/twice.mp4" }) { video { id } }';
    const answer = (await post(stack.gql, { query: `mutation { a: ${create} b: ${create} }` })).body as Answer;
    assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    assert.notEqual((answer.data!.a as { video: { id: string } }).video.id, (answer.data!.b as { video: { id: string } }).video.id);
    assert.equal(stack.calls((e) => e.method === 'POST' && e.path.endsWith('/videos.json')).length, 2);
  });
});

const KEY_A = 'budget-a-key-0123456789';
const KEY_B = 'budget-b-key-0123456789';
const as = (key: string) => ({ authorization: `Bearer ${key}` });
const API_KEYS = [
  { name: 'budget-a', key: KEY_A, accounts: ['alpha', 'beta'] },
  { name: 'budget-b', key: KEY_B, accounts: ['alpha', 'beta'] },
];

describe('cost budget per API key (server.limits.costPerSecond / costBurst)', () => {
  let stack: PandaStack;
  before(async () => {
    stack = await startPandaStack({
      gatewayConfig: { apiKeys: API_KEYS, server: { host: '127.0.0.1', port: 0, limits: { maxComplexity: 1_000, costPerSecond: 300, costBurst: 1_000 } } },
    });
  });
  after(() => stack.close());

  it('a key over its budget gets 429 RATE_LIMITED with retryAfterSeconds and no upstream call; another key is not affected', async () => {
    assert.equal((await post(stack.gql, { query: TWO_PAGES }, as(KEY_A))).status, 200);
    stack.resetLog();
    const refused = await post(stack.gql, { query: TWO_PAGES }, as(KEY_A));
    assert.equal(refused.status, 429);
    const error = (refused.body as Answer).errors![0]!;
    assert.equal(error.extensions?.code, 'RATE_LIMITED');
    assert.equal(error.extensions?.cost, 802);
    const retryAfter = error.extensions?.retryAfterSeconds as number;
    assert.ok(retryAfter >= 1 && retryAfter <= 3, `retryAfterSeconds ${retryAfter}`);
    assert.match(error.message, /server\.limits\.costPerSecond/);
    assert.equal(stack.calls().length, 0);
    assert.equal((await post(stack.gql, { query: TWO_PAGES }, as(KEY_B))).status, 200, 'B has its own budget');
    await sleep(retryAfter * 1000);
    assert.equal((await post(stack.gql, { query: TWO_PAGES }, as(KEY_A))).status, 200, 'A may go on after retryAfterSeconds');
  });

  it('a batch is charged once, as a whole: refused together when over the budget', async () => {
    await sleep(3_400); // both buckets full again
    const batch = [{ query: TWO_PAGES }, { query: `{ ${list('alpha', 25)} }` }];
    const first = (await post(stack.gql, batch, as(KEY_B))).body as Answer[];
    assert.deepEqual(
      first.map((a) => a.errors),
      [undefined, undefined],
    );
    const second = (await post(stack.gql, batch, as(KEY_B))).body as Answer[];
    assert.deepEqual(second.map(codeOf), ['RATE_LIMITED', 'RATE_LIMITED']);
    assert.equal(second[0]!.errors![0]!.extensions?.cost, 903);
  });
});

describe('cost budget shared by replicas (state.redis)', { skip: redisSkip() }, () => {
  let redis: RedisServer;
  let stack: PandaStack;
  let replica: TestGateway;
  before(async () => {
    redis = await startRedis();
    const shared = {
      apiKeys: API_KEYS,
      // a 100 s window (burst / rate): the two requests below fall into one
      server: { host: '127.0.0.1', port: 0, limits: { maxComplexity: 1_000, costPerSecond: 10, costBurst: 1_000 } },
      state: { redis: { url: redis.url, keyPrefix: `t${randomBytes(4).toString('hex')}:` } },
      tokens: { keys: [{ id: 'k1', secret: randomBytes(32).toString('base64') }] },
    };
    stack = await startPandaStack({ gatewayConfig: shared });
    replica = await startTestGateway(stack.accounts, shared);
  });
  after(async () => {
    await replica?.close();
    await stack?.close();
    await redis?.close();
  });

  it('what a key spent on one replica counts on the other; another key is not affected', async () => {
    assert.equal((await post(stack.gql, { query: TWO_PAGES }, as(KEY_A))).status, 200);
    const refused = await post(replica, { query: TWO_PAGES }, as(KEY_A));
    assert.equal(refused.status, 429);
    assert.equal(codeOf(refused.body as Answer), 'RATE_LIMITED');
    assert.ok(((refused.body as Answer).errors![0]!.extensions?.retryAfterSeconds as number) >= 1);
    assert.equal((await post(replica, { query: TWO_PAGES }, as(KEY_B))).status, 200);
    // the refused charge was given back: A still has the 198 points left of its window
    assert.equal((await post(replica, { query: `{ ${list('alpha', 25)} }` }, as(KEY_A))).status, 200);
  });
});
