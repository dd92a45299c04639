import { ASSET_PREFIX, type IdeAssetUrls } from './assets';
import type { IdeTab } from './operations';

/**
 * Scripts and styles from this origin only (the bootstrap is a served file, its config a JSON data
 * block that never runs); fonts and the favicon are data: URIs; requests only to this origin. The one
 * exception: GraphiQL's menus and dialogs (react-remove-scroll) add a <style> element, which carries
 * this response's nonce (their `__webpack_nonce__` hook, set by ide.js).
 */
export const ideCsp = (styleNonce: string): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

export interface IdePageOptions {
  /** `apiKeys` configured: every GraphQL request needs `Authorization: Bearer <key>`. */
  readonly needsKey: boolean;
  /** `server.introspection`: when off, GraphiQL shows the server's refusal instead of the docs. */
  readonly introspection: boolean;
  readonly tabs: readonly IdeTab[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside <script>: `<` escaped, so no string in it can close the element. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** A new tab's text (the example tabs come first). */
const DEFAULT_QUERY = `# vidmesh: one GraphQL API over Panda, Telestream, Dailymotion Cloud and Ziggeo.
# Ctrl-Enter runs; the first tabs hold the example operations of schema/operations.
{
  accounts {
    id
    provider
    capabilities
  }
}
`;

function hints(options: IdePageOptions): string[] {
  const lines: string[] = [];
  if (options.needsKey) {
    lines.push(
      'This gateway needs an API key: open <b>Headers</b> below the query and enter ' +
        '<code>{"Authorization": "Bearer &lt;your key&gt;"}</code>, then re-fetch the schema (the ↻ button at the bottom left, or Shift-Ctrl-R).',
    );
  }
  if (!options.introspection) {
    lines.push('Introspection is off on this server (<code>server.introspection: false</code>): no docs or completion, queries still run.');
  }
  return lines;
}

/** The IDE page: GraphiQL from the assets installed with the package, nothing from elsewhere. */
export function renderIdePage(assets: IdeAssetUrls, options: IdePageOptions, styleNonce: string): string {
  // relative to the page's URL (`…/graphql`), so a path prefix in front of the gateway carries over
  const href = (name: string) => escapeHtml(`${ASSET_PREFIX.slice(1)}${name}`);
  const config = { needsKey: options.needsKey, tabs: options.tabs, defaultQuery: DEFAULT_QUERY, styleNonce };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vidmesh · GraphiQL</title>
<link rel="icon" href="data:,">
${assets.styles.map((s) => `<link rel="stylesheet" href="${href(s)}">`).join('\n')}
<script id="vidmesh-ide-config" type="application/json">${scriptJson(config)}</script>
${assets.scripts.map((s) => `<script defer src="${href(s)}"></script>`).join('\n')}
</head>
<body>
${hints(options)
  .map((h) => `<p class="vidmesh-ide-hint">${h}</p>`)
  .join('\n')}
<div id="graphiql">Loading GraphiQL…<noscript> It needs JavaScript; or POST GraphQL to this URL.</noscript></div>
</body>
</html>
`;
}
