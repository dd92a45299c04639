import { ApiError, badRequest } from './errors';
import { encodingRoutes } from './encodings';
import { profileRoutes } from './profiles';
import { NOTIFICATION_EVENTS } from './records';
import { videoRoutes } from './videos';
import { renderCloud, renderNotifications } from './wire';

import { cloudOf, noRoute, ok, type ApiReply, type RouteContext } from './route-context';

export type { ApiReply, RouteContext } from './route-context';
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
