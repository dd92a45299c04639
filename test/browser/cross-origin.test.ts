import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { fromGlobalId } from '../../src/domain/ids';
import { createLogger } from '../../src/observability/logger';
import { browserSkip, launchBrowser, servePage, type PageLog, type ServedPage, type TestBrowser } from '../support/browser';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { eventually, startUploadStack, type UploadStack } from '../uploads/support';
import { CROSS_ORIGIN_APP_HTML, type CrossOriginApp } from './cross-origin-app';

const MiB = 1024 * 1024;
const ACCOUNTS = ['panda', 'tc', 'dm', 'zig'] as const;
type Account = (typeof ACCOUNTS)[number];

/** The page's global: what its own script offers (the page's code does the fetching). */
type AppWindow = { app: CrossOriginApp };

/** The lines the page logged that are errors, but for the CORS refusals `expected` names. */
function unexpectedErrors(log: PageLog, expected: RegExp | null): string[] {
  const errors = [...log.errors, ...log.console.filter((m) => m.type === 'error').map((m) => m.text)];
  return expected ? errors.filter((text) => !expected.test(text)) : errors;
}

/**
 * Issue 14: a browser app on another origin than the gateway (its own loopback port) runs a query,
 * an upload through the gateway, and direct uploads straight to each provider's emulator with plain
 * fetch; a page on an origin `server.cors` leaves out reads nothing and makes the gateway do nothing.
 */
describe('a browser app on another origin', { skip: browserSkip() }, () => {
  let browser: TestBrowser;
  let stack: UploadStack;
  let allowed: ServedPage;
  let forbidden: ServedPage;
  /** A gateway that lets `allowed` in and nothing else, and what it logged per GraphQL request. */
  let strict: TestGateway;
  const strictLines: { method?: string; status?: number; operation?: string | null }[] = [];
  let current: { page: Page; log: PageLog; close: () => Promise<void> } | null = null;

  before(async () => {
    [browser, stack, allowed, forbidden] = await Promise.all([launchBrowser(), startUploadStack(), servePage(CROSS_ORIGIN_APP_HTML), servePage(CROSS_ORIGIN_APP_HTML)]);
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void strictLines.push(JSON.parse(line) as (typeof strictLines)[number]) } });
    strict = await startTestGateway(stack.accounts, { server: { host: '127.0.0.1', port: 0, cors: { origins: [allowed.origin] } } }, { logger });
  });
  after(async () => {
    await browser?.close();
    await strict?.close();
    await Promise.all([stack?.close(), allowed?.close(), forbidden?.close()]);
  });
  afterEach(async () => {
    await current?.close();
    current = null;
  });

  async function open(served: ServedPage): Promise<{ page: Page; log: PageLog }> {
    current = await browser.newPage();
    await current.page.goto(served.url, { waitUntil: 'load' });
    assert.equal(await current.page.$eval('#state', (p: { textContent: string | null }) => p.textContent), 'ready');
    return current;
  }

  /** The provider holds a video with exactly these bytes under this global id. */
  function holds(account: Account, videoId: string, sha256: string): boolean {
    const { nativeId } = fromGlobalId(videoId);
    if (account === 'panda' || account === 'tc') {
      const emulator = account === 'panda' ? stack.panda : stack.telestream;
      const scope = account === 'panda' ? stack.panda.accounts[0]!.cloudId : stack.telestream.accounts[0]!.factoryId;
      return emulator.store.cloud(scope)?.videos.get(nativeId)?.upload?.sha256 === sha256;
    }
    if (account === 'dm') {
      const user = stack.dailymotion.store.users.get(stack.dailymotion.accounts[0]!.userId);
      return Boolean(user?.media.has(nativeId)) && [...stack.dailymotion.store.files.values()].some((f) => f.sha256 === sha256);
    }
    const video = stack.ziggeo.store.app(stack.ziggeo.accounts[0]!.token).videos.get(nativeId);
    return video !== undefined && stack.ziggeo.store.mainStream(video)?.video?.sha256 === sha256;
  }

  it('runs a JSON query against the gateway (default CORS: loopback origins)', async () => {
    const { page, log } = await open(allowed);
    const answer = await page.evaluate((url) => (globalThis as unknown as AppWindow).app.gql(url, '{ accounts { id provider } }'), stack.gql.gateway.url);
    assert.equal(answer.error, undefined);
    assert.equal(answer.status, 200);
    const accounts = (answer.body?.data?.accounts ?? []) as { id: string }[];
    assert.deepEqual(accounts.map((a) => a.id).sort(), [...ACCOUNTS].sort());
    assert.deepEqual(unexpectedErrors(log, null), []);
    assert.deepEqual(browser.blocked, []);
  });

  it('uploads a File through the gateway as a GraphQL multipart request, to each provider', async () => {
    const { page, log } = await open(allowed);
    for (const [i, account] of ACCOUNTS.entries()) {
      const sent = await page.evaluate((url, acc, seed) => (globalThis as unknown as AppWindow).app.uploadVideo(url, acc, 300_000, seed), stack.gql.gateway.url, account, 100 + i);
      assert.equal(sent.error, undefined, account);
      assert.equal(sent.body?.errors, undefined, `${account}: ${JSON.stringify(sent.body?.errors)}`);
      assert.ok(sent.videoId, account);
      assert.ok(holds(account, sent.videoId, sent.sha256), `${account}: the provider holds the page's bytes`);
    }
    assert.deepEqual(unexpectedErrors(log, null), []);
    assert.deepEqual(browser.blocked, []);
  });

  it('uploads straight to each provider with a ticket, then completes it on the gateway', async () => {
    const { page, log } = await open(allowed);
    const sizes: Record<Account, number> = { panda: 6 * MiB + 5, tc: 11 * MiB, dm: 2 * MiB, zig: MiB + 3 };
    const protocols: Record<Account, string> = { panda: 'RESUMABLE_SESSION', tc: 'MULTI_PART_SESSION', dm: 'MULTIPART_FORM', zig: 'MULTIPART_FORM' };
    for (const [i, account] of ACCOUNTS.entries()) {
      const done = await page.evaluate(
        (url, acc, size, seed) => (globalThis as unknown as AppWindow).app.directUpload(url, acc, size, seed),
        stack.gql.gateway.url,
        account,
        sizes[account],
        200 + i,
      );
      assert.equal(done.protocol, protocols[account]);
      assert.ok(done.videoId, account);
      assert.ok(holds(account, done.videoId, done.sha256), `${account}: the provider holds the page's bytes`);
      // the page read what the providers answered: Panda's Range after a chunk
      if (account === 'panda') assert.deepEqual(done.steps, [`204 range 0-${5 * MiB - 1}`, `200 range 0-${sizes.panda - 1}`]);
    }
    assert.deepEqual(unexpectedErrors(log, null), []);
    assert.deepEqual(browser.blocked, []);
  });

  it("Panda, Telestream: opens a session itself with the ticket's signed request (panda_uploader's flow), then fills it", async () => {
    const { page, log } = await open(allowed);
    for (const [i, account] of (['panda', 'tc'] as const).entries()) {
      const done = await page.evaluate(
        (url, acc, size, seed) => (globalThis as unknown as AppWindow).app.signedSession(url, acc, size, seed),
        stack.gql.gateway.url,
        account,
        6 * MiB,
        300 + i,
      );
      assert.equal(done.steps[0], '201', account);
      assert.ok(done.videoId, `${account}: the last request answered the video`);
      const emulator = account === 'panda' ? stack.panda : stack.telestream;
      const scope = account === 'panda' ? stack.panda.accounts[0]!.cloudId : stack.telestream.accounts[0]!.factoryId;
      assert.equal(emulator.store.cloud(scope)?.videos.get(done.videoId)?.upload?.sha256, done.sha256, account);
    }
    assert.deepEqual(unexpectedErrors(log, null), []);
    assert.deepEqual(browser.blocked, []);
  });

  it('an origin server.cors leaves out reads no answer, and its preflighted mutations never run', async () => {
    // the allowed page works against the strict gateway: the refusal below is about the origin
    const ok = await open(allowed);
    const answered = await ok.page.evaluate((url) => (globalThis as unknown as AppWindow).app.gql(url, '{ accounts { id } }'), strict.gateway.url);
    assert.equal(answered.status, 200, answered.error);
    await current!.close();
    current = null;

    const { page, log } = await open(forbidden);
    stack.clearLogs();
    strictLines.length = 0;
    const query = await page.evaluate((url) => (globalThis as unknown as AppWindow).app.gql(url, '{ accounts { id } }'), strict.gateway.url);
    assert.match(query.error ?? '', /TypeError: Failed to fetch/);
    const create = await page.evaluate(
      (url) =>
        (globalThis as unknown as AppWindow).app.gql(url, 'mutation ($input: CreateVideoInput!) { createVideo(input: $input) { video { id } } }', {
          input: { account: 'panda', sourceUrl: 'http://127.0.0.1:9/x.mp4' },
        }),
      strict.gateway.url,
    );
    assert.match(create.error ?? '', /TypeError: Failed to fetch/);
    const upload = await page.evaluate((url) => (globalThis as unknown as AppWindow).app.uploadVideo(url, 'panda', 1000, 400), strict.gateway.url);
    assert.match(upload.error ?? '', /TypeError: Failed to fetch/);
    // only the preflights reached the gateway; no provider was called (a line is written once its answer is sent)
    await eventually(() => strictLines.length >= 3);
    assert.deepEqual(
      strictLines.map((l) => l.method),
      ['OPTIONS', 'OPTIONS', 'OPTIONS'],
    );
    assert.equal(stack.upstreamCalls(), 0);
    const quoted = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const refusal = new RegExp(
      `^(Access to fetch at '${quoted(strict.gateway.url)}' from origin '${quoted(forbidden.origin)}' has been blocked by CORS policy|Failed to load resource: net::ERR_FAILED)`,
    );
    assert.deepEqual(unexpectedErrors(log, refusal), []);
    assert.ok(
      log.console.some((m) => refusal.test(m.text)),
      'the browser said why',
    );
    assert.deepEqual(browser.blocked, []);
  });
});
