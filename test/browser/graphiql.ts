import type { Page } from 'puppeteer-core';

/** How long the IDE may take on a shared 2-core machine: a megabyte of script to parse, then introspection. */
export const UI_TIMEOUT_MS = 60_000;

/** The page's `document`, inside functions puppeteer runs in the browser (this project compiles without the DOM lib). */
declare const document: { querySelector(selector: string): unknown };
/** What these helpers read of a DOM element. */
interface DomText {
  readonly textContent: string | null;
}

const EXECUTE = 'button[aria-label^="Execute query"]';
const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const HEADERS_EDITOR = 'section.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
const RESULT = 'section.result-window .CodeMirror';

/** Opens the IDE at `url` and waits until GraphiQL has mounted its editors and run button. */
export async function openIde(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: UI_TIMEOUT_MS });
  await page.waitForSelector(EXECUTE, { visible: true, timeout: UI_TIMEOUT_MS });
  await page.waitForSelector(QUERY_EDITOR, { timeout: UI_TIMEOUT_MS });
}

/** The titles of GraphiQL's tabs, in order. */
export const tabTitles = (page: Page): Promise<string[]> => page.$$eval('.graphiql-tab-button', (buttons: DomText[]) => buttons.map((b) => (b.textContent ?? '').trim()));

/** Clicks the tab titled `title` (GraphiQL titles a tab by its first operation's name). */
export async function selectTab(page: Page, title: string): Promise<void> {
  const titles = await tabTitles(page);
  const index = titles.indexOf(title);
  if (index < 0) throw new Error(`no tab "${title}" among ${JSON.stringify(titles)}`);
  const tab = `.graphiql-tab:nth-child(${index + 1})`;
  await page.locator(`${tab} .graphiql-tab-button`).click();
  // the editors and the run button render anew for the tab: wait until it is the active one
  await page.waitForSelector(`${tab}.graphiql-tab-active`, { timeout: UI_TIMEOUT_MS });
}

/** A CodeMirror editor's whole text (the DOM shows only the lines in view). */
export const editorText = (page: Page, selector: string): Promise<string> =>
  page.$eval(selector, (el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());

export const queryText = (page: Page) => editorText(page, QUERY_EDITOR);
export const resultText = (page: Page) => editorText(page, RESULT);
export const headersText = (page: Page) => editorText(page, HEADERS_EDITOR);

/** Replaces an editor's text by typing it, as a user would (brackets typed over CodeMirror's auto-closed ones). */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  // the first line, top left: a tall editor's centre may lie under another panel
  await page
    .locator(selector)
    .setTimeout(UI_TIMEOUT_MS)
    .click({ offset: { x: 60, y: 12 } });
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  // a completion list opened by the typing would take the next Enter
  await page.keyboard.press('Escape');
}

export const typeQuery = (page: Page, text: string) => typeInto(page, QUERY_EDITOR, text);

/** Opens the Headers editor below the query and types `text` into it. */
export async function typeHeaders(page: Page, text: string): Promise<void> {
  await page.locator('button[data-name="headers"]').setTimeout(UI_TIMEOUT_MS).click();
  await page.waitForSelector(HEADERS_EDITOR, { visible: true, timeout: UI_TIMEOUT_MS });
  await typeInto(page, HEADERS_EDITOR, text);
}

/**
 * Clicks run and answers the result panel's text once the gateway's answer is in it. A tab with several
 * operations makes the button a menu of them: `operation` is then picked from it, as a user would.
 */
export async function runQuery(page: Page, operation?: string): Promise<string> {
  // GraphiQL parses a tab's text after switching to it: until then the button may still offer the last tab's menu
  if (operation === undefined) await page.waitForSelector(`${EXECUTE}:not([aria-haspopup])`, { timeout: UI_TIMEOUT_MS });
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && !(r.request().postData() ?? '').includes('"IntrospectionQuery"'), {
    timeout: UI_TIMEOUT_MS,
  });
  // a locator: it waits for the button to be attached and still, as GraphiQL re-renders it with the tab
  await page.locator(EXECUTE).setTimeout(UI_TIMEOUT_MS).click();
  if (operation !== undefined && (await page.$(`${EXECUTE}[aria-haspopup]`)) !== null) {
    await page.waitForSelector('[role="menuitem"]', { visible: true, timeout: UI_TIMEOUT_MS });
    const items = await page.$$('[role="menuitem"]');
    const names = await Promise.all(items.map((item) => item.evaluate((el: DomText) => (el.textContent ?? '').trim())));
    const index = names.indexOf(operation);
    if (index < 0) throw new Error(`no operation "${operation}" among ${JSON.stringify(names)}`);
    await items[index]!.click();
  }
  await answered;
  // run empties the panel before it fetches, and fills it once the answer is parsed
  await page.waitForFunction(
    (selector) => ((document.querySelector(selector) as { CodeMirror: { getValue(): string } } | null)?.CodeMirror.getValue() ?? '') !== '',
    { timeout: UI_TIMEOUT_MS, polling: 100 },
    RESULT,
  );
  return resultText(page);
}

/** Waits until the result panel shows something (e.g. the schema fetch's failure) and answers it. */
export async function waitForResult(page: Page): Promise<string> {
  await page.waitForFunction(
    (selector) => ((document.querySelector(selector) as { CodeMirror: { getValue(): string } } | null)?.CodeMirror.getValue() ?? '') !== '',
    { timeout: UI_TIMEOUT_MS, polling: 100 },
    RESULT,
  );
  return resultText(page);
}
