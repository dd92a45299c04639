import { CREATION_SERVER_UPLOAD, STATES, STREAMABLE } from './states';
import type { AppState, StoredAuthToken, StoredStream, StoredVideo, ZiggeoStore } from './store';

/** The JSON objects of ziggeo spec §6, field for field as the vectors' canned answers order them. */

const seconds = (ms: number | null): number | null => (ms === null ? null : Math.floor(ms / 1000));

export function renderStream(store: ZiggeoStore, stream: StoredStream, now: number): Record<string, unknown> {
  const state = store.streamState(stream, now);
  const streamable = state === 'READY' ? STREAMABLE.DEGRADED : STREAMABLE.NONE;
  return {
    volatile: stream.volatile,
    token: stream.token,
    key: stream.key,
    video_token: stream.videoToken,
    creation_type: CREATION_SERVER_UPLOAD.code,
    creation_type_string: CREATION_SERVER_UPLOAD.name,
    state: STATES[state],
    state_string: state,
    streamable: streamable.code,
    streamable_string: streamable.name,
    video_type: stream.videoType,
    video_sub_type: stream.videoSubType,
    image_size: stream.image?.size ?? 0,
    video_size: stream.video?.size ?? 0,
    video_width: stream.width,
    video_height: stream.height,
    duration: state === 'READY' ? stream.duration : null,
    has_video: stream.video !== null,
    has_image: stream.image !== null || state === 'READY',
    submission_date: seconds(stream.submitted),
    created: seconds(stream.created),
    owned: true,
    type: 'ApiVideoStream',
  };
}

export function renderVideo(store: ZiggeoStore, app: AppState, video: StoredVideo, now: number): Record<string, unknown> {
  const state = store.videoState(video, now);
  const main = store.mainStream(video);
  const original = video.streams.find((s) => s.token === video.originalStream) ?? null;
  const embed = `//embed.ziggeo.com/v1/applications/${app.account.token}/videos/${video.token}`;
  return {
    volatile: video.volatile,
    token: video.token,
    key: video.key,
    state: STATES[state],
    state_string: state,
    max_duration: video.maxDuration,
    min_duration: video.minDuration,
    duration: main && state === 'READY' ? main.duration : null,
    tags: video.tags,
    submission_date: seconds(main?.submitted ?? null),
    resubmission_date: seconds(video.resubmitted ?? main?.submitted ?? null),
    stream_submission_date: seconds(main?.submitted ?? null),
    delete_old_streams: true,
    approved: video.approved,
    expiration_days: video.expirationDays,
    expire_on: video.expireOn,
    device_info: video.deviceInfo,
    embed_video_url: `${embed}/video.${main?.videoType ?? 'mp4'}`,
    embed_image_url: `${embed}/image.jpg`,
    type: 'ApiVideo',
    created: seconds(video.created),
    owned: false,
    streams: video.streams.map((s) => renderStream(store, s, now)),
    original_stream: original && renderStream(store, original, now),
    default_stream: main ? renderStream(store, main, now) : null,
  };
}

export function renderAuthToken(token: StoredAuthToken): Record<string, unknown> {
  return {
    volatile: token.volatile,
    token: token.token,
    nonce: null,
    hidden: token.hidden,
    expiration_date: token.expirationDate,
    usage_expiration_time: token.usageExpirationTime,
    session_limit: token.sessionLimit,
    grants: token.grants,
  };
}

/** 2.30 reads 2xx bodies as ASCII: every non-ASCII character travels as `\uXXXX` (spec §10.2.2). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
