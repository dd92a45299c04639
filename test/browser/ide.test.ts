import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserSkip, launchBrowser, type PageLog, type TestBrowser } from '../support/browser';
import { FourProviders } from '../support/four-providers';
import { startPandaStack, type PandaStack } from '../support/panda-stack';
import { headersText, openIde, queryText, resultText, runQuery, selectTab, tabTitles, typeHeaders, typeQuery, waitForResult } from './graphiql';

const KEY = 'browser-ide-key-0123456789abcdef';

/** The page ran without uncaught errors and without the CSP refusing anything. */
function assertCleanLog(log: PageLog): void {
  assert.deepEqual(log.errors, []);
  const refused = log.console.filter((m) => /Content Security Policy|Refused to/i.test(m.text));
  assert.deepEqual(refused, []);
}

describe('GraphiQL in Chromium, served by the gateway', { skip: browserSkip() }, () => {
  let browser: TestBrowser;
  let four: FourProviders;
  let keyed: PandaStack;
  let closed: PandaStack;

  before(async () => {
    [browser, four, keyed, closed] = await Promise.all([
      launchBrowser(),
      FourProviders.start(),
      startPandaStack({ gatewayConfig: { apiKeys: [{ name: 'ide', key: KEY, accounts: ['alpha'] }] } }),
      startPandaStack({ gatewayConfig: { server: { host: '127.0.0.1', port: 0, introspection: false } } }),
    ]);
    four.seed(5);
  });
  after(async () => {
    await browser?.close();
    await Promise.all([four?.close(), keyed?.close(), closed?.close()]);
  });

  it('runs a preloaded example tab against the four providers, with nothing fetched beyond loopback', async () => {
    const { page, log, close } = await browser.newPage();
    await openIde(page, four.gql.gateway.url);
    const titles = await tabTitles(page);
    assert.equal(titles[0], 'Accounts');
    assert.ok(titles.includes('DashboardStatusOverview'), JSON.stringify(titles));
    await selectTab(page, 'DashboardStatusOverview');
    assert.match(await queryText(page), /^# schema\/operations\/dashboard\/status-overview\.graphql\n/);
    const result = JSON.parse(await runQuery(page)) as { data?: { videoStats: { account: { id: string }; total: number }[] }; errors?: unknown };
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data?.videoStats.map((s) => [s.account.id, s.total]).sort(), [
      ['dm', 5],
      ['pa', 5],
      ['ts', 5],
      ['zg', 5],
    ]);
    assertCleanLog(log);
    assert.deepEqual(browser.blocked, []);
    await close();
  });

  it('runs one operation of a tab holding several, picked from the run menu (whose <style> the CSP nonce allows)', async () => {
    const { page, log, close } = await browser.newPage();
    await openIde(page, four.gql.gateway.url);
    assert.match(await queryText(page), /^# schema\/operations\/accounts\/accounts\.graphql\nquery Accounts \{/);
    const result = JSON.parse(await runQuery(page, 'Accounts')) as { data?: { accounts: { id: string; provider: string }[] }; errors?: unknown };
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data?.accounts.map((a) => `${a.id}:${a.provider}`).sort(), ['dm:DAILYMOTION', 'pa:PANDA', 'ts:TELESTREAM', 'zg:ZIGGEO']);
    assertCleanLog(log);
    assert.deepEqual(browser.blocked, []);
    await close();
  });

  it('runs a typed query in a new tab', async () => {
    const { page, log, close } = await browser.newPage();
    await openIde(page, four.gql.gateway.url);
    await page.locator('button[aria-label="Add tab"]').click();
    await typeQuery(page, '{ videos(first: 3) { nodes { title account { id } } } }');
    const result = JSON.parse(await runQuery(page)) as { data?: { videos: { nodes: { title: string }[] } }; errors?: unknown };
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.equal(result.data?.videos.nodes.length, 3);
    assertCleanLog(log);
    assert.deepEqual(browser.blocked, []);
    await close();
  });

  it('with apiKeys: loads without a key, refuses queries until the key is set in the Headers editor, then answers', async () => {
    const { page, log, close } = await browser.newPage();
    await openIde(page, keyed.gql.gateway.url);
    assert.match(await page.$eval('.vidmesh-ide-hint', (p: { textContent: string | null }) => p.textContent ?? ''), /Authorization.*Bearer <your key>/);
    await typeQuery(page, '{ accounts { id } }');
    const refused = JSON.parse(await runQuery(page)) as { errors?: { extensions?: { code?: string } }[] };
    assert.equal(refused.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');

    await typeHeaders(page, `{"Authorization": "Bearer ${KEY}"}`);
    assert.deepEqual(JSON.parse(await headersText(page)), { Authorization: `Bearer ${KEY}` });
    const answered = JSON.parse(await runQuery(page)) as { data?: { accounts: { id: string }[] }; errors?: unknown };
    assert.equal(answered.errors, undefined, JSON.stringify(answered.errors));
    // the key sees `alpha` only: the header reached the gateway
    assert.deepEqual(answered.data, { accounts: [{ id: 'alpha' }] });
    assert.deepEqual(browser.blocked, []);
    assertCleanLog(log);
    await close();
  });

  it('with introspection off: the IDE loads, shows the server`s refusal, and queries still run', async () => {
    const { page, log, close } = await browser.newPage();
    await openIde(page, closed.gql.gateway.url);
    assert.match(await waitForResult(page), /introspection is disabled on this server \(server\.introspection\)/);
    await typeQuery(page, '{ accounts { id } }');
    const answered = JSON.parse(await runQuery(page)) as { data?: { accounts: { id: string }[] } };
    assert.deepEqual(answered.data?.accounts.map((a) => a.id).sort(), ['alpha', 'beta']);
    assert.equal((await resultText(page)).includes('"data"'), true);
    assertCleanLog(log);
    assert.deepEqual(browser.blocked, []);
    await close();
  });
});
