import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserSkip, CHROMIUM_MISSING, launchBrowser, servePage, staysLocal, type ServedPage, type TestBrowser } from '../support/browser';

describe('the browser harness', () => {
  it('skips with one line without chromium, and fails under CI', () => {
    const ci = process.env.CI;
    try {
      delete process.env.CI;
      assert.equal(browserSkip('/nonexistent/chromium'), CHROMIUM_MISSING);
      process.env.CI = 'true';
      assert.throws(() => browserSkip('/nonexistent/chromium'), /CI is set/);
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });

  it('lets loopback and data: URLs through, nothing else', () => {
    for (const url of ['http://127.0.0.1:4000/graphql', 'http://localhost:1/', 'http://[::1]:8080/x', 'data:image/png;base64,AA==', 'about:blank'])
      assert.equal(staysLocal(url), true, url);
    for (const url of ['https://unpkg.com/graphiql', 'http://127.0.0.2/', 'http://10.0.0.1/', 'http://localhost.example.com/', 'ws://example.com/'])
      assert.equal(staysLocal(url), false, url);
  });
});

describe('the browser harness in Chromium', { skip: browserSkip() }, () => {
  let browser: TestBrowser;
  let served: ServedPage;
  before(async () => {
    // a page that tries to leave loopback three ways: an image, a script, a fetch
    const html = `<!doctype html><title>leaky</title><img src="http://example.com/pixel.png"><script src="https://cdn.example.net/lib.js"></script>
<p id="done">loaded</p>`;
    [browser, served] = await Promise.all([launchBrowser(), servePage(html)]);
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  it('serves a page on a second loopback origin, and aborts and records every request that would leave loopback', async () => {
    const { page, close } = await browser.newPage();
    await page.goto(served.url, { waitUntil: 'load' });
    assert.equal(await page.$eval('#done', (p: { textContent: string | null }) => p.textContent), 'loaded');
    assert.notEqual(served.origin, '');
    const fetched = await page.evaluate(() =>
      fetch('https://api.example.org/data').then(
        () => 'reached',
        () => 'refused',
      ),
    );
    assert.equal(fetched, 'refused');
    assert.deepEqual([...browser.blocked].sort(), ['http://example.com/pixel.png', 'https://api.example.org/data', 'https://cdn.example.net/lib.js']);
    await close();
  });
});
