import { encodingState, videoStatus, type EncodingStatus, type VideoStatus } from './lifecycle';
import type { ProfileValue } from './presets';
import type { StoredCloud, StoredEncoding, StoredNotifications, StoredProfile, StoredVideo } from './records';

/** The API's JSON shapes (panda spec §4) and their rendering from the store at a given time. */

export type WireCloud = {
  id: string;
  name: string;
  s3_videos_bucket: string;
  s3_private_access: boolean;
  url: string;
  priority: number;
  created_at: string;
  updated_at: string;
};

export type WireVideo = {
  id: string;
  status: VideoStatus;
  original_filename: string | null;
  source_url: string | null;
  extname: string;
  path: string;
  mime_type: string | null;
  video_codec: string | null;
  audio_codec: string | null;
  height: number | null;
  width: number | null;
  fps: number | null;
  /** Milliseconds. */
  duration: number | null;
  file_size: number | null;
  payload: string | null;
  error_class: string | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
};

export type WireEncoding = {
  id: string;
  video_id: string;
  extname: string;
  path: string;
  profile_id: string;
  profile_name: string;
  status: EncodingStatus;
  encoding_progress: number;
  height: number | null;
  width: number | null;
  file_size: number | null;
  /** "" while queued (spec §4.3). */
  started_encoding_at: string;
  /** Milliseconds spent encoding. */
  encoding_time: number;
  files: string[];
  error_class: string | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
};

export type WireProfile = { id: string; name: string; created_at: string; updated_at: string; [option: string]: ProfileValue };

export type WireNotifications = { url: string | null; delay: number; events: Record<string, boolean> };

export type WireMetadata = Record<string, string | number>;

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY/MM/DD HH:MM:SS +0000` (spec §4). */
export function pandaDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Reads `YYYY/MM/DD HH:MM:SS ±HHMM` (any offset, as the docs' examples show `+0100`); null otherwise. */
export function parsePandaDate(text: string | null | undefined): number | null {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2}):?(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const utc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  const offset = (m[7] === '-' ? -1 : 1) * (+m[8]! * 60 + +m[9]!) * 60_000;
  return utc - offset;
}

export function renderVideo(v: StoredVideo, now: number): WireVideo {
  const status = videoStatus(v, now);
  const stored = status === 'success';
  return {
    id: v.id,
    status,
    original_filename: v.originalFilename,
    source_url: v.sourceUrl,
    extname: v.extname,
    path: v.path,
    mime_type: stored ? v.mimeType : null,
    // media fields are known once the source is stored and analysed
    video_codec: stored ? v.videoCodec : null,
    audio_codec: stored ? v.audioCodec : null,
    height: stored ? v.height : null,
    width: stored ? v.width : null,
    fps: stored ? v.fps : null,
    duration: stored ? v.duration : null,
    file_size: stored ? v.fileSize : null,
    payload: v.payload,
    error_class: status === 'fail' ? v.failure!.errorClass : null,
    error_message: status === 'fail' ? v.failure!.errorMessage : null,
    created_at: pandaDate(v.createdAt),
    updated_at: pandaDate(status === 'processing' ? v.updatedAt : Math.max(v.updatedAt, v.readyAt)),
  };
}

export function renderEncoding(e: StoredEncoding, now: number): WireEncoding {
  const state = encodingState(e, now);
  const done = state.status === 'success';
  const stoppedAt = Math.min(now, e.endsAt, e.cancelledAt ?? Number.POSITIVE_INFINITY);
  return {
    id: e.id,
    video_id: e.videoId,
    extname: e.extname,
    path: e.path,
    profile_id: e.profileId,
    profile_name: e.profileName,
    status: state.status,
    encoding_progress: state.progress,
    height: e.height,
    width: e.width,
    file_size: done ? e.fileSize : null,
    started_encoding_at: state.startedAt === null ? '' : pandaDate(state.startedAt),
    encoding_time: state.startedAt === null ? 0 : Math.max(0, Math.round(stoppedAt - state.startedAt)),
    files: done ? [...e.files] : [],
    error_class: state.status === 'fail' ? e.failure!.errorClass : null,
    error_message: state.status === 'fail' ? e.failure!.errorMessage : null,
    created_at: pandaDate(e.createdAt),
    updated_at: pandaDate(Math.max(e.updatedAt, state.since)),
  };
}

export function renderProfile(p: StoredProfile): WireProfile {
  return { id: p.id, name: p.name, ...p.fields, created_at: pandaDate(p.createdAt), updated_at: pandaDate(p.updatedAt) };
}

export function renderCloud(c: StoredCloud): WireCloud {
  return {
    id: c.id,
    name: c.name,
    s3_videos_bucket: c.s3VideosBucket,
    s3_private_access: c.s3PrivateAccess,
    url: c.url,
    priority: c.priority,
    created_at: pandaDate(c.createdAt),
    updated_at: pandaDate(c.updatedAt),
    ...(c.uploadOriginalVideo === undefined ? {} : { upload_original_video: c.uploadOriginalVideo }),
  };
}

export function renderNotifications(n: StoredNotifications): WireNotifications {
  const extra = n.sendVideoPayload === undefined ? {} : { send_video_payload: n.sendVideoPayload };
  return { url: n.url, delay: n.delay, ...extra, events: { ...n.events } };
}

/** What analysing the source found (spec §4.2): free-form keys; empty until the source is stored. */
export function renderMetadata(v: StoredVideo, now: number): WireMetadata {
  if (videoStatus(v, now) !== 'success') return {};
  if (v.metadata) return { ...v.metadata };
  return {
    image_width: v.width,
    image_height: v.height,
    video_frame_rate: v.fps,
    duration: `${(v.duration / 1000).toFixed(2)} s`,
    audio_format: 'mp4a',
    audio_sample_rate: 48000,
    audio_channels: 2,
    compressor_id: 'avc1',
    mime_type: v.mimeType,
    file_size: `${Math.round(v.fileSize / 1024)} kB`,
    rotation: 0,
  };
}
