import { randomBytes } from 'node:crypto';
import type { EmulatorClock } from '../common/clock';
import { Prng } from '../common/prng';
import { canCancel, canRetry } from './lifecycle';
import { expandPathFormat } from './paths';
import { PRESETS, type ProfileValue } from './presets';
import {
  NOTIFICATION_EVENTS,
  SOURCE_DELETED,
  SOURCE_FAILED,
  type CloudState,
  type EncodingInit,
  type StoredCloud,
  type StoredEncoding,
  type StoredNotifications,
  type StoredProfile,
  type StoredVideo,
  type Timing,
  type VideoInit,
} from './records';
import { seedCloud, seedEncoding, seedNotifications, seedProfile, seedVideo, type SeedRecord } from './seed';
import { renderEncoding, renderProfile, renderVideo, type WireCloud, type WireEncoding, type WireNotifications, type WireProfile, type WireVideo } from './wire';

/** Emulator state per cloud, its changes, and the test-facing seeding and reading in wire shapes. */

const MIME: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/x-m4v',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.avi': 'video/x-msvideo',
  '.flv': 'video/x-flv',
  '.mpg': 'video/mpeg',
  '.mxf': 'application/mxf',
};
const FRAMES = [
  [1920, 1080],
  [1280, 720],
  [640, 360],
  [3840, 2160],
  [720, 576],
] as const;

const randomId = () => randomBytes(16).toString('hex');

export class PandaStore {
  readonly clouds = new Map<string, CloudState>();

  constructor(
    readonly clock: EmulatorClock,
    readonly timing: Timing,
    private readonly newId: () => string = randomId,
  ) {}

  now(): number {
    return this.clock.now().getTime();
  }

  id(): string {
    return this.newId();
  }

  /** A cloud with the `h264` profile every cloud has (spec §9.2.6). */
  addCloud(account: { cloudId: string; accessKey: string; cloudName?: string }, options: { createdAt?: number; h264Id?: string } = {}): CloudState {
    const at = options.createdAt ?? this.now();
    const name = account.cloudName ?? account.cloudId;
    const bucket = `${name.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}-videos`;
    const state: CloudState = {
      cloud: {
        id: account.cloudId,
        accessKey: account.accessKey,
        name,
        s3VideosBucket: bucket,
        s3PrivateAccess: false,
        url: `http://${bucket}.s3.amazonaws.com/`,
        priority: 99,
        createdAt: at,
        updatedAt: at,
      },
      videos: new Map(),
      encodings: new Map(),
      profiles: new Map(),
      notifications: { url: null, delay: 0, events: Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, false])) },
    };
    this.clouds.set(account.cloudId, state);
    this.addProfile(account.cloudId, 'h264', { preset_name: 'h264', ...PRESETS.h264 }, { id: options.h264Id, at });
    return state;
  }

  cloud(cloudId: string): CloudState | undefined {
    return this.clouds.get(cloudId);
  }

  private state(cloudId: string): CloudState {
    const state = this.clouds.get(cloudId);
    if (!state) throw new Error(`panda emulator: no cloud ${cloudId}`);
    return state;
  }

  addProfile(cloudId: string, name: string, fields: Record<string, ProfileValue>, options: { id?: string; at?: number } = {}): StoredProfile {
    const at = options.at ?? this.now();
    const profile: StoredProfile = { id: options.id ?? this.id(), cloudId, name, createdAt: at, updatedAt: at, fields };
    this.state(cloudId).profiles.set(profile.id, profile);
    return profile;
  }

  /** Profile by id or by name (spec §4.4). */
  findProfile(cloudId: string, idOrName: string): StoredProfile | undefined {
    const profiles = this.clouds.get(cloudId)?.profiles;
    if (!profiles) return undefined;
    return profiles.get(idOrName) ?? [...profiles.values()].find((p) => p.name === idOrName);
  }

  /** A video; media fields not given are made up from its id, so they stay the same between runs. */
  addVideo(cloudId: string, init: VideoInit): StoredVideo {
    const now = this.now();
    const id = init.id ?? this.id();
    const rng = new Prng(id);
    const [width, height] = rng.pick(FRAMES);
    const duration = (15 + rng.int(1800)) * 1000 + rng.int(1000);
    const createdAt = init.createdAt ?? now;
    const extname = init.extname ?? extnameOf(init.originalFilename ?? '') ?? '.mp4';
    const video: StoredVideo = {
      cloudId,
      createdAt,
      updatedAt: createdAt,
      readyAt: createdAt + this.timing.downloadMs,
      failure: null,
      sourceUrl: null,
      originalFilename: null,
      path: '',
      pathFormat: null,
      payload: null,
      mimeType: MIME[extname.toLowerCase()] ?? 'application/octet-stream',
      videoCodec: 'h264',
      audioCodec: 'aac',
      width,
      height,
      fps: rng.pick([24, 25, 29.97, 30]),
      duration,
      fileSize: Math.round((duration / 1000) * (250_000 + rng.int(750_000))),
      sourceDeleted: false,
      upload: null,
      metadata: null,
      ...definedOnly(init),
      id,
      extname,
    };
    if (init.path === undefined)
      video.path = expandPathFormat(video.pathFormat, {
        id,
        videoId: id,
        original: video.originalFilename,
        createdAt,
        profile: 'original',
        type: 'original',
        width: video.width,
        height: video.height,
      });
    this.state(cloudId).videos.set(id, video);
    return video;
  }

  /** A new encoding: queued (`queueMs`, and until the source is stored), then `encodingMs` of processing. */
  addEncoding(cloudId: string, video: StoredVideo, profile: StoredProfile, init: EncodingInit = {}): StoredEncoding {
    const at = init.at ?? this.now();
    const id = init.id ?? this.id();
    const width = typeof profile.fields.width === 'number' ? profile.fields.width : video.width;
    const height = typeof profile.fields.height === 'number' ? profile.fields.height : video.height;
    const encoding: StoredEncoding = {
      id,
      cloudId,
      videoId: video.id,
      profileId: init.profileId ?? profile.id,
      profileName: init.profileName ?? profile.name,
      extname: typeof profile.fields.extname === 'string' ? profile.fields.extname : '.mp4',
      path: expandPathFormat(video.pathFormat, {
        id,
        videoId: video.id,
        original: video.originalFilename,
        createdAt: video.createdAt,
        profile: profile.name,
        type: 'encodings',
        width,
        height,
      }),
      width,
      height,
      createdAt: at,
      updatedAt: at,
      startsAt: 0,
      durationMs: 0,
      endsAt: 0,
      failure: null,
      cancelledAt: init.cancelledAt ?? null,
      files: [],
      fileSize: 0,
    };
    const outputs = outputsOf(encoding, profile, video);
    encoding.files = init.files ?? outputs.files;
    encoding.fileSize = init.fileSize ?? outputs.fileSize;
    this.schedule(encoding, video, at, init);
    this.state(cloudId).encodings.set(id, encoding);
    return encoding;
  }

  private schedule(e: StoredEncoding, video: StoredVideo, at: number, init: EncodingInit = {}): void {
    e.startsAt = init.startsAt ?? Math.max(at + this.timing.queueMs, video.readyAt);
    e.durationMs = init.durationMs ?? this.timing.encodingMs;
    const sourceFailure = video.failure ? SOURCE_FAILED : video.sourceDeleted ? SOURCE_DELETED : null;
    e.failure = init.failure !== undefined ? init.failure : sourceFailure;
    const unstarted = init.failure === undefined && sourceFailure !== null;
    e.endsAt = init.endsAt ?? (unstarted ? e.startsAt : e.startsAt + e.durationMs);
  }

  /** Cancels a queued or processing encoding; false when it is past that. */
  cancelEncoding(e: StoredEncoding): boolean {
    const now = this.now();
    if (!canCancel(e, now)) return false;
    e.cancelledAt = now;
    e.updatedAt = now;
    return true;
  }

  /** Queues a failed or cancelled encoding again from now; false in other states. */
  retryEncoding(e: StoredEncoding): boolean {
    const now = this.now();
    const video = this.clouds.get(e.cloudId)?.videos.get(e.videoId);
    if (!video || !canRetry(e, now)) return false;
    e.cancelledAt = null;
    e.updatedAt = now;
    this.schedule(e, video, now);
    return true;
  }

  deleteVideo(cloudId: string, id: string): void {
    const state = this.state(cloudId);
    state.videos.delete(id);
    for (const e of [...state.encodings.values()]) if (e.videoId === id) state.encodings.delete(e.id);
  }

  // For tests: state from wire shapes (fields as the API shows them), and what it shows now.

  seedVideo(cloudId: string, video: Partial<WireVideo> | SeedRecord): StoredVideo {
    return seedVideo(this, cloudId, video);
  }

  seedEncoding(cloudId: string, encoding: Partial<WireEncoding> | SeedRecord): StoredEncoding {
    return seedEncoding(this, cloudId, encoding);
  }

  seedProfile(cloudId: string, profile: Partial<WireProfile> | SeedRecord): StoredProfile {
    return seedProfile(this, cloudId, profile);
  }

  seedCloud(cloudId: string, cloud: Partial<WireCloud> | SeedRecord): StoredCloud {
    return seedCloud(this, cloudId, cloud);
  }

  seedNotifications(cloudId: string, notifications: Partial<WireNotifications> | SeedRecord): StoredNotifications {
    return seedNotifications(this, cloudId, notifications);
  }

  getVideo(cloudId: string, id: string): WireVideo | undefined {
    const video = this.clouds.get(cloudId)?.videos.get(id);
    return video && renderVideo(video, this.now());
  }

  getEncoding(cloudId: string, id: string): WireEncoding | undefined {
    const encoding = this.clouds.get(cloudId)?.encodings.get(id);
    return encoding && renderEncoding(encoding, this.now());
  }

  getProfile(cloudId: string, idOrName: string): WireProfile | undefined {
    const profile = this.findProfile(cloudId, idOrName);
    return profile && renderProfile(profile);
  }

  /** SHA-256 (hex) of the bytes an upload session or multipart `file` delivered for this video. */
  uploadedSha256(videoId: string): string | null {
    for (const state of this.clouds.values()) {
      const video = state.videos.get(videoId);
      if (video) return video.upload?.sha256 ?? null;
    }
    return null;
  }
}

/** Output files (7 numbered frames for thumbnails, spec §4.3) and a size from the profile's bitrates. */
function outputsOf(e: StoredEncoding, profile: StoredProfile, video: StoredVideo): { files: string[]; fileSize: number } {
  const kbps = (key: string, fallback: number) => (typeof profile.fields[key] === 'number' ? (profile.fields[key] as number) : fallback);
  if (e.extname === '.jpg' || e.extname === '.png') {
    const frames = Math.max(1, Math.min(100, kbps('frame_count', 7)));
    return { files: Array.from({ length: frames }, (_, i) => `${e.path}_${i + 1}${e.extname}`), fileSize: frames * 24_000 };
  }
  const bitrate = kbps('video_bitrate', 0) + kbps('audio_bitrate', 128);
  return { files: [`${e.path}${e.extname}`], fileSize: Math.round((video.duration / 1000) * bitrate * 125) };
}

/** `init` without its undefined members, so that they do not overwrite defaults when spread. */
function definedOnly<T extends object>(init: T): Partial<T> {
  return Object.fromEntries(Object.entries(init).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function extnameOf(name: string): string | undefined {
  const m = /(\.[A-Za-z0-9]{1,5})$/.exec(name);
  return m ? m[1]!.toLowerCase() : undefined;
}
