import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VidmeshConfig } from '../config';
import { prefersHtml } from './ide/accept';
import { ASSET_PREFIX, COMMON_HEADERS, ideAssetUrls, sendAsset } from './ide/assets';
import { exampleTabs } from './ide/operations';
import { ideCsp, renderIdePage, type IdePageOptions } from './ide/page';
import { errorBody, sendJson } from './errors';
import { scopeOf } from './request-log';
import type { Route } from './route';

/** A browser's GET of the endpoint: HTML preferred over JSON, as Apollo decided for its (now disabled) landing page. */
export const wantsIde = (req: IncomingMessage): boolean => req.method === 'GET' && prefersHtml(req.headers.accept);

function sendPage(res: ServerResponse, options: IdePageOptions): void {
  const styleNonce = randomBytes(16).toString('base64');
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': ideCsp(styleNonce),
    // the same URL answers JSON to other Accept values; each page has its own nonce
    vary: 'Accept',
    'cache-control': 'no-store',
  });
  res.end(renderIdePage(ideAssetUrls(), options, styleNonce));
}

/** `/graphql/ide/*`: GraphiQL's files (GET and HEAD), from the installed packages. */
function assetsRoute(): Route {
  return {
    name: '/graphql/ide',
    matches: (pathname) => pathname.startsWith(ASSET_PREFIX),
    async handle(req, res, url) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendJson(res, 405, errorBody(`${req.method ?? ''} not allowed: the IDE's files are read with GET`, 'BAD_USER_INPUT', scopeOf(res)), {
          ...COMMON_HEADERS,
          allow: 'GET, HEAD',
        });
      }
      if (!(await sendAsset(req, res, url.pathname.slice(ASSET_PREFIX.length)))) {
        sendJson(res, 404, errorBody('not found: no such IDE file (the page at /graphql names them)', 'NOT_FOUND', scopeOf(res)), COMMON_HEADERS);
      }
    },
  };
}

/**
 * The GraphiQL IDE around the GraphQL route: a browser's `GET /graphql` gets the page, before
 * authentication (the page and its files hold no data; the requests it sends are authenticated like
 * any other), and its files are served under `/graphql/ide/`. Every other request goes to `graphql`.
 */
export function withIde(config: VidmeshConfig, graphql: Route): Route[] {
  // read once, at the first page: the example operations of schema/operations
  let options: IdePageOptions | null = null;
  const page: Route = {
    ...graphql,
    handle(req, res, url) {
      if (!wantsIde(req)) return graphql.handle(req, res, url);
      options ??= { needsKey: config.apiKeys !== undefined, introspection: config.server.introspection, tabs: exampleTabs() };
      sendPage(res, options);
    },
  };
  return [assetsRoute(), page];
}
