import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VidmeshConfig } from '../config';
import { noteErrorCode } from '../observability/request-scope';
import { prefersHtml } from './ide/accept';
import { ASSET_PREFIX, COMMON_HEADERS, ideAssetUrls, sendAsset } from './ide/assets';
import { exampleTabs } from './ide/operations';
import { ideCsp, renderIdePage, type IdePageOptions } from './ide/page';

/** The page's options per config, made at the first request (the example operations read once). */
const pageOptions = new WeakMap<VidmeshConfig, IdePageOptions>();

function optionsFor(config: VidmeshConfig): IdePageOptions {
  let options = pageOptions.get(config);
  if (options === undefined) {
    options = { needsKey: config.apiKeys !== undefined, introspection: config.server.introspection, tabs: exampleTabs() };
    pageOptions.set(config, options);
  }
  return options;
}

function sendError(res: ServerResponse, status: number, message: string, code: 'NOT_FOUND' | 'BAD_USER_INPUT', headers: Record<string, string> = {}): void {
  noteErrorCode(code);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...COMMON_HEADERS, ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * The GraphiQL IDE: `GET /graphql` from a browser (HTML preferred over JSON, as Apollo decides for its
 * landing page) and its files under `/graphql/ide/`. Neither needs an API key: the page holds no data,
 * and the GraphQL requests it sends are authenticated like any other. False when the request is not the IDE's.
 */
export async function serveIde(req: IncomingMessage, res: ServerResponse, url: URL, config: VidmeshConfig): Promise<boolean> {
  if (url.pathname === '/graphql') {
    if (req.method !== 'GET' || !prefersHtml(req.headers.accept)) return false;
    const styleNonce = randomBytes(16).toString('base64');
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': ideCsp(styleNonce),
      // the same URL answers JSON to other Accept values; each page has its own nonce
      vary: 'Accept',
      'cache-control': 'no-store',
    });
    res.end(renderIdePage(ideAssetUrls(), optionsFor(config), styleNonce));
    return true;
  }
  if (!url.pathname.startsWith(ASSET_PREFIX)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, `${req.method ?? ''} not allowed: the IDE's files are read with GET`, 'BAD_USER_INPUT', { allow: 'GET, HEAD' });
    return true;
  }
  if (!(await sendAsset(req, res, url.pathname.slice(ASSET_PREFIX.length)))) {
    sendError(res, 404, 'not found: no such IDE file (the page at /graphql names them)', 'NOT_FOUND');
  }
  return true;
}
