import { badRequest, missingParams, notFound } from './errors';
import type { RequestParams } from './params';
import { isPreset, PRESETS, type ProfileValue } from './presets';
import { cloudOf, noRoute, ok, paginate, type ApiReply, type RouteContext } from './route-context';
import type { CloudState, StoredProfile } from './records';
import { renderProfile } from './wire';

/** Profiles (panda spec §4.4): found by id or name; names unique per cloud. */

const NUMBERS = new Set([
  'width',
  'height',
  'audio_bitrate',
  'video_bitrate',
  'fps',
  'keyframe_interval',
  'keyframe_rate',
  'audio_sample_rate',
  'audio_channels',
  'clip_length',
  'clip_offset',
  'frame_count',
  'frame_interval',
  'h264_crf',
  'watermark_top',
  'watermark_bottom',
  'watermark_left',
  'watermark_right',
  'watermark_width',
  'watermark_height',
]);
const BOOLEANS = new Set(['upscale', 'two_pass', 'encryption']);
const TEXTS = new Set([
  'title',
  'extname',
  'aspect_mode',
  'watermark_url',
  'h264_profile',
  'h264_level',
  'frame_offsets',
  'encryption_key_url',
  'encryption_key',
  'encryption_iv',
  'variants',
  'stack',
  'command',
  'preset_name',
]);
const ASPECT_MODES = ['preserve', 'constrain', 'letterbox', 'pad', 'crop'];
const TRUTH: Record<string, boolean> = { True: true, true: true, '1': true, False: false, false: false, '0': false };

/**
 * The documented options among `p`, typed as the API shows them; "None" (the SDK's text for a
 * Python None, spec §2.3) clears one. Unknown keys are ignored, as R16's `meta` shows they may come.
 * Every refusal is a 400 BadRequest: the one client-error class spec §5 documents.
 */
function profileFields(p: RequestParams): Record<string, ProfileValue> {
  const fields: Record<string, ProfileValue> = {};
  for (const [key, value] of p.pairs) {
    if (!NUMBERS.has(key) && !BOOLEANS.has(key) && !TEXTS.has(key)) continue;
    if (value === 'None' || (value === '' && !TEXTS.has(key))) fields[key] = null;
    else if (NUMBERS.has(key)) {
      if (!/^\d+(\.\d+)?$/.test(value)) throw badRequest(`${key} must be a non-negative number`);
      fields[key] = Number(value);
    } else if (BOOLEANS.has(key)) {
      if (!(value in TRUTH)) throw badRequest(`${key} must be true or false`);
      fields[key] = TRUTH[value]!;
    } else fields[key] = value;
  }
  const aspect = fields.aspect_mode;
  if (typeof aspect === 'string' && !ASPECT_MODES.includes(aspect)) throw badRequest(`aspect_mode must be one of ${ASPECT_MODES.join(', ')}`);
  const preset = fields.preset_name;
  if (typeof preset === 'string' && !isPreset(preset)) throw badRequest(`Unknown preset_name: ${preset}`);
  const extname = fields.extname;
  if (typeof extname === 'string' && !/^\.[A-Za-z0-9]{1,8}$/.test(extname)) throw badRequest('extname must look like ".mp4"');
  return fields;
}

/** Names are unique per cloud: a duplicate is a 400 with a clear message (the real status is not documented). */
function checkName(state: CloudState, name: string, self: StoredProfile | null): void {
  if (name.trim() === '') throw badRequest('name must not be blank');
  if (/[/?#]/.test(name)) throw badRequest('name must not contain "/", "?" or "#"');
  const other = [...state.profiles.values()].find((p) => p.name === name && p !== self);
  if (other) throw badRequest(`Name has already been taken: a profile named "${name}" exists`);
}

function findProfile(state: CloudState, idOrName: string): StoredProfile {
  const profile = state.profiles.get(idOrName) ?? [...state.profiles.values()].find((p) => p.name === idOrName);
  if (!profile) throw notFound('Profile', idOrName, /^[0-9a-f]{32}$/.test(idOrName) ? 'ID' : 'name');
  return profile;
}

export function profileRoutes(ctx: RouteContext): ApiReply {
  const { store, method, segments, params: p, now } = ctx;
  const state = cloudOf(ctx);
  if (segments.length === 1 && method === 'GET') {
    const profiles = [...state.profiles.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    return ok(paginate(profiles, p).map(renderProfile));
  }
  if (segments.length === 1 && method === 'POST') {
    const fields = profileFields(p);
    const preset = typeof fields.preset_name === 'string' ? fields.preset_name : null;
    if (preset === null && (typeof fields.command !== 'string' || typeof fields.extname !== 'string')) {
      throw missingParams('preset_name, or command and extname');
    }
    // a preset profile is named after its preset unless told otherwise; a custom one needs a name ([UNCONFIRMED])
    const name = p.get('name') ?? preset;
    if (name === null) throw missingParams('name');
    checkName(state, name, null);
    const base = preset === null ? {} : { ...PRESETS[preset] };
    return ok(renderProfile(store.addProfile(state.cloud.id, name, { ...base, ...fields }, { at: now })));
  }
  if (segments.length !== 2) throw noRoute(ctx);
  const profile = findProfile(state, segments[1]!);
  if (method === 'GET') return ok(renderProfile(profile));
  if (method === 'PUT') {
    const fields = profileFields(p);
    const name = p.get('name');
    if (name !== undefined) checkName(state, name, profile);
    Object.assign(profile.fields, fields);
    if (name !== undefined) profile.name = name;
    profile.updatedAt = now;
    return ok(renderProfile(profile));
  }
  if (method === 'DELETE') {
    state.profiles.delete(profile.id);
    return ok({ deleted: true });
  }
  throw noRoute(ctx);
}
