import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { FourProviders } from '../support/four-providers';

const DEADLINE_MS = 1_000;
/** How long the slow provider takes: far past the deadline, so waiting for it would show. */
const SLOW_MS = 6_000;
/** Room for a loaded machine (2 cores, several test runs) above the deadline. */
const MARGIN_MS = 1_500;

interface Answer {
  readonly ms: number;
  readonly data: Record<string, unknown> | null;
  readonly errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Issue 20 (8): a slow provider held the whole dashboard (healthy accounts waited for the slowest).
 * With `server.readDeadlineMs`, an account still silent at the deadline becomes one partial-result
 * error and the healthy accounts' data goes out on time.
 */
describe('read deadline: a slow account is left out, the others answer on time', () => {
  let four: FourProviders;
  before(async () => {
    four = await FourProviders.start({ demoData: true, config: { server: { readDeadlineMs: DEADLINE_MS } } });
  });
  after(() => four.close());
  beforeEach(() => {
    four.telestream.clearFaults();
    four.resetLogs();
  });

  const ask = async (query: string): Promise<Answer> => {
    const started = performance.now();
    const result = await four.gql.raw(JSON.stringify({ query }));
    return { ms: performance.now() - started, data: (result.data ?? null) as Record<string, unknown> | null, errors: result.errors ?? [] };
  };
  const slowTelestream = () => four.telestream.injectFault({ kind: 'delay', delayMs: SLOW_MS });

  /** The one error: the slow account's, PROVIDER_UNAVAILABLE, naming the deadline. */
  const assertOneLateError = (answer: Answer, path: (string | number)[]) => {
    assert.equal(answer.errors.length, 1, JSON.stringify(answer.errors));
    const [error] = answer.errors;
    assert.deepEqual(error!.path, path);
    assert.equal(error!.extensions?.code, 'PROVIDER_UNAVAILABLE');
    assert.equal(error!.extensions?.account, 'ts');
    assert.equal(error!.extensions?.provider, 'telestream');
    assert.match(error!.message, /read deadline of 1000 ms \(server\.readDeadlineMs\)/);
  };

  it('without a slow provider, every account answers and there is no error', async () => {
    const answer = await ask('{ videos(first: 100) { edges { node { account { id } } } } }');
    assert.deepEqual(answer.errors, []);
    const accounts = new Set((answer.data!.videos as { edges: { node: { account: { id: string } } }[] }).edges.map((e) => e.node.account.id));
    assert.deepEqual([...accounts].sort(), ['dm', 'pa', 'ts', 'zg']);
  });

  it('videos: the healthy accounts’ page within the deadline, one error for the slow one, its position kept for later', async () => {
    slowTelestream();
    const answer = await ask('{ videos(first: 100) { edges { node { account { id } } } pageInfo { hasNextPage } } }');
    assert.ok(answer.ms < DEADLINE_MS + MARGIN_MS, `answered after ${Math.round(answer.ms)} ms`);
    assert.ok(answer.ms >= DEADLINE_MS - 50, 'the slow account was given the whole deadline');
    const videos = answer.data!.videos as { edges: { node: { account: { id: string } } }[]; pageInfo: { hasNextPage: boolean } };
    const accounts = new Set(videos.edges.map((e) => e.node.account.id));
    assert.deepEqual([...accounts].sort(), ['dm', 'pa', 'zg']);
    assert.equal(videos.pageInfo.hasNextPage, true, 'the slow account may still have videos');
    assertOneLateError(answer, ['videos']);
  });

  it('videoStats: three rows on time, one error', async () => {
    slowTelestream();
    const answer = await ask('{ videoStats { account { id } total } }');
    assert.ok(answer.ms < DEADLINE_MS + MARGIN_MS, `answered after ${Math.round(answer.ms)} ms`);
    assert.deepEqual((answer.data!.videoStats as { account: { id: string } }[]).map((r) => r.account.id).sort(), ['dm', 'pa', 'zg']);
    assertOneLateError(answer, ['videoStats']);
  });

  it('accounts: the slow account’s details are null with the error, the other rows are whole', async () => {
    slowTelestream();
    const answer = await ask('{ accounts { id details { __typename } } }');
    assert.ok(answer.ms < DEADLINE_MS + MARGIN_MS, `answered after ${Math.round(answer.ms)} ms`);
    const rows = answer.data!.accounts as { id: string; details: { __typename: string } | null }[];
    assert.deepEqual(
      rows.map((r) => r.id),
      ['pa', 'ts', 'dm', 'zg'],
    );
    assert.equal(rows[1]!.details, null);
    assert.ok(rows[0]!.details && rows[2]!.details, 'Panda and Dailymotion details are there');
    const late = answer.errors.filter((e) => e.extensions?.account === 'ts');
    assert.equal(late.length, 1, JSON.stringify(answer.errors));
    assert.deepEqual(late[0]!.path, ['accounts', 1, 'details']);
    assert.equal(late[0]!.extensions?.code, 'PROVIDER_UNAVAILABLE');
  });
});
