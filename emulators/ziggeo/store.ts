import type { Media } from './media';
import { Prng } from '../common/prng';
import type { StateName } from './states';

/** One Ziggeo application the emulator serves: what a client authenticates with (ziggeo spec §2). */
export interface ZiggeoEmulatorAccount {
  /** The application token (32 hex digits; `r1…` for EU applications). */
  readonly token: string;
  readonly privateKey: string;
  /** Only used to read client auth tokens (spec §8); never sent by clients. */
  readonly encryptionKey?: string;
  readonly name?: string;
}

export interface StoredStream {
  token: string;
  key: string | null;
  videoToken: string;
  /** Milliseconds since the epoch, on the emulator's clock. */
  created: number;
  submitted: number | null;
  videoType: string;
  videoSubType: string;
  width: number;
  height: number;
  duration: number | null;
  video: Media | null;
  image: Media | null;
  /** A `*-upload-url` slot is open and no media arrived yet (2.30 flow, spec §3.6). */
  uploading: boolean;
  /** Processing ends here; the state is computed lazily from the clock, no timers. */
  readyAt: number | null;
  outcome: 'READY' | 'FAILED';
  volatile: boolean;
  subtitles: { lang: string; label: string; data: string }[];
  pushes: string[];
}

export interface StoredVideo {
  token: string;
  key: string | null;
  tags: string[] | null;
  created: number;
  resubmitted: number | null;
  volatile: boolean;
  approved: boolean | null;
  expirationDays: number | null;
  expireOn: string | null;
  minDuration: number | null;
  maxDuration: number | null;
  deviceInfo: { browser: string; media_source: string } | null;
  streams: StoredStream[];
  defaultStream: string | null;
  originalStream: string | null;
  pushes: string[];
  effects: string[];
  plays: number;
}

export interface StoredAuthToken {
  token: string;
  volatile: boolean;
  hidden: boolean;
  expirationDate: number | null;
  usageExpirationTime: number | null;
  sessionLimit: number | null;
  /** Parsed JSON, or the text as sent when it is not JSON (the SDK's dict-repr pitfall, spec §3.3). */
  grants: unknown;
  created: number;
}

/** An open slot of the S3-like upload leg (spec §3.6 step 2). */
export interface PendingUpload {
  readonly key: string;
  readonly app: string;
  readonly videoToken: string;
  readonly streamToken: string;
  readonly kind: 'video' | 'image';
  readonly expiresAt: number;
  media: Media | null;
}

/** A webhook (ziggeo spec §5.4): told its validation code once, and sent events once confirmed with it. */
export interface StoredWebhook {
  readonly id: string;
  readonly targetUrl: string;
  /** `jsonheader`, `json` or `form`. */
  readonly encoding: string;
  /** Event names; empty = every event [INFER]. */
  readonly events: readonly string[];
  readonly validationCode: string;
  validationSent: boolean;
  confirmed: boolean;
}

export interface AppState {
  readonly account: ZiggeoEmulatorAccount;
  readonly videos: Map<string, StoredVideo>;
  readonly authTokens: Map<string, StoredAuthToken>;
  readonly webhooks: Map<string, StoredWebhook>;
}

/** The emulator's state: applications by token, and the open upload slots. Tests read and seed it. */
export class ZiggeoStore {
  readonly apps = new Map<string, AppState>();
  readonly uploads = new Map<string, PendingUpload>();
  private readonly prng: Prng;

  constructor(
    accounts: readonly ZiggeoEmulatorAccount[],
    readonly processingMs: number,
    seed: string | number = 'vidmesh-ziggeo',
  ) {
    this.prng = new Prng(seed);
    for (const account of accounts) {
      this.apps.set(account.token, { account, videos: new Map(), authTokens: new Map(), webhooks: new Map() });
    }
  }

  app(token: string): AppState {
    const app = this.apps.get(token);
    if (!app) throw new Error(`no Ziggeo application ${token}`);
    return app;
  }

  /** A fresh 32-hex token (deterministic sequence per emulator). */
  newToken(): string {
    return this.prng.hex(16);
  }

  /** A video by token, else by key (spec §10.1.3: `{id}` may be either). */
  findVideo(app: AppState, idOrKey: string): StoredVideo | undefined {
    const byToken = app.videos.get(idOrKey);
    if (byToken) return byToken;
    for (const video of app.videos.values()) if (video.key === idOrKey) return video;
    return undefined;
  }

  findStream(video: StoredVideo, idOrKey: string): StoredStream | undefined {
    return video.streams.find((s) => s.token === idOrKey) ?? video.streams.find((s) => s.key === idOrKey);
  }

  /** A stream's state at `now` (ms): computed, never scheduled (spec §6.4 lifecycle [INFER]). */
  streamState(stream: StoredStream, now: number): StateName {
    if (!stream.video) return stream.uploading ? 'UPLOADING' : 'EMPTY';
    if (stream.readyAt !== null && now < stream.readyAt) return 'PROCESSING';
    return stream.outcome;
  }

  /** A video's state is its default stream's (the latest stream's without one). */
  videoState(video: StoredVideo, now: number): StateName {
    const main = this.mainStream(video);
    return main ? this.streamState(main, now) : 'EMPTY';
  }

  mainStream(video: StoredVideo): StoredStream | undefined {
    return video.streams.find((s) => s.token === video.defaultStream) ?? video.streams.at(-1);
  }

  newVideo(app: AppState, now: number, fields: Partial<StoredVideo> = {}): StoredVideo {
    const video: StoredVideo = {
      token: this.newToken(),
      key: null,
      tags: null,
      created: now,
      resubmitted: null,
      volatile: false,
      approved: null,
      expirationDays: null,
      expireOn: null,
      minDuration: null,
      maxDuration: null,
      deviceInfo: null,
      streams: [],
      defaultStream: null,
      originalStream: null,
      pushes: [],
      effects: [],
      plays: 0,
      ...fields,
    };
    app.videos.set(video.token, video);
    return video;
  }

  newStream(video: StoredVideo, now: number, fields: Partial<StoredStream> = {}): StoredStream {
    const stream: StoredStream = {
      token: this.newToken(),
      key: null,
      videoToken: video.token,
      created: now,
      submitted: null,
      videoType: 'mp4',
      videoSubType: 'other',
      width: 640,
      height: 360,
      duration: null,
      video: null,
      image: null,
      uploading: false,
      readyAt: null,
      outcome: 'READY',
      volatile: false,
      subtitles: [],
      pushes: [],
      ...fields,
    };
    video.streams.push(stream);
    video.originalStream ??= stream.token;
    video.defaultStream ??= stream.token;
    return stream;
  }

  /** Media arrived on a stream: processing starts now and the stream becomes the video's default (spec §5.2). */
  attachVideo(video: StoredVideo, stream: StoredStream, media: Media, now: number, videoType?: string): void {
    stream.video = media;
    stream.uploading = false;
    stream.submitted = now;
    stream.readyAt = now + this.processingMs;
    stream.videoType = videoType ?? stream.videoType;
    // an emulator convention: 1 s of media per 125 kB (1 Mbit/s), at least 1 s
    stream.duration = Math.max(1, Math.round(media.size / 125_000));
    if (video.defaultStream !== null && video.defaultStream !== stream.token) video.resubmitted = now;
    video.defaultStream = stream.token;
  }

  deleteStream(video: StoredVideo, stream: StoredStream): void {
    video.streams = video.streams.filter((s) => s !== stream);
    if (video.defaultStream === stream.token) video.defaultStream = video.streams.at(-1)?.token ?? null;
    if (video.originalStream === stream.token) video.originalStream = video.streams[0]?.token ?? null;
    for (const [key, upload] of this.uploads) if (upload.streamToken === stream.token) this.uploads.delete(key);
  }

  deleteVideo(app: AppState, video: StoredVideo): void {
    app.videos.delete(video.token);
    for (const [key, upload] of this.uploads) if (upload.videoToken === video.token) this.uploads.delete(key);
  }
}
