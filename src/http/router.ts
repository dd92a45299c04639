import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsHandler } from './cors';
import { errorBody, sendJson } from './errors';
import { scopeOf } from './request-log';
import type { Route } from './route';

/** The first route whose path matches answers; a browser-facing route's CORS headers and preflights first. */
export function dispatch(routes: readonly Route[], cors: CorsHandler | null): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://gateway');
    } catch {
      // e.g. `GET //`: a request target the URL parser refuses is the client's mistake, not a 500
      return sendJson(res, 400, errorBody('malformed request target', 'BAD_USER_INPUT', scopeOf(res)));
    }
    const route = routes.find((r) => r.matches(url.pathname));
    if (route === undefined) return sendJson(res, 404, errorBody('not found: GraphQL is served at /graphql', 'NOT_FOUND', scopeOf(res)));
    // a preflight is answered here, before the CSRF rule could refuse it (it carries no preflight header)
    if (route.crossOrigin && cors !== null && (await cors(req, res))) return;
    await route.handle(req, res, url);
  };
}

/** A request's `route` metrics label: its route's name, `other` for unknown paths. */
export function routeLabel(routes: readonly Route[]): (pathname: string) => string {
  return (pathname) => routes.find((r) => r.matches(pathname))?.name ?? 'other';
}
