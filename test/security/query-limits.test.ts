import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import 'reflect-metadata';
import { getIntrospectionQuery, parse, print, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { configSchema, type QueryLimits } from '../../src/config/schema';
import { vidmeshSchema } from '../../src/graph/build';
import { operationCost } from '../../src/security/complexity';
import { queryShapeRule } from '../../src/security/query-rules';
import { AccountsDocument, DashboardVideoListDocument, VideosDocument } from '../generated/graphql';
import { codeOf, startSecurityStack, type SecurityStack } from './stack';

const DEFAULTS: QueryLimits = configSchema.parse({ accounts: [{ id: 'a', provider: 'ziggeo', token: 't', privateKey: 'p' }] }).server.limits;

/** `videos → edges → node → id` is depth 4; each `encodings → nodes → video` hop adds 3. */
function nested(hops: number): string {
  let inner = 'id';
  for (let i = 0; i < hops; i++) inner = `encodings(first: 1) { nodes { video { ${inner} } } }`;
  return `{ videos(first: 1) { edges { node { ${inner} } } } }`;
}

describe('query limits (unit: the rules and the cost function)', () => {
  let schema: GraphQLSchema;
  before(async () => {
    schema = await vidmeshSchema();
  });
  const shapeErrors = (query: string, limits: Partial<QueryLimits> = {}) =>
    validate(schema, parse(query), [...specifiedRules, queryShapeRule({ ...DEFAULTS, ...limits })]).map((e) => [e.extensions.code, e.extensions.limit]);
  const cost = (query: string, variables?: Record<string, unknown>, limits: Partial<QueryLimits> = {}) =>
    operationCost(schema, { ...DEFAULTS, ...limits }, parse(query), undefined, variables);

  it('depth: counts fields from the root, through fragments and inline fragments', () => {
    assert.deepEqual(shapeErrors(nested(1), { maxDepth: 7 }), []);
    assert.deepEqual(shapeErrors(nested(1), { maxDepth: 6 }), [['QUERY_TOO_COMPLEX', 'maxDepth']]);
    const viaFragments = 'query { ...Q } fragment Q on Query { videos(first: 1) { edges { node { ... on Video { account { ...A } } } } } } fragment A on Account { id }';
    assert.deepEqual(shapeErrors(viaFragments, { maxDepth: 5 }), []);
    assert.deepEqual(shapeErrors(viaFragments, { maxDepth: 4 }), [['QUERY_TOO_COMPLEX', 'maxDepth']]);
  });

  it('the default depth admits the standard introspection query and the dashboard query', () => {
    assert.deepEqual(shapeErrors(getIntrospectionQuery()), []);
    assert.deepEqual(shapeErrors(print(DashboardVideoListDocument)), []);
  });

  it('aliases: each aliased field, once per fragment spread', () => {
    const q = 'query { ...F ...F } fragment F on Query { a: accounts { id } b: accounts { id } }';
    assert.deepEqual(shapeErrors(q, { maxAliases: 4 }), []);
    assert.deepEqual(shapeErrors(q, { maxAliases: 3 }), [['QUERY_TOO_COMPLEX', 'maxAliases']]);
  });

  it('root fields: counted through fragments on the root type', () => {
    const q = '{ accounts { id } ... on Query { a2: accounts { id } } ...R } fragment R on Query { a3: accounts { id } }';
    assert.deepEqual(shapeErrors(q, { maxRootFields: 3 }), []);
    assert.deepEqual(shapeErrors(q, { maxRootFields: 2 }), [['QUERY_TOO_COMPLEX', 'maxRootFields']]);
  });

  it('a fragment bomb (each fragment spreading the next twice) is refused without expanding it', () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Account { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const q = `{ accounts { ...F0 } }\n${fragments}\nfragment F40 on Account { id }`;
    const started = Date.now();
    assert.deepEqual(shapeErrors(q), [['QUERY_TOO_COMPLEX', 'maxComplexity']]);
    assert.ok(Date.now() - started < 5_000, 'gave up early instead of walking 2^40 spreads');
  });

  it('cost: a connection costs its selection `first` times; variables and defaults apply', () => {
    const q = 'query($n: Int!) { videos(first: $n) { edges { node { id title } } } }';
    // videos 1 + n × (edges 1 + node 1 + id 1 + title 1)
    assert.equal(cost(q, { n: 10 }), 1 + 10 * 4);
    assert.equal(cost(q, { n: 100 }), 1 + 100 * 4);
    assert.equal(cost('{ videos { nodes { id } } }'), 1 + 20 * 2, 'the default first: 20');
    assert.equal(cost('{ videos(first: 10) { nodes { id encodings(first: 5) { nodes { id } } } } }'), 1 + 10 * (1 + 1 + (1 + 5 * 2)));
  });

  it('cost: `@skip`, a list argument’s length, and the default weight of an unbounded list', () => {
    assert.equal(cost('query($s: Boolean!) { videos(first: 10) @skip(if: $s) { nodes { id } } accounts { id } }', { s: true }), 1 + 10 * 1);
    assert.equal(cost('{ nodes(ids: ["a", "b", "c"]) { id } }'), 1 + 3 * 1);
    assert.equal(cost('{ accounts { id provider } }', undefined, { listWeight: 7 }), 1 + 7 * 2);
    assert.ok(cost(getIntrospectionQuery()) < DEFAULTS.maxComplexity, 'introspection fits the default');
  });
});

describe('query limits through the gateway: QUERY_TOO_COMPLEX before any upstream call', () => {
  let stack: SecurityStack;
  const limits = { maxDepth: 8, maxComplexity: 2_000, maxAliases: 3, maxRootFields: 4, maxBatchedOperations: 3 };
  before(async () => {
    stack = await startSecurityStack({ server: { limits } });
  });
  after(() => stack.close());

  const refusedBeforeUpstream = async (query: string, limit: string, variables?: Record<string, unknown>) => {
    stack.resetLogs();
    const answer = await stack.query(query, variables);
    assert.equal(answer.status, 400, answer.text);
    assert.equal(codeOf(answer), 'QUERY_TOO_COMPLEX', answer.text);
    assert.equal(answer.errors![0]!.extensions!.limit, limit);
    assert.match(answer.errors![0]!.message, new RegExp(`server\\.limits\\.${limit}`));
    assert.equal(answer.data, undefined);
    assert.equal(stack.upstreamCalls(), 0);
  };

  it('depth', async () => {
    await refusedBeforeUpstream(nested(2), 'maxDepth');
    const ok = await stack.query(nested(1).replace('videos(first: 1)', 'videos(first: 1, accounts: ["dm"])'));
    assert.equal(ok.errors, undefined, ok.text);
  });

  it('complexity, with `first` from a variable', async () => {
    const q = 'query($n: Int!) { videos(first: $n) { edges { node { id title status createdAt encodings(first: 20) { nodes { id status } } } } } }';
    await refusedBeforeUpstream(q, 'maxComplexity', { n: 50 });
    stack.resetLogs();
    const ok = await stack.query(q, { n: 2 });
    assert.equal(ok.errors, undefined, ok.text);
    assert.ok(stack.upstreamCalls() > 0);
    // costs are cached per query and variables: the same query with other variables is judged again
    await refusedBeforeUpstream(q, 'maxComplexity', { n: 50 });
  });

  it('a huge `first` is over budget whatever it selects', async () => {
    await refusedBeforeUpstream('{ videos(first: 2000000000) { edges { cursor } } }', 'maxComplexity');
  });

  it('aliases', async () => {
    await refusedBeforeUpstream('{ a: accounts { id } b: accounts { id } c: accounts { id } d: accounts { id } }', 'maxAliases');
  });

  it('a mutation over a limit runs none of its fields', async () => {
    const video = (await stack.exec(VideosDocument, { accounts: ['panda-a'], first: 1 })).data!.videos.edges[0]!.node.id;
    const aliased = Array.from({ length: 4 }, (_, i) => `d${i}: deleteVideo(id: "${video}") { deletedId }`).join(' ');
    await refusedBeforeUpstream(`mutation { ${aliased} }`, 'maxAliases');
    const roots =
      'mutation { deleteVideo(id: "x") { deletedId } cancelEncoding(id: "x") { encoding { id } } retryEncoding(id: "x") { encoding { id } } deleteEncoding(id: "x") { deletedId } deleteProfile(id: "x") { deletedId } }';
    await refusedBeforeUpstream(roots, 'maxRootFields');
    assert.equal((await stack.exec(VideosDocument, { accounts: ['panda-a'], first: 1 })).data!.videos.edges[0]!.node.id, video, 'still there');
  });

  it('root fields', async () => {
    await refusedBeforeUpstream('{ accounts { id } account(id: "dm") { id } node(id: "x") { id } nodes(ids: []) { id } videos(first: 1) { edges { cursor } } }', 'maxRootFields');
  });

  it('batches: each operation answered in order with its own context; too many refused whole', async () => {
    stack.resetLogs();
    const two = JSON.stringify([{ query: print(AccountsDocument) }, { query: print(VideosDocument), variables: { accounts: ['nope'], first: 1 } }]);
    const answer = await stack.post(two);
    assert.equal(answer.status, 200);
    const parts = JSON.parse(answer.text) as { data?: unknown; errors?: { extensions: { code: string } }[] }[];
    assert.equal(parts.length, 2);
    assert.equal(parts[0]!.errors, undefined);
    assert.equal((parts[0]!.data as { accounts: unknown[] }).accounts.length, 5);
    assert.equal(parts[1]!.errors![0]!.extensions.code, 'NOT_FOUND');
    assert.equal(stack.upstreamCalls(), 0);

    const four = JSON.stringify(Array.from({ length: 4 }, () => ({ query: '{ videos(first: 1) { edges { cursor } } }' })));
    const refused = await stack.post(four);
    assert.equal(refused.status, 400);
    assert.equal(codeOf(refused), 'QUERY_TOO_COMPLEX');
    assert.equal(refused.errors![0]!.extensions!.limit, 'maxBatchedOperations');
    assert.equal(stack.upstreamCalls(), 0, 'no operation of the batch ran');

    const empty = await stack.post('[]');
    assert.equal(empty.status, 400);
    assert.equal(codeOf(empty), 'BAD_USER_INPUT');

    const inner = await stack.post(JSON.stringify([{ query: nested(2) }]));
    const [only] = JSON.parse(inner.text) as { errors: { extensions: { code: string } }[] }[];
    assert.equal(only!.errors[0]!.extensions.code, 'QUERY_TOO_COMPLEX', 'each batched operation meets the limits');
    assert.equal(stack.upstreamCalls(), 0);
  });

  it('introspection is on by default', async () => {
    const answer = await stack.query('{ __schema { queryType { name } } }');
    assert.deepEqual(answer.data, { __schema: { queryType: { name: 'Query' } } });
  });
});

describe('server.introspection: false', () => {
  let stack: SecurityStack;
  before(async () => {
    stack = await startSecurityStack({ server: { introspection: false } });
  });
  after(() => stack.close());

  it('refuses __schema and __type with a clear error; __typename still answers', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Video") { fields { name } } }', getIntrospectionQuery()]) {
      const answer = await stack.query(query);
      assert.equal(answer.status, 400);
      assert.equal(codeOf(answer), 'BAD_USER_INPUT');
      assert.match(answer.errors![0]!.message, /introspection is disabled on this server \(server\.introspection\)/);
      assert.equal(answer.data, undefined);
    }
    const typename = await stack.query('{ __typename accounts { __typename id } }');
    assert.equal(typename.errors, undefined, typename.text);
  });

  it('does not spell the schema out in "Did you mean" hints', async () => {
    const answer = await stack.query('{ video(id: "x") { id } }');
    assert.equal(codeOf(answer), 'BAD_USER_INPUT');
    assert.doesNotMatch(answer.text, /Did you mean/);
    assert.match(answer.errors![0]!.message, /Cannot query field "video" on type "Query"/);
  });
});
