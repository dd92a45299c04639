import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Debian's chromium (`apt-get install -y chromium`), or `CHROMIUM_PATH`. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_MISSING = 'chromium not found: apt-get install -y chromium (browser tests skipped)';

/**
 * For `describe(name, { skip: browserSkip() }, …)`: false when chromium is there; otherwise the one
 * line the test reporter prints — except under CI, where a missing browser is a failure, not a skip.
 */
export function browserSkip(executable = CHROMIUM): string | false {
  try {
    accessSync(executable, constants.X_OK);
    return false;
  } catch {
    if (process.env.CI) throw new Error(`${executable} not found or not executable, and CI is set: browser tests must run (apt-get install -y chromium)`);
    return CHROMIUM_MISSING;
  }
}

/** Hosts a test page may reach: loopback only. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for URLs that never touch the network (data:, blob:, about:) or that stay on loopback. */
export function staysLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return LOOPBACK.has(parsed.hostname);
}

/** What a page said: console lines and uncaught errors, for assertions and failure messages. */
export interface PageLog {
  readonly console: { type: string; text: string }[];
  readonly errors: string[];
}

/** A headless chromium whose pages reach loopback only; `blocked` lists every request that tried to leave. */
export interface TestBrowser {
  readonly browser: Browser;
  /** URLs aborted because their host was not loopback, in order, over all pages. */
  readonly blocked: string[];
  /**
   * A new page in a context of its own (no cookies or localStorage shared with other pages: GraphiQL
   * keeps its tabs there), with the loopback-only interception on, and its log; `close` ends both.
   */
  newPage(): Promise<{ page: Page; log: PageLog; close: () => Promise<void> }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'vidmesh-chromium-'));
  const blocked: string[] = [];
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      // a pipe, not a DevTools port: nothing else on the machine can talk to this browser
      pipe: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${userDataDir}`,
        // a second fence below the interception: no name but loopback resolves, whatever asks
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]',
      ],
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    blocked,
    async newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const log: PageLog = { console: [], errors: [] };
      page.on('console', (message) => log.console.push({ type: message.type(), text: message.text() }));
      page.on('pageerror', (error) => log.errors.push(String(error)));
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.isInterceptResolutionHandled()) return;
        if (staysLocal(request.url())) return void request.continue();
        blocked.push(request.url());
        void request.abort('blockedbyclient');
      });
      return { page, log, close: () => context.close() };
    },
    async close() {
      try {
        await browser.close();
      } finally {
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}

/** A page on its own loopback origin (another port): the second origin of cross-origin tests. */
export interface ServedPage {
  /** The page's URL (`http://127.0.0.1:<port>/`). */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `html` at `/` (and 404 elsewhere) on an ephemeral loopback port. */
export async function servePage(html: string): Promise<ServedPage> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/' || req.url?.startsWith('/?'))) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
