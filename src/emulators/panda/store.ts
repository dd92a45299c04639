import { randomBytes } from 'node:crypto';
import type { EmulatorClock } from '../common/clock';

/** Emulator state per cloud; statuses are derived from the clock when read, so no timers run. */

export interface StoredCloud {
  id: string;
  accessKey: string;
  name: string;
  s3VideosBucket: string;
  s3PrivateAccess: boolean;
  priority: number;
  createdAt: number;
  updatedAt: number;
}

export interface StoredVideo {
  id: string;
  cloudId: string;
  createdAt: number;
  updatedAt: number;
  /** When the source is fetched/stored: `processing` before, `success` or `fail` after. */
  readyAt: number;
  fails: boolean;
  sourceUrl: string | null;
  originalFilename: string | null;
  extname: string;
  path: string;
  payload: string | null;
  fileSize: number;
  duration: number;
  width: number;
  height: number;
  fps: number;
  sourceDeleted: boolean;
  /** SHA-256 of bytes received by upload (emulator-only, for tests). */
  uploadedSha256: string | null;
}

export interface StoredEncoding {
  id: string;
  cloudId: string;
  videoId: string;
  profileId: string;
  profileName: string;
  createdAt: number;
  updatedAt: number;
  /** Queued until then, then processing until `finishesAt`. */
  startsAt: number;
  finishesAt: number;
  cancelled: boolean;
  fails: boolean;
  extname: string;
  width: number;
  height: number;
}

export interface StoredProfile {
  id: string;
  cloudId: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Every other field as last set (`title`, `preset_name`, `width`, …), wire-typed. */
  fields: Record<string, string | number | boolean | null>;
}

export interface StoredNotifications {
  url: string | null;
  delay: number;
  events: Record<string, boolean>;
}

export interface CloudState {
  cloud: StoredCloud;
  videos: Map<string, StoredVideo>;
  encodings: Map<string, StoredEncoding>;
  profiles: Map<string, StoredProfile>;
  notifications: StoredNotifications;
}

export const NOTIFICATION_EVENTS = ['video_created', 'video_encoded', 'encoding_progress', 'encoding_completed'] as const;

export interface Timing {
  /** Source fetch time of a video created from a URL. */
  readonly downloadMs: number;
  readonly queueMs: number;
  readonly encodingMs: number;
}

export class PandaStore {
  readonly clouds = new Map<string, CloudState>();

  constructor(
    readonly clock: EmulatorClock,
    readonly timing: Timing,
    private readonly newId: () => string = () => randomBytes(16).toString('hex'),
  ) {}

  id(): string {
    return this.newId();
  }

  now(): number {
    return this.clock.now().getTime();
  }

  addCloud(cloudId: string, accessKey: string, name: string): CloudState {
    const now = this.now();
    const state: CloudState = {
      cloud: { id: cloudId, accessKey, name, s3VideosBucket: `${name}-videos`, s3PrivateAccess: false, priority: 99, createdAt: now, updatedAt: now },
      videos: new Map(),
      encodings: new Map(),
      profiles: new Map(),
      notifications: { url: null, delay: 0, events: Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, false])) },
    };
    this.clouds.set(cloudId, state);
    this.addProfile(cloudId, 'h264', { preset_name: 'h264', title: 'MP4 (H.264)', extname: '.mp4', width: 640, height: 480, audio_bitrate: 128, video_bitrate: 500, aspect_mode: 'letterbox' }, now);
    return state;
  }

  cloud(cloudId: string): CloudState | undefined {
    return this.clouds.get(cloudId);
  }

  addProfile(cloudId: string, name: string, fields: StoredProfile['fields'], at = this.now()): StoredProfile {
    const profile: StoredProfile = { id: this.id(), cloudId, name, createdAt: at, updatedAt: at, fields };
    this.clouds.get(cloudId)!.profiles.set(profile.id, profile);
    return profile;
  }

  /** Profile by id or by name (panda spec §4.4). */
  findProfile(cloudId: string, idOrName: string): StoredProfile | undefined {
    const profiles = this.clouds.get(cloudId)?.profiles;
    if (!profiles) return undefined;
    return profiles.get(idOrName) ?? [...profiles.values()].find((p) => p.name === idOrName);
  }

  addVideo(cloudId: string, init: Partial<StoredVideo> & { createdAt?: number }): StoredVideo {
    const now = init.createdAt ?? this.now();
    const id = init.id ?? this.id();
    const video: StoredVideo = {
      id,
      cloudId,
      createdAt: now,
      updatedAt: now,
      readyAt: now + this.timing.downloadMs,
      fails: false,
      sourceUrl: null,
      originalFilename: null,
      extname: '.mp4',
      path: id,
      payload: null,
      fileSize: 0,
      duration: 0,
      width: 1280,
      height: 720,
      fps: 29.97,
      sourceDeleted: false,
      uploadedSha256: null,
      ...init,
    };
    this.clouds.get(cloudId)!.videos.set(video.id, video);
    return video;
  }

  /** A new encoding: queued, then processing, then done, after the source is ready. */
  addEncoding(cloudId: string, video: StoredVideo, profile: StoredProfile, at = this.now(), init: Partial<StoredEncoding> = {}): StoredEncoding {
    const startsAt = Math.max(at + this.timing.queueMs, video.readyAt);
    const encoding: StoredEncoding = {
      id: this.id(),
      cloudId,
      videoId: video.id,
      profileId: profile.id,
      profileName: profile.name,
      createdAt: at,
      updatedAt: at,
      startsAt,
      finishesAt: startsAt + this.timing.encodingMs,
      cancelled: false,
      fails: video.fails,
      extname: String(profile.fields.extname ?? '.mp4'),
      width: Number(profile.fields.width ?? video.width),
      height: Number(profile.fields.height ?? video.height),
      ...init,
    };
    this.clouds.get(cloudId)!.encodings.set(encoding.id, encoding);
    return encoding;
  }

  /** Starts a cancelled or failed encoding again from now. */
  restartEncoding(encoding: StoredEncoding): void {
    const now = this.now();
    encoding.cancelled = false;
    encoding.fails = false;
    encoding.updatedAt = now;
    encoding.startsAt = now + this.timing.queueMs;
    encoding.finishesAt = encoding.startsAt + this.timing.encodingMs;
  }

  getVideo(cloudId: string, id: string): StoredVideo | undefined {
    return this.clouds.get(cloudId)?.videos.get(id);
  }

  /** SHA-256 of what an upload delivered for this video, for tests. */
  uploadedSha256(videoId: string): string | null {
    for (const state of this.clouds.values()) {
      const video = state.videos.get(videoId);
      if (video) return video.uploadedSha256;
    }
    return null;
  }
}
