import 'reflect-metadata';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { parseConfig } from '../../src/config';
import { vidmeshSchema } from '../../src/graph/build';
import { audienceOf, isPrepared, prepareSubscription, type OperationRules, type PreparedSubscription } from '../../src/http/subscription-operation';

const QUERY = 'subscription S($a: ID!) { videoEvents(accounts: [$a]) { id type video { id title status } encoding { id status progress } } }';

function prepared(x: PreparedSubscription | readonly GraphQLError[]): PreparedSubscription {
  assert.ok(isPrepared(x), JSON.stringify(x));
  return x;
}

describe('subscription documents', () => {
  let schema: GraphQLSchema;
  let rules: OperationRules;
  before(async () => {
    schema = await vidmeshSchema();
    rules = { limits: parseConfig({ accounts: [{ id: 'a', provider: 'panda', cloudId: 'c', accessKey: 'k', secretKey: 's' }] }, 'test').server.limits, introspection: false };
  });

  it('one document, parsed and validated once, serves every subscriber sending the same text; variables stay their own', () => {
    const first = prepared(prepareSubscription(schema, rules, { query: QUERY, variables: { a: 'one' } }));
    const second = prepared(prepareSubscription(schema, rules, { query: QUERY, variables: { a: 'two' } }));
    assert.equal(second.document, first.document);
    assert.deepEqual([first.variables, second.variables], [{ a: 'one' }, { a: 'two' }]);
    // other rules (introspection allowed) validate on their own
    const open = prepared(prepareSubscription(schema, { ...rules, introspection: true }, { query: QUERY, variables: { a: 'one' } }));
    assert.notEqual(open.document, first.document);
  });

  it('a document refused once is refused again, with the same errors', () => {
    const bad = 'subscription { videoEvents { id __schema { types { name } } } }';
    for (let i = 0; i < 2; i++) {
      const errors = prepareSubscription(schema, rules, { query: bad });
      assert.ok(!isPrepared(errors));
      assert.ok(errors.length > 0);
    }
    const broken = prepareSubscription(schema, rules, { query: 'subscription {' });
    assert.ok(!isPrepared(broken));
    assert.equal((broken[0] as GraphQLError).extensions.code, 'BAD_USER_INPUT');
    // a query is still refused once its document is known
    const query = 'query { accounts { id } }';
    for (let i = 0; i < 2; i++) assert.ok(!isPrepared(prepareSubscription(schema, rules, { query })));
  });

  it('an audience (who shares executions) is the document, operation, variables, principal and link origin', () => {
    const alpha = { name: 'alpha', accounts: new Set(['a']) };
    const sameName = { name: 'alpha', accounts: new Set(['a', 'b']) };
    const headers = { host: 'gateway.example:4000' };
    const one = prepared(prepareSubscription(schema, rules, { query: QUERY, variables: { a: 'one' } }));
    const again = prepared(prepareSubscription(schema, rules, { query: QUERY, variables: { a: 'one' } }));
    const key = audienceOf(one, alpha, headers);
    assert.equal(audienceOf(again, alpha, { ...headers }), key);
    const others = [
      audienceOf(prepared(prepareSubscription(schema, rules, { query: QUERY, variables: { a: 'two' } })), alpha, headers),
      audienceOf(prepared(prepareSubscription(schema, rules, { query: `${QUERY} `, variables: { a: 'one' } })), alpha, headers),
      audienceOf(one, sameName, headers),
      audienceOf(one, alpha, { host: 'other.example:4000' }),
      audienceOf(one, alpha, { ...headers, 'x-forwarded-proto': 'https' }),
    ];
    assert.equal(new Set([key, ...others]).size, others.length + 1, 'every difference is another audience');
    // long variables are kept as a digest
    const long = audienceOf(prepared(prepareSubscription(schema, rules, { query: QUERY, variables: { a: 'x'.repeat(10_000) } })), alpha, headers);
    assert.ok(long.length < 100);
  });
});
