import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigError, parseConfig } from '../../src/config';
import { originMatcher } from '../../src/http/cors';
import { IDLE_ACCOUNT, startFront, type Answer } from './support';

const preflight = (origin: string, headers: Record<string, string> = {}) => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization', ...headers },
});
const allowed = (answer: Answer) => answer.headers['access-control-allow-origin'];
const list = (value: string | string[] | undefined) =>
  String(value ?? '')
    .toLowerCase()
    .split(/\s*,\s*/);
const typename = JSON.stringify({ query: '{ __typename }' });

describe('CORS (server.cors)', () => {
  describe('default: loopback origins on any port', () => {
    let front: Awaited<ReturnType<typeof startFront>>;
    before(async () => (front = await startFront()));
    after(() => front.close());

    it('answers a preflight from a loopback origin before the CSRF rule (204, not a 400 CSRF error)', async () => {
      for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'http://localhost']) {
        const answer = await front.send('/graphql', preflight(origin));
        assert.equal(answer.status, 204, origin);
        assert.equal(answer.text, '');
        assert.equal(allowed(answer), origin);
        assert.ok(list(answer.headers.vary).includes('origin'));
        assert.ok(list(answer.headers['access-control-allow-methods']).includes('post'));
        assert.deepEqual(list(answer.headers['access-control-allow-headers']), ['content-type', 'authorization']);
        assert.equal(answer.headers['access-control-max-age'], '600');
        assert.equal(answer.headers['access-control-allow-credentials'], undefined);
      }
    });

    it('gives other origins no CORS permission', async () => {
      for (const origin of ['https://evil.example', 'http://localhost.evil.example:80', 'https://localhost:5173', 'http://127.0.0.1.nip.io:3000', 'null']) {
        const answer = await front.send('/graphql', preflight(origin));
        assert.equal(allowed(answer), undefined, origin);
        const actual = await front.send('/graphql', { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: typename });
        assert.equal(actual.status, 200, 'the request itself runs: only the browser withholds the answer');
        assert.equal(allowed(actual), undefined, origin);
      }
    });

    it('puts the CORS headers on actual answers, exposing the headers clients read', async () => {
      const answer = await front.send('/graphql', { method: 'POST', headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' }, body: typename });
      assert.equal(answer.status, 200);
      assert.equal(allowed(answer), 'http://localhost:5173');
      const exposed = list(answer.headers['access-control-expose-headers']);
      for (const name of ['content-range', 'content-length', 'accept-ranges', 'retry-after', 'x-request-id']) assert.ok(exposed.includes(name), name);
    });

    it('does not apply to the operational routes', async () => {
      const answer = await front.send('/healthz', { headers: { origin: 'http://localhost:5173' } });
      assert.equal(answer.status, 200);
      assert.equal(allowed(answer), undefined);
    });

    it('covers the download route: preflight and answers', async () => {
      const pre = await front.send('/downloads/abc.def', {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'range' },
      });
      assert.equal(pre.status, 204);
      assert.equal(allowed(pre), 'http://localhost:5173');
      assert.deepEqual(list(pre.headers['access-control-allow-headers']), ['range']);
      const get = await front.send('/downloads/abc.def', { headers: { origin: 'http://localhost:5173' } });
      assert.ok(get.status >= 400, 'a worthless token is refused');
      assert.equal(allowed(get), 'http://localhost:5173', 'and the page can read why');
    });

    it('preflights and answers multipart requests (uploads)', async () => {
      const pre = await front.send('/graphql', preflight('http://localhost:5173', { 'access-control-request-headers': 'apollo-require-preflight' }));
      assert.equal(pre.status, 204);
      assert.deepEqual(list(pre.headers['access-control-allow-headers']), ['apollo-require-preflight']);
      const boundary = 'B0undary';
      const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const body = `${part('operations', typename)}${part('map', '{}')}--${boundary}--\r\n`;
      const headers = { origin: 'http://localhost:5173', 'content-type': `multipart/form-data; boundary=${boundary}`, 'apollo-require-preflight': 'true' };
      const answer = await front.send('/graphql', { method: 'POST', headers, body });
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(JSON.parse(answer.text), { data: { __typename: 'Query' } });
      assert.equal(allowed(answer), 'http://localhost:5173');
    });
  });

  describe('configured: exact origins, * patterns, regular expressions, credentials', () => {
    let front: Awaited<ReturnType<typeof startFront>>;
    before(async () => {
      front = await startFront({
        cors: {
          origins: ['https://app.example.com', 'https://*.example.org', '/^https:\\/\\/preview-\\d+\\.example\\.net$/'],
          credentials: true,
          maxAge: 120,
          exposedHeaders: ['X-Custom'],
          allowedHeaders: ['x-trace'],
        },
      });
    });
    after(() => front.close());

    it('allows exactly the configured origins', async () => {
      const cases: [string, boolean][] = [
        ['https://app.example.com', true],
        ['https://app.example.com:8443', false],
        ['http://app.example.com', false],
        ['https://a.example.org', true],
        ['https://a.b.example.org', true],
        ['https://example.org', false],
        ['https://evil.com?.example.org', false],
        ['https://example.org.evil.com', false],
        ['https://preview-42.example.net', true],
        ['https://preview-x.example.net', false],
        ['http://localhost:5173', false],
      ];
      for (const [origin, ok] of cases) {
        const answer = await front.send('/graphql', preflight(origin));
        assert.equal(allowed(answer), ok ? origin : undefined, origin);
      }
    });

    it('sends credentials, max-age, and the configured headers beside the gateway’s own', async () => {
      const pre = await front.send('/graphql', preflight('https://app.example.com'));
      assert.equal(pre.headers['access-control-allow-credentials'], 'true');
      assert.equal(pre.headers['access-control-max-age'], '120');
      const allowedHeaders = list(pre.headers['access-control-allow-headers']);
      for (const name of ['x-trace', 'content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name']) assert.ok(allowedHeaders.includes(name), name);
      const actual = await front.send('/graphql', { method: 'POST', headers: { origin: 'https://app.example.com', 'content-type': 'application/json' }, body: typename });
      assert.equal(actual.headers['access-control-allow-credentials'], 'true');
      const exposed = list(actual.headers['access-control-expose-headers']);
      assert.ok(exposed.includes('x-custom') && exposed.includes('content-range'));
    });
  });

  describe('server.cors: false', () => {
    let front: Awaited<ReturnType<typeof startFront>>;
    before(async () => (front = await startFront({ cors: false })));
    after(() => front.close());

    it('sends no CORS headers, not even to loopback origins', async () => {
      const pre = await front.send('/graphql', preflight('http://localhost:5173'));
      assert.equal(allowed(pre), undefined);
      assert.notEqual(pre.status, 204);
      const actual = await front.send('/graphql', { method: 'POST', headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' }, body: typename });
      assert.equal(actual.status, 200);
      assert.equal(allowed(actual), undefined);
      assert.equal(actual.headers.vary, undefined);
    });
  });

  describe('configuration', () => {
    const problems = (cors: unknown): string[] => {
      try {
        parseConfig({ server: { cors }, accounts: [IDLE_ACCOUNT] }, 'test');
        return [];
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        return [...error.problems];
      }
    };

    it('names the path of each problem', () => {
      assert.deepEqual(problems({ origins: ['https://ok.example', 'https://app.example.com/'] }).length, 1);
      assert.match(problems({ origins: ['https://ok.example', 'https://app.example.com/'] })[0]!, /^server\.cors\.origins\[1\]: an origin without path/);
      assert.match(problems({ origins: ['/unclosed(/'] })[0]!, /^server\.cors\.origins\[0\]: /);
      assert.match(problems({ origins: ['*'], credentials: true })[0]!, /^server\.cors\.origins: "\*" cannot be combined with credentials/);
      assert.match(problems({ origins: [] })[0]!, /^server\.cors\.origins: at least one origin/);
      assert.match(problems({ origins: ['*'], maxAge: -1 })[0]!, /^server\.cors\.maxAge: /);
      assert.match(problems({ origins: ['*'], exposedHeaders: ['bad header'] })[0]!, /^server\.cors\.exposedHeaders\[0\]: a header name/);
      assert.match(problems({ origins: ['*'], wildcard: true })[0]!, /^server\.cors: unknown key wildcard/);
      assert.match(problems(true)[0]!, /^server\.cors: false, or \{ "origins"/);
      assert.deepEqual(problems(false), []);
      assert.deepEqual(problems({ origins: ['*'] }), []);
    });

    it('reads patterns as anchored matchers', () => {
      const wild = originMatcher('https://*.example.com') as RegExp;
      assert.ok(wild.test('https://a.example.com') && wild.test('https://A.B.example.com'));
      assert.ok(!wild.test('https://example.com') && !wild.test('https://a.example.com.evil') && !wild.test('https://a/b.example.com'));
      const port = originMatcher('http://[::1]:*') as RegExp;
      assert.ok(port.test('http://[::1]:3000') && port.test('http://[::1]') && !port.test('http://[::1]:x'));
      assert.equal(originMatcher('HTTPS://App.Example.com'), 'https://app.example.com');
      assert.deepEqual(originMatcher('/^https:\\/\\/x$/i'), /^https:\/\/x$/i);
    });
  });
});
