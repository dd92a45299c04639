import { badRequest, notFound } from './errors';
import type { RequestParams } from './params';
import type { CloudState, Failure, ReceivedFile, StoredProfile, StoredVideo } from './records';
import { extnameOf, type PandaStore } from './store';

/** Videos (panda spec §4.2) and the creation shared with upload sessions (§9.4.17). */

export interface VideoOptions {
  /** `profiles`: comma-separated names or ids, or `none`. */
  readonly profiles?: string;
  /** Upload sessions: every profile of the cloud. */
  readonly useAllProfiles?: boolean;
  readonly pathFormat?: string;
  readonly payload?: string;
}

export type VideoSource = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'file'; readonly file: ReceivedFile };

const TRUE = new Set(['true', 'True', '1']);

export function videoOptions(p: RequestParams): VideoOptions {
  return { profiles: p.get('profiles'), useAllProfiles: TRUE.has(p.get('use_all_profiles') ?? ''), pathFormat: p.get('path_format'), payload: p.get('payload') };
}

/**
 * The profiles a new video is encoded with: all of the cloud's without `profiles` (SDK README),
 * none for `profiles=none` (spec §9.2.6). Unknown names answer 404 ([UNCONFIRMED] what the real
 * service did). `path_format` must hold `:id` and `payload` at most 256 characters (spec §4.2).
 */
export function checkVideoOptions(store: PandaStore, state: CloudState, o: VideoOptions, defaultAll = true): StoredProfile[] {
  if (o.payload !== undefined && [...o.payload].length > 256) throw badRequest('payload is limited to 256 characters');
  if (o.pathFormat !== undefined && o.pathFormat !== '' && !o.pathFormat.includes(':id')) throw badRequest('path_format must contain :id');
  if (o.useAllProfiles) return [...state.profiles.values()];
  if (o.profiles === undefined || o.profiles.trim() === '') return defaultAll ? [...state.profiles.values()] : [];
  if (o.profiles.trim() === 'none') return [];
  const names = [
    ...new Set(
      o.profiles
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ];
  return names.map((name) => {
    const profile = store.findProfile(state.cloud.id, name);
    if (!profile) throw notFound('Profile', name, /^[0-9a-f]{32}$/.test(name) ? 'ID' : 'name');
    return profile;
  });
}

/** Demo convention: a `source_url` that contains "fail" (or is no http/https/ftp URL) cannot be downloaded. */
function downloadFailure(url: string): Failure | null {
  if (!/^(https?|ftp):\/\/[^/\s]+/i.test(url)) return { errorClass: 'DownloadFailed', errorMessage: `Unsupported source_url: ${url.slice(0, 100)}` };
  if (/fail/i.test(url)) return { errorClass: 'DownloadFailed', errorMessage: `Panda was not able to download the file from ${url.slice(0, 200)} (HTTP 404)` };
  return null;
}

function fileNameOf(url: string): string {
  const last = url.split(/[?#]/)[0]!.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || 'video';
  } catch {
    return last || 'video';
  }
}

/** Creates a video and its encodings, as POST /videos.json does. */
export function createVideo(store: PandaStore, state: CloudState, source: VideoSource, profiles: readonly StoredProfile[], o: VideoOptions): StoredVideo {
  const now = store.now();
  const fromUrl = source.kind === 'url';
  const originalFilename = fromUrl ? fileNameOf(source.url) : source.file.name.split(/[\\/]/).pop() || 'video';
  const video = store.addVideo(state.cloud.id, {
    createdAt: now,
    // a URL is downloaded first; an uploaded file is stored as it arrives
    readyAt: fromUrl ? now + store.timing.downloadMs : now,
    failure: fromUrl ? downloadFailure(source.url) : null,
    sourceUrl: fromUrl ? source.url : null,
    originalFilename,
    extname: extnameOf(originalFilename) ?? '.mp4',
    pathFormat: o.pathFormat || null,
    payload: o.payload ?? null,
    fileSize: fromUrl ? undefined : source.file.size,
    upload: fromUrl ? null : source.file,
  });
  for (const profile of profiles) store.addEncoding(state.cloud.id, video, profile, { at: now });
  return video;
}

export function findVideo(state: CloudState, id: string): StoredVideo {
  const video = state.videos.get(id);
  if (!video) throw notFound('Video', id);
  return video;
}

/** Sort key: newest first by `created_at` as the wire shows it (whole seconds), then by id. */
