import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serverAudits, type AuditResult } from 'graphql-http';
import { errorsOf, startFront } from './support';

/** GETs without a preflight header are refused as possible CSRF (csrf.ts): the only audits allowed to fail, all MAYs. */
const CSRF_REFUSED_GETS = ['5A70', 'D6D5', '6A70'];

describe('GraphQL over HTTP (graphql-http audits)', () => {
  let front: Awaited<ReturnType<typeof startFront>>;
  before(async () => (front = await startFront()));
  after(() => front.close());

  const audit = async (fetchFn?: typeof fetch): Promise<{ id: string; name: string; result: AuditResult }[]> => {
    const audits = serverAudits({ url: front.gateway.url, ...(fetchFn && { fetchFn }) });
    return Promise.all(audits.map(async ({ id, name, fn }) => ({ id, name, result: await fn() })));
  };
  const failures = (results: { id: string; name: string; result: AuditResult }[]) =>
    results.filter((r) => r.result.status !== 'ok').map((r) => `${r.id} ${r.name}: ${r.result.status === 'ok' ? '' : r.result.reason}`);

  it('passes every MUST (13) and SHOULD (23) audit; of the MAYs only CSRF-refused GETs fail', async () => {
    const results = await audit();
    const count = (level: string) => results.filter((r) => r.name.startsWith(`${level} `)).length;
    assert.equal(count('MUST'), 13);
    assert.equal(count('SHOULD'), 23);
    assert.deepEqual(failures(results.filter((r) => !r.name.startsWith('MAY '))), []);
    assert.deepEqual(
      results
        .filter((r) => r.result.status !== 'ok')
        .map((r) => r.id)
        .sort(),
      [...CSRF_REFUSED_GETS].sort(),
    );
  });

  it('passes every audit, the MAYs too, for a client that sends the preflight header', async () => {
    const preflighted: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('apollo-require-preflight', 'true');
      return fetch(input, { ...init, headers });
    };
    assert.deepEqual(failures(await audit(preflighted)), []);
  });

  describe('status of request errors by the media type negotiated', () => {
    const post = (body: unknown, accept?: string) =>
      front.send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...(accept && { accept }) }, body: JSON.stringify(body) });
    const unknownField = { query: '{ noSuchField }' };
    const tooDeep = { query: `{ ${'node(id: "x") { ... on Node { id '.repeat(25)}${'} } '.repeat(25)} }` };

    it('application/json: 200 with the errors (parse, validation, coercion, query limits)', async () => {
      for (const body of [{ query: '{' }, unknownField, { query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: null } }, tooDeep]) {
        const answer = await post(body, 'application/json');
        assert.equal(answer.status, 200, answer.text);
        assert.match(String(answer.headers['content-type']), /^application\/json/);
        assert.equal('data' in JSON.parse(answer.text), false);
        assert.ok(errorsOf(answer).length > 0);
      }
      assert.equal(errorsOf(await post(tooDeep, 'application/json'))[0]?.extensions?.code, 'QUERY_TOO_COMPLEX');
    });

    it('application/graphql-response+json (Apollo Client and urql send it first): 400', async () => {
      for (const accept of ['application/graphql-response+json', 'application/graphql-response+json, application/json;q=0.9']) {
        const answer = await post(unknownField, accept);
        assert.equal(answer.status, 400);
        assert.match(String(answer.headers['content-type']), /^application\/graphql-response\+json/);
      }
    });

    it('no Accept header: 400, as before (the spec reads it as graphql-response+json since 2025)', async () => {
      assert.equal((await post(unknownField)).status, 400);
      assert.equal((await post(tooDeep)).status, 400);
    });

    it('a malformed request stays 400 under application/json: it is not a well-formed GraphQL request', async () => {
      for (const body of [{ notquery: '{ __typename }' }, { query: 0 }, { query: '{ __typename }', variables: 'x' }]) {
        assert.equal((await post(body, 'application/json')).status, 400, JSON.stringify(body));
      }
    });
  });
});
