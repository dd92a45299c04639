import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EmulatorClock } from '../common/clock';
import { browserRoute, type BrowserRoute } from '../common/cors';
import { readBody, type FaultList } from '../common/http';
import type { RequestLog } from '../common/types';
import { serveCdn, type ViewerGeo } from './cdn';
import type { Json } from './jsonlex';
import { pythonJson } from './pyjson';
import { handleRpc, type Namespaces } from './rpc';
import type { DailymotionStore } from './store';
import { jsonAnswer, receiveUpload, uploadStatus, type HttpAnswer } from './upload-route';

/** One RPC the emulator answered: which call, for whom, and the error code if it failed. */
export interface RpcCallEntry {
  readonly call: string | null;
  /** The arguments as sent (after the auth check passed or failed); null when the body did not parse. */
  readonly args: { readonly [key: string]: Json } | null;
  readonly account: string | null;
  readonly errorCode: number | null;
  readonly at: Date;
}

export interface ServerDeps {
  readonly store: DailymotionStore;
  readonly clock: EmulatorClock;
  readonly log: RequestLog;
  readonly calls: RpcCallEntry[];
  readonly faults: FaultList;
  readonly namespaces: Namespaces;
  readonly geo: ViewerGeo;
}

const RPC_BODY_LIMIT = 8 * 1024 * 1024;

function send(res: ServerResponse, answer: HttpAnswer, head: boolean): void {
  const bytes = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(bytes.length) }).end(head ? undefined : bytes);
}

/** The upload URL `file.upload` answers (and its progress URL) take a browser's form POST (spec §6): CORS. */
const UPLOAD_ROUTES: Readonly<Record<string, BrowserRoute>> = {
  '/upload': { methods: ['POST'], expose: ['Location'] },
  '/upload/status': { methods: ['GET'], expose: [] },
};

export function createDailymotionServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    void handle(deps, req, res);
  });
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const rawQuery = q < 0 ? '' : raw.slice(q + 1);
  const method = req.method ?? 'GET';
  let account: string | null = null;
  let logged = false;
  const done = (status: number) => {
    if (logged) return;
    logged = true;
    deps.log.add({ method, path, account, status, at: deps.clock.now() });
  };
  res.on('finish', () => done(res.statusCode));
  res.on('close', () => done(res.writableFinished ? res.statusCode : 0));
  try {
    const browser = Object.prototype.hasOwnProperty.call(UPLOAD_ROUTES, path) ? UPLOAD_ROUTES[path]! : null;
    // a preflight is answered before faults: they target the requests that carry data
    if (browser && browserRoute(req, res, browser)) return;
    if (await deps.faults.apply(path, req, res)) return;
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    const now = deps.clock.now().getTime();
    let answer: HttpAnswer | null;
    if (path === '/api' || path.endsWith('/api')) {
      answer = await rpc(deps, req, origin, now);
    } else if (method === 'POST' && path === '/upload') {
      answer = await receiveUpload(deps.store, req, new URLSearchParams(rawQuery), origin);
    } else if (method === 'GET' && path === '/upload/status') {
      answer = uploadStatus(deps.store, new URLSearchParams(rawQuery));
    } else {
      req.resume();
      answer = method === 'GET' || method === 'HEAD' ? serveCdn(deps.store, req, path, rawQuery, now, deps.geo) : null;
    }
    answer ??= { status: 404, body: 'Not Found\n', headers: { 'content-type': 'text/plain' } };
    account = answer.account ?? null;
    send(res, answer, method === 'HEAD');
  } catch {
    if (res.headersSent) return void res.destroy();
    req.resume();
    send(res, jsonAnswer(500, { error: 'internal error' }), false);
  }
}

/** `POST <base>/api`: always HTTP 200 with a JSON object (dailymotion spec §11 item 4). */
async function rpc(deps: ServerDeps, req: IncomingMessage, origin: string, now: number): Promise<HttpAnswer> {
  const bytes = req.method === 'POST' ? await readBody(req, RPC_BODY_LIMIT) : (req.resume(), Buffer.alloc(0));
  const body = bytes === null ? null : bytes.toString('utf8');
  const outcome =
    body === null
      ? { reply: { error: { code: 600, message: 'request too large' } }, account: null, call: null, args: null }
      : req.method !== 'POST'
        ? { reply: { error: { code: 600, message: 'use POST' } }, account: null, call: null, args: null }
        : handleRpc(deps.store, deps.namespaces, body, now, origin);
  const errorCode = 'error' in outcome.reply ? outcome.reply.error.code : null;
  deps.calls.push({ call: outcome.call, args: outcome.args, account: outcome.account, errorCode, at: new Date(now) });
  return { status: 200, body: pythonJson(outcome.reply), headers: { 'content-type': 'application/json' }, account: outcome.account };
}
