import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { csrfRefusal } from '../../src/http/csrf';
import { errorsOf, startFront } from './support';

describe('CSRF prevention: the refusal says what to add', () => {
  let front: Awaited<ReturnType<typeof startFront>>;
  before(async () => (front = await startFront()));
  after(() => front.close());
  const query = `/graphql?query=${encodeURIComponent('{ __typename }')}`;

  it('a GET (urql’s preferGetMethod) without a preflight header: 400 BAD_USER_INPUT naming the header', async () => {
    const answer = await front.send(query);
    assert.equal(answer.status, 400);
    const [error] = errorsOf(answer);
    assert.equal(error?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(error!.message, /`Apollo-Require-Preflight: true`/);
    assert.match(error!.message, /`Content-Type: application\/json`/);
    assert.match(error!.message, /CSRF/);
  });

  it('a GET with the header runs', async () => {
    for (const header of ['apollo-require-preflight', 'x-apollo-operation-name']) {
      const answer = await front.send(query, { headers: { [header]: 'true' } });
      assert.equal(answer.status, 200, header);
      assert.deepEqual(JSON.parse(answer.text), { data: { __typename: 'Query' } });
    }
  });

  it('a multipart upload (apollo-upload-client without the header) is told to add it', async () => {
    const answer = await front.send('/graphql', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=B' }, body: '--B--\r\n' });
    assert.equal(answer.status, 400);
    assert.match(errorsOf(answer)[0]!.message, /^multipart uploads need the header `Apollo-Require-Preflight: true`/);
  });

  it('a form or text POST is told to send JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const answer = await front.send('/graphql', { method: 'POST', headers: { 'content-type': type }, body: '{"query":"{ __typename }"}' });
      assert.equal(answer.status, 400);
      assert.match(errorsOf(answer)[0]!.message, new RegExp(`^send \`Content-Type: application/json\` \\(not ${type}\\)`));
    }
  });

  it('follows Apollo’s rule: any non-simple content type, or a non-empty preflight header', () => {
    assert.equal(csrfRefusal('POST', { 'content-type': 'application/json' }), null);
    assert.equal(csrfRefusal('POST', { 'content-type': 'application/graphql-response+json; charset=utf-8' }), null);
    assert.equal(csrfRefusal('POST', { 'content-type': 'Text/Plain; charset=utf-8', 'apollo-require-preflight': '1' }), null);
    assert.notEqual(csrfRefusal('POST', { 'content-type': 'Text/Plain; charset=utf-8' }), null);
    assert.notEqual(csrfRefusal('GET', { 'apollo-require-preflight': '' }), null);
    assert.notEqual(csrfRefusal('POST', {}), null);
  });
});
