import { ApiError, badRequest } from './errors';
import type { EmulatorDialect } from './dialect';
import { encodingRoutes } from './encodings';
import type { RequestParams } from './params';
import { profileRoutes } from './profiles';
import { NOTIFICATION_EVENTS, type CloudState } from './records';
import type { PandaStore } from './store';
import type { UploadSessions } from './upload';
import type { Principal } from './verify';
import { videoRoutes } from './videos';
import { renderCloud, renderNotifications } from './wire';

/** One authenticated API request below `/v2`, its path as segments without `.json`. */
export interface RouteContext {
  readonly store: PandaStore;
  readonly uploads: UploadSessions;
  readonly principal: Principal;
  readonly method: string;
  readonly segments: readonly string[];
  readonly params: RequestParams;
  readonly now: number;
  /** Where this server is reachable for the client (`http://` + Host header), for upload locations. */
  readonly origin: string;
  readonly maxFileSize: number | null;
  readonly dialect: EmulatorDialect;
}

/** An answer: JSON body and status. */
export interface ApiReply {
  readonly status: number;
  readonly body: unknown;
}

export const ok = (body: unknown, status = 200): ApiReply => ({ status, body });

export const noRoute = (ctx: RouteContext) => new ApiError(404, 'RecordNotFound', `No such resource: ${ctx.method} /${ctx.segments.join('/')}.json`);

/** The cloud a non-`/clouds` request is scoped to (checked by the authenticator). */
export function cloudOf(ctx: RouteContext): CloudState {
  if (!ctx.principal.cloud) throw noRoute(ctx);
  return ctx.principal.cloud;
}

function positiveInt(p: RequestParams, key: string, fallback: number): number {
  const text = p.get(key);
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw badRequest(`${key} must be a positive integer`);
  return Number(text);
}

/** `page` (default 1) of `per_page` (default 100, at most 100) (spec §9.2.6). */
export function paginate<T>(items: readonly T[], p: RequestParams): T[] {
  const page = positiveInt(p, 'page', 1);
  const perPage = Math.min(100, positiveInt(p, 'per_page', 100));
  return items.slice((page - 1) * perPage, page * perPage);
}

export function dispatch(ctx: RouteContext): ApiReply {
  if (ctx.segments[0] === ctx.dialect.scopeCollection) return cloudRoutes(ctx);
  switch (ctx.segments[0]) {
    case 'videos':
      return videoRoutes(ctx);
    case 'encodings':
      return encodingRoutes(ctx);
    case 'profiles':
      return profileRoutes(ctx);
    case 'notifications':
      return notificationRoutes(ctx);
    default:
      throw noRoute(ctx);
  }
}

/** Clouds of the access key (spec §4.1); creating and deleting clouds is not part of the API. */
function cloudRoutes(ctx: RouteContext): ApiReply {
  const { method, segments, params: p } = ctx;
  if (segments.length === 1 && method === 'GET') return ok(ctx.principal.clouds.map((c) => renderCloud(c.cloud)));
  if (segments.length !== 2 || (method !== 'GET' && method !== 'PUT')) throw noRoute(ctx);
  const id = segments[1]!;
  const state = ctx.principal.clouds.find((c) => c.cloud.id === id);
  if (!state) throw new ApiError(404, 'RecordNotFound', `Couldn't find ${ctx.dialect.scopeModel} with ID=${id}`);
  const c = state.cloud;
  if (method === 'PUT') {
    const priority = p.get('priority');
    if (priority !== undefined && (!/^\d+$/.test(priority) || +priority < 2 || +priority > 200)) throw badRequest('priority must be an integer from 2 to 200');
    c.name = p.get('name') || c.name;
    c.s3VideosBucket = p.get('s3_videos_bucket') || c.s3VideosBucket;
    if (p.get('s3_videos_bucket')) c.url = `http://${c.s3VideosBucket}.s3.amazonaws.com/`;
    if (priority !== undefined) c.priority = Number(priority);
    const original = p.get('upload_original_video');
    if (original !== undefined) c.uploadOriginalVideo = flag('upload_original_video', original);
    // aws_access_key / aws_secret_key are write-only: accepted, never shown
    c.updatedAt = ctx.now;
  }
  return ok(renderCloud(c));
}

const TRUTH: Record<string, boolean> = { true: true, false: false, True: true, False: false, '1': true, '0': false };

function flag(key: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && value in TRUTH) return TRUTH[value]!;
  throw badRequest(`events.${key} must be true or false`);
}

/**
 * `url` ("None" and "" = null), `delay` (seconds), `events` as JSON text whose values are booleans
 * or "true"/"false" (this SDK) or as `events[name]=true|false` pairs (docs, gem) (spec §9.2.9).
 */
function notificationRoutes(ctx: RouteContext): ApiReply {
  const n = cloudOf(ctx).notifications;
  if (ctx.segments.length !== 1) throw noRoute(ctx);
  if (ctx.method === 'GET') return ok(renderNotifications(n));
  if (ctx.method !== 'PUT') throw noRoute(ctx);
  const p = ctx.params;
  const events: Record<string, boolean> = {};
  const json = p.get('events');
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw badRequest('events must be a JSON object');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('events must be a JSON object');
    for (const [key, value] of Object.entries(parsed)) events[key] = flag(key, value);
  }
  for (const [key, value] of p.pairs) {
    const m = /^events\[([^\]]+)\]$/.exec(key);
    if (m) events[m[1]!] = flag(m[1]!, value);
  }
  const delay = p.get('delay');
  if (delay !== undefined && !/^\d+$/.test(delay)) throw badRequest('delay must be a whole number of seconds');
  const url = p.get('url');
  // unknown event names are ignored: the four of spec §4.5 are all there is
  for (const [key, value] of Object.entries(events)) if ((NOTIFICATION_EVENTS as readonly string[]).includes(key)) n.events[key] = value;
  if (delay !== undefined) n.delay = Number(delay);
  const payload = p.get('send_video_payload');
  if (payload !== undefined) n.sendVideoPayload = flag('send_video_payload', payload);
  if (url !== undefined) {
    const next = url === 'None' || url === '' ? null : url;
    if (next !== n.url) n.urlSetAt = ctx.now;
    n.url = next;
  }
  return ok(renderNotifications(n));
}
