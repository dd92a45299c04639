import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { EmulatorClock } from '../common/clock';
import { browserRoute, type BrowserRoute } from '../common/cors';
import { cutRequestAfter } from '../common/faults';
import { faultApplies, type InjectedFault, type RequestLog } from '../common/types';
import type { RouteContext } from './context';
import { HttpError, readArgs, type Reply } from './http';
import { sendMedia, type MediaSpool } from './media';
import { asciiJson } from './render';
import { matchRoute, pathSegments } from './router';
import { UPLOAD_BUCKET, type UploadLeg } from './s3';
import type { AppState, ZiggeoStore } from './store';

/** What one request needs from the running emulator. */
export interface ServerDeps {
  readonly store: ZiggeoStore;
  readonly clock: EmulatorClock;
  readonly log: RequestLog;
  readonly faults: { fault: InjectedFault; left: number }[];
  readonly spool: MediaSpool;
  readonly uploads: UploadLeg;
}

/** The signed 2.30 upload target is an S3-style POST a browser sends itself (spec §3.6): CORS, as S3 buckets allow. */
const UPLOAD_TARGET: BrowserRoute = { methods: ['POST'], expose: ['ETag', 'Location'] };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `Authorization: Basic` split at the first `:` into application token and private key (ziggeo spec §10.1.2). */
export function authenticate(store: ZiggeoStore, header: string | undefined): AppState | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return null;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const app = store.apps.get(text.slice(0, colon));
  if (!app) return null;
  const given = Buffer.from(text.slice(colon + 1), 'utf8');
  const expected = Buffer.from(app.account.privateKey, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected) ? app : null;
}

/** Each answer is logged as it is written, so a client that has read it finds it in the log. */
const loggers = new WeakMap<ServerResponse, (status: number) => void>();

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  loggers.get(res)?.(status);
  res.writeHead(status, { 'content-type': 'application/json', ...headers, 'content-length': String(bytes.length) }).end(bytes);
}

const errorBody = (status: number, message?: string) => asciiJson({ error: message ?? STATUS_CODES[status] ?? 'Error' });

async function reply(req: IncomingMessage, res: ServerResponse, answer: Reply, done: (status: number) => void): Promise<void> {
  if (answer.kind === 'json') return send(res, answer.status ?? 200, asciiJson(answer.body));
  if (answer.kind === 'empty') return send(res, answer.status ?? 200, '');
  await sendMedia(req, res, answer.media, done);
}

/** Applies the first matching fault; true when it answered the request itself. */
async function applyFault(deps: ServerDeps, path: string, req: IncomingMessage, res: ServerResponse, done: (status: number) => void): Promise<boolean> {
  const entry = deps.faults.find((f) => f.left > 0 && faultApplies(f.fault, path, req.method));
  if (!entry) return false;
  entry.left -= 1;
  const { fault } = entry;
  if (fault.kind === 'cut') {
    cutRequestAfter(req, fault.afterBytes ?? 0);
    return false;
  }
  if (fault.kind === 'delay') {
    await sleep(fault.delayMs ?? 1000);
    return false;
  }
  req.resume();
  if (fault.kind === 'reset') {
    req.socket.destroy();
    done(0);
  } else if (fault.kind === 'slow-body') {
    res.writeHead(200, { 'content-type': 'application/json', ...fault.headers });
    res.write('{"token": ');
    await sleep(fault.delayMs ?? 1000);
    if (!res.destroyed) res.end('"slow"}');
    done(200);
  } else if (fault.kind === 'malformed') {
    send(res, 200, fault.body ?? '{"token": "', fault.headers);
    done(200);
  } else {
    const status = fault.status ?? 503;
    send(res, status, fault.body ?? errorBody(status), fault.headers);
    done(status);
  }
  return true;
}

export function createZiggeoServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    void handle(deps, req, res);
  });
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  // tunnelled verbs: POST path?_method=DELETE is a DELETE (spec §3.2); a real DELETE works too
  const tunnelled = req.method === 'POST' ? query.get('_method')?.toUpperCase() : undefined;
  const method = tunnelled ?? req.method ?? 'GET';
  let account: string | null = null;
  let logged = false;
  const done = (status: number) => {
    if (logged) return;
    logged = true;
    deps.log.add({ method, path, account, status, at: deps.clock.now() });
  };
  loggers.set(res, done);
  res.on('finish', () => done(res.statusCode));
  res.on('close', () => done(res.writableFinished ? res.statusCode : 0));
  try {
    const segments = pathSegments(path);
    const uploadTarget = segments.length === 2 && segments[0] === 's3' && segments[1] === UPLOAD_BUCKET;
    // a preflight is answered before faults: they target the requests that carry data
    if (uploadTarget && browserRoute(req, res, UPLOAD_TARGET)) return;
    if (await applyFault(deps, path, req, res, done)) return;
    if (method === 'POST' && uploadTarget) {
      const args = await readArgs(req, new URLSearchParams(), deps.spool);
      const answer = deps.uploads.receive(args, deps.clock.now().getTime());
      return send(res, answer.status, answer.body, { 'content-type': 'application/xml' });
    }
    const app = authenticate(deps.store, req.headers.authorization);
    if (!app) {
      req.resume();
      return send(res, 401, errorBody(401));
    }
    account = app.account.token;
    // HEAD is a GET without the body, as on any origin (players probe media with it)
    const route = matchRoute(method === 'HEAD' ? 'GET' : method, segments);
    if (!route) {
      req.resume();
      return send(res, 404, errorBody(404));
    }
    const args = await readArgs(req, query, deps.spool);
    const now = deps.clock.now().getTime();
    const ctx: RouteContext = {
      store: deps.store,
      app,
      now,
      args,
      params: route.params,
      openUpload: (video, stream, kind) => deps.uploads.open(app.account.token, video, stream, kind, now),
    };
    await reply(req, res, await route.handler(ctx), done);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    req.resume();
    if (error instanceof HttpError) send(res, error.status, errorBody(error.status, error.message));
    else send(res, 500, errorBody(500));
  }
}
