import type { ProfileValue } from './presets';
import { isPreset, PRESETS } from './presets';
import type { CloudState, EncodingInit, Failure, StoredCloud, StoredEncoding, StoredNotifications, StoredProfile, StoredVideo, Timing, VideoInit } from './records';
import { parsePandaDate } from './wire';

/**
 * Test seeding from wire shapes (the JSON the API shows, e.g. a recorded response): each status
 * becomes the timeline that shows it at the clock's now, and then moves on like any other record.
 */

export type SeedRecord = Readonly<Record<string, unknown>>;

/** What seeding needs of the store (PandaStore has it): named here so the store can import the seeders. */
export interface SeedStore {
  readonly timing: Timing;
  now(): number;
  cloud(cloudId: string): CloudState | undefined;
  findProfile(cloudId: string, idOrName: string): StoredProfile | undefined;
  addProfile(cloudId: string, name: string, fields: Record<string, ProfileValue>, options?: { id?: string; at?: number }): StoredProfile;
  addVideo(cloudId: string, init: VideoInit): StoredVideo;
  addEncoding(cloudId: string, video: StoredVideo, profile: StoredProfile, init?: EncodingInit): StoredEncoding;
}

const str = (r: SeedRecord, key: string): string | undefined => (typeof r[key] === 'string' ? (r[key] as string) : undefined);
const num = (r: SeedRecord, key: string): number | undefined => (typeof r[key] === 'number' && Number.isFinite(r[key]) ? (r[key] as number) : undefined);

function failureOf(r: SeedRecord, errorClass: string, errorMessage: string): Failure {
  return { errorClass: str(r, 'error_class') ?? errorClass, errorMessage: str(r, 'error_message') ?? errorMessage };
}

/** A video: `success`/`fail` as stored at `created_at`, `processing` until a download ends from now. */
export function seedVideo(store: SeedStore, cloudId: string, input: SeedRecord): StoredVideo {
  const now = store.now();
  const createdAt = parsePandaDate(str(input, 'created_at')) ?? now;
  const status = str(input, 'status') ?? 'success';
  const id = str(input, 'id');
  if (id !== undefined) store.cloud(cloudId)?.videos.delete(id);
  return store.addVideo(cloudId, {
    id,
    createdAt,
    updatedAt: parsePandaDate(str(input, 'updated_at')) ?? createdAt,
    readyAt: status === 'processing' ? now + store.timing.downloadMs : Math.min(createdAt, now),
    failure: status === 'fail' ? failureOf(input, 'DownloadFailed', 'The source file could not be downloaded') : null,
    sourceUrl: str(input, 'source_url'),
    originalFilename: str(input, 'original_filename'),
    extname: str(input, 'extname'),
    path: str(input, 'path'),
    payload: str(input, 'payload'),
    mimeType: str(input, 'mime_type'),
    videoCodec: str(input, 'video_codec'),
    audioCodec: str(input, 'audio_codec'),
    width: num(input, 'width'),
    height: num(input, 'height'),
    fps: num(input, 'fps'),
    duration: num(input, 'duration'),
    fileSize: num(input, 'file_size'),
  });
}

/** A profile, replacing one with the same id or name (names are unique per cloud). */
export function seedProfile(store: SeedStore, cloudId: string, input: SeedRecord): StoredProfile {
  const preset = str(input, 'preset_name');
  const name = str(input, 'name') ?? preset ?? 'h264';
  const fields: Record<string, ProfileValue> = preset !== undefined && isPreset(preset) ? { ...PRESETS[preset] } : {};
  for (const [key, value] of Object.entries(input)) {
    if (['id', 'name', 'created_at', 'updated_at'].includes(key)) continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value as ProfileValue;
  }
  const profiles = store.cloud(cloudId)?.profiles;
  const id = str(input, 'id');
  for (const p of [...(profiles?.values() ?? [])]) if (p.id === id || p.name === name) profiles?.delete(p.id);
  const createdAt = parsePandaDate(str(input, 'created_at')) ?? undefined;
  const profile = store.addProfile(cloudId, name, fields, { id, at: createdAt });
  profile.updatedAt = parsePandaDate(str(input, 'updated_at')) ?? profile.createdAt;
  return profile;
}

/**
 * An encoding: `success`/`fail` finished (after `encoding_time`), `processing` queued when it shows
 * no start and no progress, else started long enough ago to show its `encoding_progress`;
 * `cancelled` as cancelled now. Its video and profile are seeded when missing.
 */
export function seedEncoding(store: SeedStore, cloudId: string, input: SeedRecord): StoredEncoding {
  const videoId = str(input, 'video_id');
  if (videoId === undefined) throw new Error('seedEncoding: video_id is required');
  const state = store.cloud(cloudId);
  const video = state?.videos.get(videoId) ?? seedVideo(store, cloudId, { id: videoId });
  const profileId = str(input, 'profile_id');
  const profileName = str(input, 'profile_name');
  const profile =
    (profileId !== undefined ? store.findProfile(cloudId, profileId) : undefined) ??
    (profileName !== undefined ? store.findProfile(cloudId, profileName) : undefined) ??
    seedProfile(store, cloudId, { id: profileId, name: profileName, preset_name: profileName !== undefined && isPreset(profileName) ? profileName : 'h264' });
  const now = store.now();
  const { queueMs, encodingMs } = store.timing;
  const createdAt = parsePandaDate(str(input, 'created_at')) ?? now;
  const status = str(input, 'status') ?? 'processing';
  const startedAt = parsePandaDate(str(input, 'started_encoding_at'));
  const progress = Math.max(0, Math.min(99, num(input, 'encoding_progress') ?? 0));
  let timeline: { startsAt: number; durationMs: number; endsAt: number };
  if (status === 'success' || status === 'fail') {
    const durationMs = (num(input, 'encoding_time') ?? 0) > 0 ? num(input, 'encoding_time')! : encodingMs;
    const endsAt = Math.min((startedAt ?? createdAt) + durationMs, now);
    timeline = { startsAt: Math.min(startedAt ?? createdAt, endsAt), durationMs, endsAt };
  } else if (status === 'processing' && startedAt === null && progress === 0) {
    timeline = { startsAt: now + queueMs, durationMs: encodingMs, endsAt: now + queueMs + encodingMs };
  } else {
    const startsAt = now - Math.round((progress / 100) * encodingMs);
    timeline = { startsAt, durationMs: encodingMs, endsAt: startsAt + encodingMs };
  }
  const id = str(input, 'id');
  if (id !== undefined) state?.encodings.delete(id);
  const files = Array.isArray(input.files) ? input.files.filter((f): f is string => typeof f === 'string') : undefined;
  const encoding = store.addEncoding(cloudId, video, profile, {
    id,
    at: Math.min(createdAt, timeline.startsAt),
    ...timeline,
    failure: status === 'fail' ? failureOf(input, 'EncodingError', 'The encoding has failed') : null,
    cancelledAt: status === 'cancelled' ? now : null,
    profileId,
    profileName,
    files: files && files.length > 0 ? files : undefined,
    fileSize: num(input, 'file_size'),
  });
  const path = str(input, 'path');
  if (path !== undefined) encoding.path = path;
  encoding.extname = str(input, 'extname') ?? encoding.extname;
  encoding.width = num(input, 'width') ?? encoding.width;
  encoding.height = num(input, 'height') ?? encoding.height;
  encoding.updatedAt = parsePandaDate(str(input, 'updated_at')) ?? encoding.updatedAt;
  return encoding;
}

/** Fields of an existing cloud (clouds come from the emulator's accounts). */
export function seedCloud(store: SeedStore, cloudId: string, input: SeedRecord): StoredCloud {
  const cloud = store.cloud(cloudId)?.cloud;
  if (!cloud) throw new Error(`seedCloud: no cloud ${cloudId} among the accounts`);
  cloud.name = str(input, 'name') ?? cloud.name;
  cloud.s3VideosBucket = str(input, 's3_videos_bucket') ?? cloud.s3VideosBucket;
  cloud.url = str(input, 'url') ?? cloud.url;
  cloud.priority = num(input, 'priority') ?? cloud.priority;
  if (typeof input.s3_private_access === 'boolean') cloud.s3PrivateAccess = input.s3_private_access;
  cloud.createdAt = parsePandaDate(str(input, 'created_at')) ?? cloud.createdAt;
  cloud.updatedAt = parsePandaDate(str(input, 'updated_at')) ?? cloud.updatedAt;
  return cloud;
}

export function seedNotifications(store: SeedStore, cloudId: string, input: SeedRecord): StoredNotifications {
  const n = store.cloud(cloudId)?.notifications;
  if (!n) throw new Error(`seedNotifications: no cloud ${cloudId}`);
  if ((input.url === null || typeof input.url === 'string') && input.url !== n.url) {
    n.url = input.url;
    n.urlSetAt = store.now();
  }
  n.delay = num(input, 'delay') ?? n.delay;
  if (typeof input.events === 'object' && input.events !== null) {
    for (const [key, value] of Object.entries(input.events)) n.events[key] = value === true || value === 'true';
  }
  return n;
}
