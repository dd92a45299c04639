import type { RequestParams } from './params';
import { NOTIFICATION_EVENTS, type CloudState, type PandaStore, type StoredVideo } from './store';
import { renderCloud, renderEncoding, renderMetadata, renderNotifications, renderProfile, renderVideo, encodingStatus, videoStatus } from './wire';

/** An answer of the API: JSON body with a status; `body: undefined` = empty (the 500 of spec §5). */
export interface ApiReply {
  readonly status: number;
  readonly body?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorClass: string,
    message: string,
  ) {
    super(message);
  }
}

const ok = (body: unknown, status = 200): ApiReply => ({ status, body });
const notFound = (what: string, id: string) => new ApiError(404, 'RecordNotFound', `Couldn't find ${what} with ID=${id}`);
const badRequest = (message: string) => new ApiError(400, 'BadRequest', message);

export const PRESETS = ['h264', 'h264.hi', 'webm', 'webm.hi', 'ogg', 'ogg.hi', 'hls.variant', 'hls.variant.audio', 'hls.variant.playlist', 'hss', 'mp3', 'aac', 'vorbis', 'thumbnail'];
const PRESET_EXT: Record<string, string> = { webm: '.webm', 'webm.hi': '.webm', ogg: '.ogv', 'ogg.hi': '.ogv', mp3: '.mp3', aac: '.m4a', vorbis: '.ogg', thumbnail: '.jpg', 'hls.variant': '.ts', 'hls.variant.audio': '.ts', 'hls.variant.playlist': '.m3u8', hss: '.ismv' };
const PROFILE_INTS = new Set(['width', 'height', 'audio_bitrate', 'video_bitrate', 'fps', 'keyframe_interval', 'keyframe_rate', 'audio_sample_rate', 'audio_channels', 'clip_length', 'clip_offset', 'frame_count', 'h264_crf', 'priority']);
const PROFILE_KEYS = new Set([...PROFILE_INTS, 'title', 'extname', 'upscale', 'aspect_mode', 'two_pass', 'watermark_url', 'watermark_top', 'watermark_bottom', 'watermark_left', 'watermark_right', 'watermark_width', 'watermark_height', 'h264_profile', 'h264_level', 'frame_offsets', 'frame_interval', 'encryption', 'encryption_key_url', 'encryption_key', 'encryption_iv', 'variants', 'stack', 'command', 'preset_name']);
const ASPECT_MODES = ['preserve', 'constrain', 'letterbox', 'pad', 'crop'];

function intParam(p: RequestParams, key: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = p.get(key);
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw badRequest(`${key} must be a positive integer`);
  return Math.min(Number(text), max);
}

/** `page` (default 1) × `per_page` (default 100, at most 100) (panda spec §9.6). */
function paginate<T>(items: T[], p: RequestParams): T[] {
  const page = intParam(p, 'page', 1);
  const perPage = intParam(p, 'per_page', 100, 100);
  return items.slice((page - 1) * perPage, page * perPage);
}

/** Profile fields from params: known options only, numbers where the API has numbers. */
function profileFields(p: RequestParams): Record<string, string | number | boolean | null> {
  const fields: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of p.pairs) {
    if (!PROFILE_KEYS.has(key)) continue;
    if (value === 'None') fields[key] = null; // the SDK's text for a null value (spec §2.3)
    else if (PROFILE_INTS.has(key)) {
      if (!/^-?\d+(\.\d+)?$/.test(value)) throw new ApiError(422, 'ValidationFailed', `${key} must be a number`);
      fields[key] = Number(value);
    } else if (key === 'upscale' || key === 'two_pass') fields[key] = value === 'True' || value === 'true' || value === '1';
    else fields[key] = value;
  }
  if (typeof fields.aspect_mode === 'string' && !ASPECT_MODES.includes(fields.aspect_mode)) {
    throw new ApiError(422, 'ValidationFailed', `aspect_mode must be one of ${ASPECT_MODES.join(', ')}`);
  }
  return fields;
}

/** Video creation shared by POST /videos.json and completed upload sessions (spec §4.2, §9.4.17). */
export function createVideo(store: PandaStore, state: CloudState, init: Partial<StoredVideo>, profiles: string | undefined): StoredVideo {
  if (init.payload && init.payload.length > 256) throw badRequest('payload is limited to 256 characters');
  let chosen = [...state.profiles.values()];
  if (profiles !== undefined && profiles !== '') {
    chosen =
      profiles === 'none'
        ? []
        : profiles.split(',').map((name) => {
            const profile = store.findProfile(state.cloud.id, name.trim());
            if (!profile) throw notFound('Profile', name.trim());
            return profile;
          });
  }
  const video = store.addVideo(state.cloud.id, init);
  for (const profile of chosen) store.addEncoding(state.cloud.id, video, profile, video.createdAt);
  return video;
}

function videoOf(store: PandaStore, state: CloudState, id: string): StoredVideo {
  const video = state.videos.get(id);
  if (!video) throw notFound('Video', id);
  return video;
}

/** The API's routes below `/v2` for one authenticated cloud; `segments` come without `.json`. */
export function route(store: PandaStore, state: CloudState | null, clouds: CloudState[], method: string, segments: string[], p: RequestParams): ApiReply {
  const now = store.now();
  const [root, id, sub] = segments;
  if (root === 'clouds') {
    if (segments.length === 1 && method === 'GET') return ok(clouds.map((c) => renderCloud(c.cloud)));
    const target = clouds.find((c) => c.cloud.id === id);
    if (segments.length !== 2 || !target) throw notFound('Cloud', id ?? '');
    if (method === 'GET') return ok(renderCloud(target.cloud));
    if (method === 'PUT') {
      const c = target.cloud;
      c.name = p.get('name') ?? c.name;
      c.s3VideosBucket = p.get('s3_videos_bucket') ?? c.s3VideosBucket;
      if (p.get('priority') !== undefined) {
        const priority = Number(p.get('priority'));
        if (!Number.isInteger(priority) || priority < 2 || priority > 200) throw new ApiError(422, 'ValidationFailed', 'priority must be between 2 and 200');
        c.priority = priority;
      }
      c.updatedAt = now;
      return ok(renderCloud(c));
    }
  }
  if (state === null) throw badRequest('All required parameters were not supplied: cloud_id');
  const cloudId = state.cloud.id;

  if (root === 'videos') {
    if (segments.length === 1 && method === 'GET') {
      const status = p.get('status');
      // newest first, then by id: a stable order for page-numbered listing
      const all = [...state.videos.values()].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
      return ok(paginate(status ? all.filter((v) => videoStatus(v, now) === status) : all, p).map((v) => renderVideo(v, now)));
    }
    if (segments.length === 1 && method === 'POST') {
      const sourceUrl = p.get('source_url');
      if (!sourceUrl && !p.file) throw badRequest('source_url or file is required');
      const video = createVideo(store, state, {
        sourceUrl: sourceUrl ?? null,
        originalFilename: p.file ? p.file.name : decodeName(sourceUrl ?? ''),
        payload: p.get('payload') ?? null,
        fails: !p.file && /fail/i.test(sourceUrl ?? ''),
        readyAt: p.file ? now : now + store.timing.downloadMs,
        fileSize: p.file?.size ?? 10_000_000,
        duration: 30_000,
        uploadedSha256: p.file?.sha256 ?? null,
        path: undefined,
      }, p.get('profiles'));
      if (p.get('path_format')) video.path = p.get('path_format')!.replace(/:id|:video_id/g, video.id);
      return ok(renderVideo(video, now));
    }
    if (id === undefined) throw badRequest('Unknown request');
    const video = videoOf(store, state, id);
    if (segments.length === 2 && method === 'GET') return ok(renderVideo(video, now));
    if (segments.length === 2 && method === 'DELETE') {
      state.videos.delete(id);
      for (const e of [...state.encodings.values()]) if (e.videoId === id) state.encodings.delete(e.id);
      return ok({ deleted: true });
    }
    if (sub === 'encodings' && method === 'GET') return ok(listEncodings(state, p, now, id));
    if (sub === 'metadata' && method === 'GET') return ok(renderMetadata(video, now));
    if (sub === 'source' && method === 'DELETE') {
      video.sourceDeleted = true;
      video.updatedAt = now;
      return ok({ deleted: true });
    }
  }

  if (root === 'encodings') {
    if (segments.length === 1 && method === 'GET') return ok(paginate(listEncodings(state, p, now, p.get('video_id')), p));
    if (segments.length === 1 && method === 'POST') {
      const videoId = p.get('video_id');
      if (!videoId) throw badRequest('video_id is required');
      const video = videoOf(store, state, videoId);
      const key = p.get('profile_id') ?? p.get('profile_name');
      if (!key) throw badRequest('profile_id or profile_name is required');
      const profile = store.findProfile(cloudId, key);
      if (!profile) throw notFound('Profile', key);
      return ok(renderEncoding(store.addEncoding(cloudId, video, profile), now));
    }
    const encoding = id === undefined ? undefined : state.encodings.get(id);
    if (!encoding) throw notFound('Encoding', id ?? '');
    if (segments.length === 2 && method === 'GET') return ok(renderEncoding(encoding, now));
    if (segments.length === 2 && method === 'DELETE') {
      state.encodings.delete(encoding.id);
      return ok({ deleted: true });
    }
    if (method === 'POST' && sub === 'cancel') {
      if (['success', 'fail'].includes(encodingStatus(encoding, now).status)) throw new ApiError(422, 'InvalidState', 'Only queued or processing encodings can be canceled');
      // 'cancelled' as the state after cancel is unconfirmed (spec §4.3)
      encoding.cancelled = true;
      encoding.updatedAt = now;
      return ok({ canceled: true });
    }
    if (method === 'POST' && sub === 'retry') {
      if (!['fail', 'cancelled'].includes(encodingStatus(encoding, now).status)) throw new ApiError(422, 'InvalidState', 'Only failed or canceled encodings can be retried');
      store.restartEncoding(encoding);
      return ok({ retried: true });
    }
  }

  if (root === 'profiles') {
    if (segments.length === 1 && method === 'GET') return ok(paginate([...state.profiles.values()].sort((a, b) => a.createdAt - b.createdAt), p).map(renderProfile));
    if (segments.length === 1 && method === 'POST') {
      const fields = profileFields(p);
      const preset = p.get('preset_name');
      if (preset !== undefined && !PRESETS.includes(preset)) throw new ApiError(422, 'ValidationFailed', `Unknown preset_name ${preset}`);
      if (preset === undefined && (!fields.command || !fields.extname)) throw new ApiError(422, 'ValidationFailed', 'preset_name, or command and extname, are required');
      const name = p.get('name') ?? preset ?? `profile-${state.profiles.size + 1}`;
      // names are unique per cloud: a duplicate is refused like any invalid record
      if (store.findProfile(cloudId, name)) throw new ApiError(422, 'ValidationFailed', `Name ${name} has already been taken`);
      if (preset) fields.extname ??= PRESET_EXT[preset] ?? '.mp4';
      return ok(renderProfile(store.addProfile(cloudId, name, fields, now)));
    }
    const profile = id === undefined ? undefined : store.findProfile(cloudId, id);
    if (!profile) throw notFound('Profile', id ?? '');
    if (segments.length === 2 && method === 'GET') return ok(renderProfile(profile));
    if (segments.length === 2 && method === 'PUT') {
      const name = p.get('name');
      if (name !== undefined && name !== profile.name && store.findProfile(cloudId, name)) throw new ApiError(422, 'ValidationFailed', `Name ${name} has already been taken`);
      Object.assign(profile.fields, profileFields(p));
      if (name) profile.name = name;
      profile.updatedAt = now;
      return ok(renderProfile(profile));
    }
    if (segments.length === 2 && method === 'DELETE') {
      state.profiles.delete(profile.id);
      return ok({ deleted: true });
    }
  }

  if (root === 'notifications' && segments.length === 1) {
    if (method === 'GET') return ok(renderNotifications(state.notifications));
    if (method === 'PUT') return ok(renderNotifications(updateNotifications(state, p)));
  }
  throw badRequest('Unknown request');
}

function listEncodings(state: CloudState, p: RequestParams, now: number, videoId: string | undefined) {
  const status = p.get('status');
  const profileId = p.get('profile_id');
  const profileName = p.get('profile_name');
  return [...state.encodings.values()]
    .filter((e) => (videoId === undefined || e.videoId === videoId) && (!profileId || e.profileId === profileId) && (!profileName || e.profileName === profileName))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((e) => renderEncoding(e, now))
    .filter((e) => !status || e.status === status);
}

/** `events` as JSON text (booleans or "true"/"false") or `events[name]=…` pairs; url "None" = null (spec §9.9). */
function updateNotifications(state: CloudState, p: RequestParams) {
  const n = state.notifications;
  const url = p.get('url');
  if (url !== undefined) n.url = url === 'None' || url === '' ? null : url;
  const delay = p.get('delay');
  if (delay !== undefined) {
    if (!/^\d+$/.test(delay)) throw new ApiError(422, 'ValidationFailed', 'delay must be an integer');
    n.delay = Number(delay);
  }
  const flag = (value: unknown) => value === true || value === 'true' || value === 'True';
  const events = p.get('events');
  if (events !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(events);
    } catch {
      throw badRequest('events must be a JSON object');
    }
    if (typeof parsed !== 'object' || parsed === null) throw badRequest('events must be a JSON object');
    for (const [key, value] of Object.entries(parsed)) if ((NOTIFICATION_EVENTS as readonly string[]).includes(key)) n.events[key] = flag(value);
  }
  for (const [key, value] of p.pairs) {
    const m = /^events\[(\w+)\]$/.exec(key);
    if (m && (NOTIFICATION_EVENTS as readonly string[]).includes(m[1]!)) n.events[m[1]!] = flag(value);
  }
  return n;
}

function decodeName(url: string): string {
  const last = url.split(/[?#]/)[0]!.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || 'video';
  } catch {
    return last || 'video';
  }
}
