import type { Json } from './jsonlex';
import { createHash } from 'node:crypto';
import { Prng } from '../common/prng';

/** One CloudKey user the emulator knows (dailymotion spec §2): its id, API key and username. */
export interface DailymotionEmulatorAccount {
  readonly userId: string;
  readonly apiKey: string;
  readonly username: string;
  /** May act as other users (spec §3.5) and call the admin `user.*` methods. */
  readonly admin?: boolean;
}

/** A stable number in [0, 1) for a text: media properties derive from the media id. */
const hashUnit = (text: string): number => createHash('sha256').update(text).digest().readUInt32BE(0) / 4294967296;

export type AssetState = 'pending' | 'processing' | 'ready' | 'error';

/** An asset's timeline: its status is computed from the clock when read, no timer runs (spec §5.1). */
export interface StoredAsset {
  readonly name: string;
  queuedAt: number;
  /** When processing starts; null while it waits for a source. */
  startAt: number | null;
  readyAt: number | null;
  outcome: 'ready' | 'error';
  /** Where the asset was fetched from (`source`, or an asset set from a URL). */
  url: string | null;
}

export interface StoredMedia {
  readonly id: string;
  readonly created: number;
  meta: { [key: string]: Json };
  readonly assets: Map<string, StoredAsset>;
  /** Source properties, fixed when the source is set. */
  sourceSize: number | null;
  durationSec: number;
  width: number;
  height: number;
  /** CDN hits, for `stats` (ms). */
  readonly hits: number[];
}

export interface UserState {
  readonly account: DailymotionEmulatorAccount;
  readonly media: Map<string, StoredMedia>;
  activeAssets: string[];
  readonly settings: Map<string, Map<string, string>>;
}

export interface UploadTicketState {
  readonly uuid: string;
  readonly seal: string;
  readonly owner: string;
  readonly target: string | null;
  state: 'waiting' | 'uploading' | 'done' | 'error';
  received: number;
  size: number | null;
}

export interface UploadedFileState {
  readonly path: string;
  readonly name: string;
  readonly size: number;
  /** Hex SHA-256 of the bytes received, for tests that the file arrived whole. */
  readonly sha256?: string;
}

/** Assets accepted by create/set_assets/enable_asset: the names spec §5.1 lists (`f4f_*` of 2011–2012 aside). */
export const ASSET_NAMES: ReadonlySet<string> = new Set<string>([
  'source',
  'mp4_h264_aac',
  'mp4_h264_aac_hq',
  'flv_h263_mp3',
  'flv_h263_mp3_ld',
  'abs',
  'abs_fa',
  ...['small', 'medium', 'large', 'source', 'auto'].map((size) => `jpeg_thumbnail_${size}`),
]);
export const DEFAULT_ACTIVE_ASSETS = ['mp4_h264_aac', 'jpeg_thumbnail_medium'];

export class DailymotionStore {
  readonly users = new Map<string, UserState>();
  readonly uploads = new Map<string, UploadTicketState>();
  /** Files received by the upload endpoint, by URL path (`/uploads/<uuid>.<ext>`). */
  readonly files = new Map<string, UploadedFileState>();
  /** USEONCE digests already served, and DELEGATE locks (spec §7.8 step 6). */
  readonly usedTokens = new Set<string>();
  readonly delegateLocks = new Map<string, string>();
  readonly prng: Prng;

  constructor(
    accounts: readonly DailymotionEmulatorAccount[],
    readonly processingMs: number,
    seed: string | number = 'dailymotion-emulator',
  ) {
    this.prng = new Prng(seed);
    for (const account of accounts) this.addUser(account);
  }

  addUser(account: DailymotionEmulatorAccount): UserState {
    const user: UserState = { account, media: new Map(), activeAssets: [...DEFAULT_ACTIVE_ASSETS], settings: new Map() };
    this.users.set(account.userId, user);
    return user;
  }

  user(userId: string): UserState {
    const user = this.users.get(userId);
    if (!user) throw new Error(`no emulated user ${userId}`);
    return user;
  }

  /** By id or username: the act-as target may be either (spec §3.5, unconfirmed which). */
  findUser(idOrName: string): UserState | null {
    return this.users.get(idOrName) ?? [...this.users.values()].find((u) => u.account.username === idOrName) ?? null;
  }

  /** 24 lowercase hex, ObjectId-like: seconds then 16 digits from the PRNG. */
  newId(now: number): string {
    return (
      Math.floor(now / 1000)
        .toString(16)
        .padStart(8, '0')
        .slice(-8) + this.prng.hex(8)
    );
  }

  createMedia(user: UserState, now: number, init: { id?: string; meta?: { [key: string]: Json } } = {}): StoredMedia {
    const id = init.id ?? this.newId(now);
    const u = hashUnit(id);
    const media: StoredMedia = {
      id,
      created: now,
      meta: { ...init.meta },
      assets: new Map(),
      sourceSize: null,
      durationSec: Math.round(20 + u * 600),
      width: 1280,
      height: 720,
      hits: [],
    };
    user.media.set(id, media);
    return media;
  }

  /**
   * Sets the source from a URL: fetched, then ready (or error when it is an upload URL of this
   * emulator that received nothing); waiting encodings are scheduled after it.
   */
  setSource(media: StoredMedia, url: string, now: number, ok: boolean, size: number | null): StoredAsset {
    const p = this.processingMs;
    const source: StoredAsset = { name: 'source', queuedAt: now, startAt: now + p / 5, readyAt: now + p / 5 + p / 2, outcome: ok ? 'ready' : 'error', url };
    media.assets.set('source', source);
    media.sourceSize = size ?? Math.round(media.durationSec * 250_000);
    for (const asset of media.assets.values()) if (asset.name !== 'source' && asset.url === null) this.schedule(media, asset, Math.max(now, asset.queuedAt));
    return source;
  }

  /** Queues (or re-queues) an asset: from its own URL, or encoded from the source (spec §5.1 set_assets). */
  queueAsset(media: StoredMedia, name: string, now: number, url: string | null = null): StoredAsset {
    const asset: StoredAsset = { name, queuedAt: now, startAt: null, readyAt: null, outcome: 'ready', url };
    media.assets.set(name, asset);
    if (url !== null) {
      asset.startAt = now;
      asset.readyAt = now + this.processingMs / 5;
    } else this.schedule(media, asset, now);
    return asset;
  }

  private schedule(media: StoredMedia, asset: StoredAsset, now: number): void {
    const source = media.assets.get('source');
    if (!source || source.readyAt === null) {
      asset.startAt = null;
      asset.readyAt = null;
      return;
    }
    asset.startAt = Math.max(now, source.readyAt);
    asset.readyAt = asset.startAt + this.processingMs;
    asset.outcome = source.outcome;
  }

  assetState(asset: StoredAsset, now: number): AssetState {
    if (asset.startAt === null || now < asset.startAt) return 'pending';
    if (asset.readyAt === null || now < asset.readyAt) return 'processing';
    return asset.outcome;
  }

  /** What `get_assets` answers for one asset: status, and technical fields once ready (spec §5.1). */
  assetDoc(media: StoredMedia, asset: StoredAsset, now: number): { [key: string]: Json } {
    const status = this.assetState(asset, now);
    if (status !== 'ready') return { status };
    const created = Math.floor(asset.queuedAt / 1000);
    const shape = presetShape(asset.name, media);
    const fileSize = asset.name === 'source' && media.sourceSize !== null ? media.sourceSize : Math.round(((shape.vbr + shape.abr) * 1000 * media.durationSec) / 8);
    if (asset.name.startsWith('jpeg_thumbnail_')) {
      return { status, container: 'jpeg', created, video_height: shape.h, video_width: shape.w, video_codec: 'jpeg', file_size: 4000 + Math.round(shape.w * shape.h * 0.2) };
    }
    return {
      status,
      container: shape.container,
      created,
      video_bitrate: shape.vbr * 1000,
      video_height: shape.h,
      video_width: shape.w,
      video_codec: shape.vcodec,
      audio_bitrate: shape.abr * 1000,
      audio_codec: shape.acodec,
      file_size: fileSize,
      duration: media.durationSec,
      global_bitrate: (shape.vbr + shape.abr) * 1000,
    };
  }
}

interface Shape {
  container: string;
  vcodec: string;
  acodec: string;
  w: number;
  h: number;
  vbr: number;
  abr: number;
}

const SHAPES: Record<string, Omit<Shape, 'container'>> = {
  mp4_h264_aac: { vcodec: 'h264', acodec: 'aac', w: 640, h: 360, vbr: 800, abr: 96 },
  mp4_h264_aac_hq: { vcodec: 'h264', acodec: 'aac', w: 1280, h: 720, vbr: 2000, abr: 128 },
  flv_h263_mp3: { vcodec: 'h263', acodec: 'mp3', w: 480, h: 270, vbr: 500, abr: 64 },
  flv_h263_mp3_ld: { vcodec: 'h263', acodec: 'mp3', w: 320, h: 180, vbr: 300, abr: 48 },
  abs: { vcodec: 'h264', acodec: 'aac', w: 1280, h: 720, vbr: 1500, abr: 128 },
  abs_fa: { vcodec: 'h264', acodec: 'aac', w: 1280, h: 720, vbr: 1500, abr: 128 },
  jpeg_thumbnail_small: { vcodec: 'jpeg', acodec: '', w: 80, h: 45, vbr: 0, abr: 0 },
  jpeg_thumbnail_medium: { vcodec: 'jpeg', acodec: '', w: 160, h: 90, vbr: 0, abr: 0 },
  jpeg_thumbnail_large: { vcodec: 'jpeg', acodec: '', w: 320, h: 180, vbr: 0, abr: 0 },
  jpeg_thumbnail_auto: { vcodec: 'jpeg', acodec: '', w: 640, h: 360, vbr: 0, abr: 0 },
};

function presetShape(name: string, media: StoredMedia): Shape {
  if (name === 'source' || name === 'jpeg_thumbnail_source') {
    return { container: name === 'source' ? 'mp4' : 'jpeg', vcodec: 'h264', acodec: 'aac', w: media.width, h: media.height, vbr: 3000, abr: 192 };
  }
  const shape = SHAPES[name] ?? SHAPES.mp4_h264_aac!;
  return { ...shape, container: name.split('_')[0]! };
}
