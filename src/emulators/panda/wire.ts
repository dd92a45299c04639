import type { StoredCloud, StoredEncoding, StoredNotifications, StoredProfile, StoredVideo } from './store';

/** Store → the API's JSON shapes (panda spec §4), statuses derived from `now`. */

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY/MM/DD HH:MM:SS +0000` (panda spec §4). */
export function pandaDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export function videoStatus(v: StoredVideo, now: number): 'processing' | 'success' | 'fail' {
  if (now < v.readyAt) return 'processing';
  return v.fails ? 'fail' : 'success';
}

export function renderVideo(v: StoredVideo, now: number) {
  const status = videoStatus(v, now);
  return {
    id: v.id,
    status,
    original_filename: v.originalFilename,
    source_url: v.sourceUrl,
    extname: v.extname,
    path: v.path,
    mime_type: 'video/mp4',
    video_codec: status === 'success' ? 'h264' : null,
    audio_codec: status === 'success' ? 'aac' : null,
    height: status === 'success' ? v.height : null,
    width: status === 'success' ? v.width : null,
    fps: status === 'success' ? v.fps : null,
    duration: status === 'success' ? v.duration : null,
    file_size: status === 'success' ? v.fileSize : null,
    payload: v.payload,
    // demo convention: a source_url containing "fail" cannot be downloaded
    error_class: status === 'fail' ? 'DownloadFailed' : null,
    error_message: status === 'fail' ? 'The source file could not be downloaded' : null,
    created_at: pandaDate(v.createdAt),
    updated_at: pandaDate(Math.max(v.updatedAt, Math.min(now, v.readyAt))),
  };
}

export function encodingStatus(e: StoredEncoding, now: number): { status: string; progress: number; started: boolean } {
  if (e.cancelled) return { status: 'cancelled', progress: 0, started: false };
  if (now < e.startsAt) return { status: 'processing', progress: 0, started: false };
  if (now < e.finishesAt) {
    const progress = Math.min(99, Math.floor(((now - e.startsAt) / (e.finishesAt - e.startsAt)) * 100));
    return { status: 'processing', progress, started: true };
  }
  return e.fails ? { status: 'fail', progress: 0, started: true } : { status: 'success', progress: 100, started: true };
}

export function renderEncoding(e: StoredEncoding, now: number) {
  const { status, progress, started } = encodingStatus(e, now);
  const done = status === 'success';
  return {
    id: e.id,
    video_id: e.videoId,
    extname: e.extname,
    path: e.id,
    profile_id: e.profileId,
    profile_name: e.profileName,
    status,
    encoding_progress: progress,
    height: e.height,
    width: e.width,
    file_size: done ? Math.round((e.finishesAt - e.startsAt) * 97) : null,
    started_encoding_at: started ? pandaDate(e.startsAt) : '',
    encoding_time: started ? Math.round((Math.min(now, e.finishesAt) - e.startsAt) / 1000) : 0,
    files: done ? [`${e.id}${e.extname}`] : [],
    error_class: status === 'fail' ? 'EncodingError' : null,
    error_message: status === 'fail' ? 'The encoder could not process the source' : null,
    created_at: pandaDate(e.createdAt),
    updated_at: pandaDate(Math.max(e.updatedAt, Math.min(now, e.finishesAt))),
  };
}

export function renderProfile(p: StoredProfile) {
  return { id: p.id, name: p.name, ...p.fields, created_at: pandaDate(p.createdAt), updated_at: pandaDate(p.updatedAt) };
}

export function renderCloud(c: StoredCloud) {
  return {
    id: c.id,
    name: c.name,
    s3_videos_bucket: c.s3VideosBucket,
    s3_private_access: c.s3PrivateAccess,
    url: `http://${c.s3VideosBucket}.s3.amazonaws.com/`,
    priority: c.priority,
    created_at: pandaDate(c.createdAt),
    updated_at: pandaDate(c.updatedAt),
  };
}

export function renderNotifications(n: StoredNotifications) {
  return { url: n.url, delay: n.delay, events: { ...n.events } };
}

/** Technical metadata of a stored source (panda spec §4.2), derived from the video. */
export function renderMetadata(v: StoredVideo, now: number) {
  const ready = videoStatus(v, now) === 'success';
  return ready
    ? {
        image_width: v.width,
        image_height: v.height,
        video_frame_rate: v.fps,
        duration: `${(v.duration / 1000).toFixed(2)} s`,
        audio_sample_rate: 48000,
        audio_channels: 2,
        audio_format: 'mp4a',
        compressor_id: 'avc1',
        mime_type: 'video/mp4',
        file_size: `${Math.round(v.fileSize / 1000)} kB`,
        rotation: 0,
      }
    : {};
}
