import { ApiError, missingParams, notFound } from './errors';
import { encodingState } from './lifecycle';
import type { RequestParams } from './params';
import { cloudOf, noRoute, ok, paginate, type ApiReply, type RouteContext } from './route-context';
import type { CloudState, StoredEncoding } from './records';
import { findVideo } from './video-records';
import { renderEncoding } from './wire';

/** Encodings (panda spec §4.3). */

/** Filters `status`, `profile_id`, `profile_name` and `video_id`, in the order they were created. */
export function encodingsOf(state: CloudState, p: RequestParams, now: number, videoId = p.get('video_id')): StoredEncoding[] {
  const status = p.get('status');
  const profileId = p.get('profile_id');
  const profileName = p.get('profile_name');
  return [...state.encodings.values()]
    .filter((e) => (!videoId || e.videoId === videoId) && (!profileId || e.profileId === profileId) && (!profileName || e.profileName === profileName))
    .filter((e) => !status || encodingState(e, now).status === status)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function findEncoding(state: CloudState, id: string): StoredEncoding {
  const encoding = state.encodings.get(id);
  if (!encoding) throw notFound('Encoding', id);
  return encoding;
}

/** A state the action does not apply to (our rule; the real answer is not documented). */
const invalidState = (e: StoredEncoding, now: number, action: string) =>
  new ApiError(
    400,
    'BadRequest',
    `Encoding ${e.id} is ${encodingState(e, now).status === 'processing' ? 'queued or processing' : encodingState(e, now).status} and cannot be ${action}`,
  );

export function encodingRoutes(ctx: RouteContext): ApiReply {
  const { store, method, segments, params: p, now } = ctx;
  const state = cloudOf(ctx);
  if (segments.length === 1 && method === 'GET') return ok(paginate(encodingsOf(state, p, now), p).map((e) => renderEncoding(e, now)));
  if (segments.length === 1 && method === 'POST') {
    const videoId = p.get('video_id');
    const profileId = p.get('profile_id');
    const profileName = p.get('profile_name');
    if (!videoId) throw missingParams('video_id');
    if (!profileId && !profileName) throw missingParams('profile_id or profile_name');
    const video = findVideo(state, videoId);
    // `profile_id` wins when both are given
    const profile = profileId ? state.profiles.get(profileId) : store.findProfile(state.cloud.id, profileName!);
    if (!profile) throw profileId ? notFound('Profile', profileId) : notFound('Profile', profileName!, 'name');
    return ok(renderEncoding(store.addEncoding(state.cloud.id, video, profile, { at: now }), now));
  }
  if (segments.length < 2) throw noRoute(ctx);
  const encoding = findEncoding(state, segments[1]!);
  if (segments.length === 2 && method === 'GET') return ok(renderEncoding(encoding, now));
  if (segments.length === 2 && method === 'DELETE') {
    state.encodings.delete(encoding.id);
    return ok({ deleted: true });
  }
  // `…/cancel.json` and the SDK's `…/cancel.json.json` both arrive here as `cancel` (spec §9.2.8)
  if (segments.length === 3 && segments[2] === 'cancel' && method === 'POST') {
    // the state after cancel is `cancelled` ([UNCONFIRMED]: the docs name only processing/success/fail)
    if (!store.cancelEncoding(encoding)) throw invalidState(encoding, now, 'canceled');
    return ok({ canceled: true });
  }
  if (segments.length === 3 && segments[2] === 'retry' && method === 'POST') {
    if (!store.retryEncoding(encoding)) throw invalidState(encoding, now, 'retried');
    return ok({ retried: true });
  }
  throw noRoute(ctx);
}
