import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { OPEN_PRINCIPAL } from '../../src/context';
import { VidmeshError } from '../../src/errors';
import { createErrorFormatter, loggableError, redactText } from '../../src/errors/format';
import { ApiKeyAuthenticator } from '../../src/security/auth';
import { checkBatch } from '../../src/security/batch';

describe('redactText', () => {
  it('removes known secrets, the longest first', () => {
    assert.equal(redactText('a s3cret-long b s3cret c', ['s3cret', 's3cret-long']), 'a [redacted] b [redacted] c');
  });

  it('removes credentials and query strings from URLs, and signature-like parameters', () => {
    assert.equal(
      redactText('GET https://u:p@api.example.com/v2/videos.json?access_key=a&signature=b failed'),
      'GET https://[redacted]@api.example.com/v2/videos.json?[redacted] failed',
    );
    assert.equal(redactText('bad signature=abc%3D and api_key=xyz'), 'bad signature=[redacted] and api_key=[redacted]');
    assert.equal(redactText('see https://example.com/docs/errors'), 'see https://example.com/docs/errors', 'a plain URL stays');
  });

  it('removes stack traces, raw or JSON-escaped, and lone frames', () => {
    assert.equal(redactText('boom\n    at f (/a/b.js:1:2)\n    at g (/a/c.js:3:4)'), 'boom');
    assert.equal(redactText('{"m":"boom\\n    at f (/a/b.js:1:2)"}'), '{"m":"boom');
    assert.equal(redactText('boom at Object.handler (/srv/x.js:10:5) then'), 'boom then');
    assert.equal(redactText('failed at node:internal/process:1:2'), 'failed');
  });
});

describe('createErrorFormatter', () => {
  const format = createErrorFormatter({ secrets: ['top-secret-value'], hideSuggestions: true });

  it('keeps a VidmeshError’s code and extensions, redacted, without the http extension', () => {
    const error = new VidmeshError('PROVIDER_REJECTED', 'panda: top-secret-value refused', {
      account: 'a',
      provider: 'panda',
      httpStatus: 502,
      extra: { providerData: 'x top-secret-value' },
    });
    assert.deepEqual(format(error.toJSON(), error), {
      message: 'panda: [redacted] refused',
      extensions: { code: 'PROVIDER_REJECTED', account: 'a', provider: 'panda', providerData: 'x [redacted]' },
    });
  });

  it('finds a VidmeshError under Apollo’s validation wrapper', () => {
    const own = new VidmeshError('QUERY_TOO_COMPLEX', 'too deep', { httpStatus: 400, extra: { limit: 'maxDepth' } });
    const wrapped = new GraphQLError(own.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, originalError: own });
    assert.deepEqual(format(wrapped.toJSON(), wrapped), { message: 'too deep', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxDepth' } });
  });

  it('maps request errors to BAD_USER_INPUT, drops suggestions and cuts long messages', () => {
    const hint = { message: 'Cannot query field "vidoes" on type "Query". Did you mean "videos"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    assert.deepEqual(format(hint, new GraphQLError(hint.message)), {
      message: 'Cannot query field "vidoes" on type "Query".',
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const long = { message: `Variable "$x" got invalid value "${'a'.repeat(5000)}"`, extensions: { code: 'BAD_USER_INPUT' } };
    assert.ok(format(long, new GraphQLError(long.message)).message.length <= 1001);
  });

  it('masks anything else as INTERNAL_SERVER_ERROR, keeping only the path', () => {
    const formatted = { message: 'TypeError: x is undefined top-secret-value', path: ['videos'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } };
    assert.deepEqual(format(formatted, new Error(formatted.message)), { message: 'Internal server error', path: ['videos'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('loggableError', () => {
  it('keeps class, code and a redacted message; drops the stack', () => {
    const error = Object.assign(new Error('connect to https://h/x?signature=abc with k3y-secret failed'), { code: 'ECONNRESET' });
    assert.deepEqual(loggableError(error, ['k3y-secret']), { type: 'Error', message: 'connect to https://h/x?[redacted] with [redacted] failed', code: 'ECONNRESET' });
    assert.deepEqual(loggableError('plain'), { type: 'string', message: 'plain' });
  });
});

describe('ApiKeyAuthenticator', () => {
  const keys = [
    { name: 'one', key: 'key-one-0123456789abcdef', accounts: ['a'] },
    { name: 'two', key: 'key-two-0123456789abcdef', accounts: ['b', 'c'] },
  ];
  const auth = new ApiKeyAuthenticator(keys);

  it('is open without apiKeys', () => {
    assert.equal(new ApiKeyAuthenticator(undefined).authenticate(undefined), OPEN_PRINCIPAL);
  });

  it('finds the key’s principal and its accounts', () => {
    const principal = auth.authenticate('Bearer key-two-0123456789abcdef');
    assert.ok(!(principal instanceof VidmeshError));
    assert.equal(principal.name, 'two');
    assert.deepEqual([...principal.accounts!], ['b', 'c']);
  });

  it('refuses with UNAUTHENTICATED and HTTP 401, never echoing the key', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer key-one-0123456789abcde', 'Token key-one-0123456789abcdef', 'Bearer a b']) {
      const refused = auth.authenticate(header);
      assert.ok(refused instanceof VidmeshError, String(header));
      assert.equal(refused.code, 'UNAUTHENTICATED');
      assert.deepEqual(refused.extensions.http, { status: 401 });
      assert.ok(!refused.message.includes('key-one'));
    }
  });
});

describe('checkBatch', () => {
  const limits = { maxDepth: 20, maxComplexity: 100, maxAliases: 30, maxRootFields: 20, maxBatchedOperations: 2, listWeight: 10, maxStringLength: 1000, costPerSecond: 0 };
  it('refuses empty and oversized batches', () => {
    assert.equal(checkBatch([{}], limits), null);
    assert.equal(checkBatch([{}, {}], limits), null);
    assert.equal(checkBatch([], limits)?.code, 'BAD_USER_INPUT');
    assert.equal(checkBatch([{}, {}, {}], limits)?.code, 'QUERY_TOO_COMPLEX');
  });
});
