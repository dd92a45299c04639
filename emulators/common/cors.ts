import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS on the routes a browser reaches directly in a direct upload (README "Uploads"): upload session
 * locations, upload URLs and signed upload targets, which carry their own one-off credentials, and
 * Panda/Telestream's `POST /videos/upload.json`, which panda_uploader calls with signed params. The
 * real services open exactly these to any origin; their other signed API routes stay without CORS.
 */
export interface BrowserRoute {
  /** Methods a page may use. */
  readonly methods: readonly string[];
  /** Response headers a page must be able to read (`Range` of a resumable session, S3's `ETag`). */
  readonly expose: readonly string[];
}

/** How long a browser may cache a preflight answer, in seconds. */
const MAX_AGE = '600';

/**
 * Answers an `OPTIONS` preflight for a browser route: 204 with the origin echoed, the route's
 * methods, the requested headers echoed and a max age; 403 for a method the route does not take.
 * False when the request is not a preflight (the caller handles it).
 */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, route: BrowserRoute): boolean {
  if (req.method !== 'OPTIONS') return false;
  req.resume();
  const origin = req.headers.origin;
  const method = req.headers['access-control-request-method']?.toUpperCase();
  const vary = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';
  if (origin === undefined || method === undefined || !route.methods.includes(method)) {
    res.writeHead(403, { vary, 'content-length': '0' }).end();
    return true;
  }
  const requested = req.headers['access-control-request-headers'];
  res
    .writeHead(204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': route.methods.join(', '),
      ...(requested ? { 'access-control-allow-headers': requested } : {}),
      'access-control-max-age': MAX_AGE,
      vary,
    })
    .end();
  return true;
}

/** Makes the actual response of a browser route readable by the page that sent it (set before it is written). */
export function allowOrigin(req: IncomingMessage, res: ServerResponse, route: BrowserRoute): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  res.setHeader('access-control-allow-origin', origin);
  if (route.expose.length > 0) res.setHeader('access-control-expose-headers', route.expose.join(', '));
  res.setHeader('vary', 'Origin');
}

/** Both: true when the request was a preflight and is answered. */
export function browserRoute(req: IncomingMessage, res: ServerResponse, route: BrowserRoute): boolean {
  if (answerPreflight(req, res, route)) return true;
  allowOrigin(req, res, route);
  return false;
}
