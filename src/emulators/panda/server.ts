import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FaultList } from '../common/http';
import { sendJson } from '../common/http';
import { canonicalPath } from '../../datasources/hmac-query';
import { MultipartError } from '../common/multipart';
import type { RequestLog } from '../common/types';
import { readParams, type RequestParams } from './params';
import { ApiError, route } from './routes';
import type { PandaStore } from './store';
import type { UploadSessions } from './upload';
import { parseTimestamp, verifySignature } from './verify';

export interface PandaServerOptions {
  readonly store: PandaStore;
  readonly uploads: UploadSessions;
  readonly log: RequestLog;
  readonly faults: FaultList;
  /** access key → secret. */
  readonly secrets: ReadonlyMap<string, string>;
  readonly checkTimestamps: boolean;
  readonly rejectReusedPostSignatures: boolean;
  readonly publicHost?: string;
}

const FIVE_MINUTES = 5 * 60 * 1000;
const REQUIRED = 'All required parameters were not supplied: access_key, signature, timestamp';

/** Turns `/videos/x.json` (or the SDK's `/encodings/x/cancel.json.json`) into segments (spec §9.1, §9.2.8). */
function segmentsOf(rawPath: string): string[] {
  const path = canonicalPath(rawPath); // surrounding slashes and whitespace do not count (spec §3.5, R25)
  if (!path.endsWith('.json')) throw new ApiError(400, 'BadRequest', 'Currently only .json is supported as a format');
  let base = path.slice(0, -5);
  if (/^\/encodings\/[^/]+\/(cancel|retry)\.json$/.test(base)) base = base.slice(0, -5);
  return base.split('/').filter((s) => s !== '');
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new ApiError(400, 'BadRequest', 'Malformed path');
  }
}

export function createPandaServer(o: PandaServerOptions): Server {
  const usedPostSignatures = new Set<string>();

  /** Checks key, signature, timestamp and cloud (spec §9.3); answers the cloud the request is scoped to. */
  function authenticate(req: IncomingMessage, path: string, params: RequestParams) {
    const method = (req.method ?? 'GET').toUpperCase();
    const accessKey = params.get('access_key');
    const signature = params.get('signature');
    const timestamp = params.get('timestamp');
    const isClouds = /^\/clouds(\/|\.json|$)/.test(decodePath(path));
    if (!accessKey || !signature || !timestamp) throw new ApiError(400, 'BadRequest', REQUIRED);
    const secret = o.secrets.get(accessKey);
    if (secret === undefined) throw new ApiError(401, 'NotAuthorized', 'Access key is invalid');
    const host = o.publicHost ?? (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!verifySignature({ method, path, host, params, secret, signature })) throw new ApiError(401, 'NotAuthorized', 'Signatures do not match');
    if (o.checkTimestamps) {
      const at = parseTimestamp(timestamp);
      if (at === null) throw new ApiError(400, 'BadRequest', 'timestamp must be ISO 8601');
      const window = method === 'POST' && decodePath(path) === '/videos.json' ? 6 * FIVE_MINUTES : FIVE_MINUTES;
      if (o.store.now() - at > window) throw new ApiError(401, 'NotAuthorized', 'Signatures expired');
    }
    if (method === 'POST' && o.rejectReusedPostSignatures) {
      // a POST signature is good once (spec §3.3); exact message unconfirmed
      if (usedPostSignatures.has(signature)) throw new ApiError(401, 'NotAuthorized', 'Signature already used');
      usedPostSignatures.add(signature);
    }
    const clouds = [...o.store.clouds.values()].filter((c) => c.cloud.accessKey === accessKey);
    if (isClouds) return { clouds, state: null, cloudId: params.get('cloud_id') ?? null };
    const cloudId = params.get('cloud_id');
    if (!cloudId) throw new ApiError(400, 'BadRequest', 'All required parameters were not supplied: cloud_id');
    const state = clouds.find((c) => c.cloud.id === cloudId);
    if (!state) throw new ApiError(404, 'RecordNotFound', `Couldn't find Cloud with ID=${cloudId}`);
    return { clouds, state, cloudId };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const rawQuery = q < 0 ? '' : raw.slice(q + 1);
    let account: string | null = null;
    res.on('close', () => o.log.add({ method: req.method ?? 'GET', path, account, status: res.writableFinished ? res.statusCode : 0, at: o.store.clock.now() }));
    try {
      if (await o.faults.apply(path, req, res)) return;
      if (path === '/upload/session') return await o.uploads.handle(req, res, new URLSearchParams(rawQuery));
      if (!path.startsWith('/v2')) throw new ApiError(404, 'RecordNotFound', 'No such resource');
      // `/v2videos.json` is what the SDK sends for a path without leading slash (spec §1, R24)
      const apiPath = path.startsWith('/v2/') ? path.slice(3) : `/${path.slice(3)}`;
      const segments = segmentsOf(decodePath(apiPath));
      const params = await readParams(req, rawQuery);
      const auth = authenticate(req, apiPath, params);
      account = auth.cloudId;
      const method = (req.method ?? 'GET').toUpperCase();
      if (segments[0] === 'videos' && segments[1] === 'upload' && segments.length === 2 && method === 'POST') {
        const fileSize = Number(params.get('file_size'));
        const fileName = params.get('file_name');
        if (!fileName || !Number.isSafeInteger(fileSize) || fileSize < 1) throw new ApiError(400, 'BadRequest', 'file_name and file_size are required');
        const id = o.uploads.open(auth.state!.cloud.id, { fileName, fileSize, profiles: params.get('profiles'), payload: params.get('payload'), pathFormat: params.get('path_format') });
        return sendJson(res, 201, { id, location: `http://${req.headers.host ?? '127.0.0.1'}/upload/session?id=${id}` });
      }
      const reply = route(o.store, auth.state, auth.clouds, method, segments, params);
      return sendJson(res, reply.status, reply.body);
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      req.resume();
      if (error instanceof ApiError) return sendJson(res, error.status, { error: error.errorClass, message: error.message });
      if (error instanceof URIError || error instanceof MultipartError || error instanceof RangeError) {
        return sendJson(res, 400, { error: 'BadRequest', message: 'Malformed request' });
      }
      res.writeHead(500).end(); // spec §5: a 500 has an empty body
    }
  }

  return createServer((req, res) => void handle(req, res));
}
