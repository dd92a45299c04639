import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { prefersHtml } from '../../src/http/ide/accept';
import { exampleTabs } from '../../src/http/ide/operations';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { IDLE_ACCOUNT } from './support';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8';
const KEY = 'ide-test-key-0123456789abcdef';

/** A GET and its body as text. */
async function get(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { headers });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

/** The `src`/`href` of the page's scripts and stylesheets, resolved against the page's URL. */
function assetUrls(html: string, pageUrl: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => new URL(m[1]!, pageUrl).href);
  const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => new URL(m[1]!, pageUrl).href);
  return { scripts, styles };
}

/** The `extensions.code` of a JSON error body's first error. */
const codeOf = (text: string) => (JSON.parse(text) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code;

/** The page's JSON config block (read by ide.js). */
function configOf(html: string): { tabs: { query: string }[]; needsKey: boolean; styleNonce: string } {
  const block = /<script id="vidmesh-ide-config" type="application\/json">([^<]*)<\/script>/.exec(html);
  assert.ok(block, 'the config block');
  return JSON.parse(block[1]!) as ReturnType<typeof configOf>;
}

describe('Accept negotiation for GET /graphql (as Apollo decided for its landing page)', () => {
  it('prefers HTML for browsers and explicit text/html, JSON for everything else', () => {
    assert.equal(prefersHtml(BROWSER_ACCEPT), true);
    assert.equal(prefersHtml('text/html'), true);
    assert.equal(prefersHtml('text/html, application/json'), true);
    for (const accept of [
      undefined,
      '',
      '*/*',
      'application/json',
      'application/graphql-response+json, application/json;q=0.9',
      'application/json, text/html',
      'text/html;q=0.5, application/json',
      'text/*;q=0.1, */*',
      'text/html;q=0, */*',
      'garbage',
    ]) {
      assert.equal(prefersHtml(accept), false, String(accept));
    }
  });
});

describe('the GraphiQL IDE over HTTP', () => {
  // gateways over an account that is never called: these tests ask only the front and `__typename`
  let stack: { gql: TestGateway; close(): Promise<void> };
  let keyed: typeof stack;
  let closed: typeof stack;
  const start = async (extra: Record<string, unknown> = {}) => {
    const gql = await startTestGateway([IDLE_ACCOUNT], extra);
    return { gql, close: () => gql.close() };
  };
  before(async () => {
    [stack, keyed, closed] = await Promise.all([
      start(),
      start({ apiKeys: [{ name: 'ide', key: KEY, accounts: [IDLE_ACCOUNT.id] }] }),
      start({ server: { host: '127.0.0.1', port: 0, introspection: false } }),
    ]);
  });
  after(() => Promise.all([stack.close(), keyed.close(), closed.close()]));

  it('answers a browser GET /graphql with the GraphiQL page: a tight CSP, nosniff, Vary: Accept', async () => {
    const page = await get(stack.gql.gateway.url, { accept: BROWSER_ACCEPT });
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['vary'], 'Accept');
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    // styles: 'self', and this response's nonce for the <style> GraphiQL's menus add
    const nonce = /style-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)'(;|$)/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.equal(configOf(page.text).styleNonce, nonce);
    const next = await get(stack.gql.gateway.url, { accept: BROWSER_ACCEPT });
    assert.notEqual(configOf(next.text).styleNonce, nonce, 'a nonce per response');
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(csp, /connect-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.match(page.text, /<div id="graphiql">/);
    // no inline script: only the JSON data block and served files
    for (const tag of page.text.match(/<script[^>]*>/g) ?? []) assert.match(tag, /type="application\/json"|src="/, tag);
  });

  it('names no other origin: every script and stylesheet is served by the gateway, and no URL points elsewhere', async () => {
    const page = await get(stack.gql.gateway.url, { accept: BROWSER_ACCEPT });
    const origin = new URL(stack.gql.gateway.url).origin;
    assert.doesNotMatch(page.text, /https?:\/\//, 'an absolute URL in the page');
    // Apollo's landing page (which loads from its CDN) is off
    assert.doesNotMatch(page.text, /apollographql|unpkg|jsdelivr|embeddable-sandbox/i);
    const { scripts, styles } = assetUrls(page.text, stack.gql.gateway.url);
    assert.equal(scripts.length, 4);
    assert.equal(styles.length, 2);
    for (const url of [...scripts, ...styles]) assert.equal(new URL(url).origin, origin, url);
  });

  it('serves the assets from the installed packages with their types, nosniff and a year of immutable caching', async () => {
    const page = await get(stack.gql.gateway.url, { accept: BROWSER_ACCEPT });
    const { scripts, styles } = assetUrls(page.text, stack.gql.gateway.url);
    const installed = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
    const expected = [
      ['react@', installed('react', 'umd/react.production.min.js')],
      ['react-dom@', installed('react-dom', 'umd/react-dom.production.min.js')],
      ['graphiql@', installed('graphiql', 'graphiql.min.js')],
    ] as const;
    for (const url of scripts) {
      const asset = await get(url);
      assert.equal(asset.status, 200, url);
      assert.equal(asset.headers['content-type'], 'text/javascript; charset=utf-8', url);
      assert.equal(asset.headers['x-content-type-options'], 'nosniff');
      assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(Number(asset.headers['content-length']), Buffer.byteLength(asset.text));
      for (const [prefix, file] of expected) {
        if (new URL(url).pathname.startsWith(`/graphql/ide/${prefix}`)) assert.equal(asset.text, readFileSync(file, 'utf8'), url);
      }
    }
    assert.match(scripts[2]!, /\/graphql\/ide\/graphiql@3\.[0-9.]+\/graphiql\.min\.js$/);
    for (const url of styles) {
      const asset = await get(url);
      assert.equal(asset.status, 200, url);
      assert.equal(asset.headers['content-type'], 'text/css; charset=utf-8', url);
    }
    // the versioned name's ETag: a revalidation costs no body
    const again = await get(scripts[0]!);
    const cached = await get(scripts[0]!, { 'if-none-match': String(again.headers.etag) });
    assert.equal(cached.status, 304);
    assert.equal(cached.text, '');
  });

  it('answers HEAD with the headers only; an unknown IDE file is 404 NOT_FOUND, a POST to one 405', async () => {
    const base = new URL('/graphql/ide/', stack.gql.gateway.url);
    const page = await get(stack.gql.gateway.url, { accept: BROWSER_ACCEPT });
    const css = assetUrls(page.text, stack.gql.gateway.url).styles[0]!;
    const head = await request(css, { method: 'HEAD' });
    await head.body.text();
    assert.equal(head.statusCode, 200);
    assert.ok(Number(head.headers['content-length']) > 10_000);
    const missing = await get(new URL('graphiql@3.9.0/../../../package.json', base).href);
    assert.equal(missing.status, 404);
    assert.equal(codeOf(missing.text), 'NOT_FOUND');
    const traversal = await get(`${base.href}react@18.3.1/..%2f..%2fpackage.json`);
    assert.equal(traversal.status, 404);
    const post = await request(css, { method: 'POST', body: '{}' });
    assert.equal(post.statusCode, 405);
    assert.equal(post.headers['allow'], 'GET, HEAD');
    assert.equal(((await post.body.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code, 'BAD_USER_INPUT');
  });

  it('preloads every example operation of schema/operations as a tab', async () => {
    const page = await get(stack.gql.gateway.url, { accept: BROWSER_ACCEPT });
    const config = configOf(page.text);
    assert.equal(config.needsKey, false);
    const tabs = exampleTabs();
    assert.ok(tabs.length >= 10, `${tabs.length} example files`);
    assert.deepEqual(config.tabs, tabs);
    assert.match(config.tabs[0]!.query, /^# schema\/operations\/accounts\/accounts\.graphql\nquery Accounts \{/);
  });

  it('keeps GraphQL-over-HTTP for every other Accept value and for POSTs', async () => {
    const query = `${stack.gql.gateway.url}?query=${encodeURIComponent('{ __typename }')}`;
    for (const accept of ['application/json', 'application/graphql-response+json', '*/*', 'application/json, text/html']) {
      const answer = await get(query, { accept, 'apollo-require-preflight': 'true' });
      assert.equal(answer.status, 200, accept);
      assert.match(String(answer.headers['content-type']), /^application\/(graphql-response\+)?json/, accept);
      assert.deepEqual(JSON.parse(answer.text), { data: { __typename: 'Query' } }, accept);
    }
    // CSRF prevention still refuses a GET without the preflight header
    const blocked = await get(query, { accept: 'application/json' });
    assert.equal(blocked.status, 400);
    assert.equal(codeOf(blocked.text), 'BAD_USER_INPUT');
    assert.match(blocked.text, /Apollo-Require-Preflight/);
    // POSTs are untouched, whatever they accept
    const posted = await stack.gql.raw(JSON.stringify({ query: '{ __typename }' }), { accept: BROWSER_ACCEPT });
    assert.deepEqual(posted, { status: 200, data: { __typename: 'Query' } });
  });

  it('with apiKeys, serves the page and its files without a key, says how to send one, and still guards GraphQL', async () => {
    const page = await get(keyed.gql.gateway.url, { accept: BROWSER_ACCEPT });
    assert.equal(page.status, 200);
    assert.match(page.text, /Authorization.*Bearer &lt;your key&gt;/);
    assert.equal(configOf(page.text).needsKey, true);
    for (const url of Object.values(assetUrls(page.text, keyed.gql.gateway.url)).flat()) assert.equal((await get(url)).status, 200, url);
    const refused = await keyed.gql.raw(JSON.stringify({ query: '{ __typename }' }));
    assert.equal(refused.status, 401);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const json = await get(`${keyed.gql.gateway.url}?query=${encodeURIComponent('{ __typename }')}`, { accept: 'application/json', 'apollo-require-preflight': 'true' });
    assert.equal(json.status, 401);
  });

  it('with introspection off, the page still loads and says so; introspection is refused with the server`s message', async () => {
    const page = await get(closed.gql.gateway.url, { accept: BROWSER_ACCEPT });
    assert.equal(page.status, 200);
    assert.match(page.text, /server\.introspection: false/);
    const refused = await closed.gql.raw(JSON.stringify({ query: '{ __schema { queryType { name } } }' }));
    assert.equal(refused.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });
});
