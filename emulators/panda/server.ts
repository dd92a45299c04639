import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { canonicalPath } from './canonical';
import type { EmulatorClock } from '../common/clock';
import { browserRoute, type BrowserRoute } from '../common/cors';
import { serveFault, type PendingTimers } from '../common/faults';
import { splitTarget } from '../common/form';
import { sendJson, type FaultList } from '../common/http';
import { logWhenDone } from '../common/log';
import { MultipartError } from '../common/multipart';
import type { RequestLog } from '../common/types';
import type { EmulatorDialect } from './dialect';
import { ApiError, badRequest } from './errors';
import { readParams } from './params';
import { dispatch } from './routes';
import type { PandaStore } from './store';
import type { UploadSessions } from './upload';
import type { Authenticator, Principal } from './verify';

export interface PandaServerParts {
  readonly store: PandaStore;
  readonly clock: EmulatorClock;
  readonly auth: Authenticator;
  readonly uploads: UploadSessions;
  readonly log: RequestLog;
  readonly faults: FaultList;
  readonly timers: PendingTimers;
  readonly maxFileSize: number | null;
  readonly dialect: EmulatorDialect;
}

/**
 * `/v2/…` path → the canonical API path and its segments without `.json` (panda spec §9.1). The SDK
 * sends `/v2videos.json` for a path without leading slash (R24), keeps a trailing slash (R25), and
 * doubles the suffix of cancel and retry (`…/cancel.json.json`, spec §9.2.8): all are routed.
 */
export function routeOf(apiPath: string): { route: string; segments: string[] } {
  let route: string;
  try {
    route = canonicalPath(decodeURIComponent(apiPath));
  } catch {
    throw badRequest('Malformed path');
  }
  if (!route.endsWith('.json')) throw badRequest('Currently only .json is supported as a format');
  let base = route.slice(0, -'.json'.length);
  if (/^\/encodings\/[^/]+\/(cancel|retry)\.json$/.test(base)) base = base.slice(0, -'.json'.length);
  return { route, segments: base.split('/').filter((s) => s !== '') };
}

function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status, { error: error.errorClass, message: error.message });
}

/** The account a request is logged under: the cloud it was scoped to, or named on a `/clouds` path. */
function accountOf(principal: Principal, params: { get(key: string): string | undefined }, segments: readonly string[], scopeKey: string): string | null {
  if (principal.cloud) return principal.cloud.cloud.id;
  const named = segments[1] ?? params.get(scopeKey);
  return principal.clouds.some((c) => c.cloud.id === named) ? (named ?? null) : null;
}

/** Upload session locations are unsigned and reached by browsers (panda spec §9.4, telestream spec §6): CORS. */
const UPLOAD_SESSION: BrowserRoute = { methods: ['GET', 'POST', 'PUT', 'DELETE'], expose: ['Range'] };

/**
 * The one signed route browsers call: panda_uploader opens its session with `signed_params` handed
 * to it (panda spec §3.7, §6.1 [UPL]); Telestream keeps Panda's `signed_params` (telestream spec §2.7).
 * Its answer (`location`, `part_size`) must be readable by the page; every other API route has no CORS.
 */
const SIGNED_SESSION_OPEN: BrowserRoute = { methods: ['POST'], expose: [] };

export function createPandaServer(o: PandaServerParts): Server {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { path, rawQuery } = splitTarget(req.url ?? '/');
    const method = (req.method ?? 'GET').toUpperCase();
    let account: string | null = null;
    logWhenDone(res, o.log, o.clock, { method, path, account: () => account });
    try {
      const uploadSession = path === '/upload/session';
      if (uploadSession) account = o.uploads.cloudOf(new URLSearchParams(rawQuery).get('id'));
      // a preflight is answered before faults: they target the requests that carry data
      if (uploadSession && browserRoute(req, res, UPLOAD_SESSION)) return;
      if (path === `${o.dialect.versionPrefix}/videos/upload.json` && browserRoute(req, res, SIGNED_SESSION_OPEN)) return;
      const fault = o.faults.take(path, method);
      if (fault && (await serveFault(fault, req, res, o.timers))) return;
      if (uploadSession) return await o.uploads.handle(req, res, new URLSearchParams(rawQuery).get('id'));
      const prefix = o.dialect.versionPrefix;
      if (!path.startsWith(prefix)) throw new ApiError(404, 'RecordNotFound', `No such resource: ${path.slice(0, 100)}`);
      const apiPath = path.slice(prefix.length);
      const { route, segments } = routeOf(apiPath);
      const params = await readParams(req, rawQuery, o.maxFileSize);
      const principal = o.auth.authenticate({ method, hostHeader: req.headers.host, path: apiPath, route, params });
      account = accountOf(principal, params, segments, o.dialect.scopeKey);
      const reply = dispatch({
        store: o.store,
        uploads: o.uploads,
        principal,
        method,
        segments,
        params,
        now: o.store.now(),
        origin: `http://${req.headers.host ?? `${req.socket.localAddress ?? '127.0.0.1'}:${req.socket.localPort ?? 80}`}`,
        maxFileSize: o.maxFileSize,
        dialect: o.dialect,
      });
      sendJson(res, reply.status, reply.body);
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      req.resume();
      if (error instanceof ApiError) return sendError(res, error);
      if (error instanceof URIError || error instanceof MultipartError) return sendError(res, badRequest(`Malformed request: ${error.message}`));
      // spec §5: a 500 has an empty body
      res.writeHead(500, { 'content-length': '0' }).end();
    }
  }

  return createServer((req, res) => void handle(req, res));
}
