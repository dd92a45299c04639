/**
 * The IDE's own browser code, served as files (`ide.js`, `ide.css`) so the page's Content-Security-Policy
 * can allow scripts and styles from 'self' only. Plain ES5-era JavaScript: it runs as written, untranspiled.
 */

/** Reads the page's JSON config block and mounts GraphiQL (React 18 and GraphiQL's UMD globals). */
export const IDE_JS = `'use strict';
(function () {
  var config = JSON.parse(document.getElementById('vidmesh-ide-config').textContent);
  // the nonce the page's CSP allows for the <style> elements GraphiQL's menus and dialogs add
  window.__webpack_nonce__ = config.styleNonce;
  var fetcher = GraphiQL.createFetcher({
    // the page is served at the endpoint itself, whatever path a proxy puts in front of it
    url: window.location.pathname,
    // Apollo's CSRF prevention: a header no cross-site form can send (uploads need it too)
    headers: { 'Apollo-Require-Preflight': 'true' },
  });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: config.tabs,
      defaultQuery: config.defaultQuery,
      isHeadersEditorEnabled: true,
      // an API key stays in the editor, never in localStorage
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: config.needsKey ? 'headers' : false,
    }),
  );
})();
`;

/** The page: an optional hint line above GraphiQL, which takes the rest of the window. */
export const IDE_CSS = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
.vidmesh-ide-hint { margin: 0; padding: 6px 16px; font-size: 13px; line-height: 1.4; background: #fff8e1; color: #4a3b00; border-bottom: 1px solid #e8d9a8; }
.vidmesh-ide-hint code { font-family: ui-monospace, monospace; background: rgba(0, 0, 0, 0.06); padding: 0 3px; border-radius: 3px; }
#graphiql { flex: 1; min-height: 0; }
`;
