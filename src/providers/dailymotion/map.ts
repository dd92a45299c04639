import { toGlobalId } from '../../domain/ids';
import { EncodingStatus, VideoStatus, type EncodingRecord, type ProfileRecord, type VideoRecord } from '../../domain/types';
import type { WireAsset, WireMedia, WireUser } from './wire';

/** Wire → domain for CloudKey (dailymotion spec §5). Pure: tested on its own. */

export interface DailymotionAssetRecord extends EncodingRecord {
  readonly kind: 'DailymotionAsset';
  /** The asset (preset) name, e.g. `mp4_h264_aac`, `jpeg_thumbnail_medium`, `source`. */
  readonly name: string;
  readonly container: string | null;
  readonly videoCodec: string | null;
  readonly audioCodec: string | null;
  readonly videoBitrate: number | null;
  readonly audioBitrate: number | null;
  readonly globalBitrate: number | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly fileSize: number | null;
  readonly duration: number | null;
  /** Present only when asked for with `fields` (`assets.<name>.stream_url`…). */
  readonly streamUrl: string | null;
  readonly embedUrl: string | null;
  readonly downloadUrl: string | null;
}

export interface DailymotionMediaRecord extends VideoRecord {
  readonly kind: 'DailymotionMedia';
  /** The media's meta object; null when `meta` was not among the fields asked for. */
  readonly meta: Readonly<Record<string, unknown>> | null;
  /** Every asset including `source`; null when `assets` were not asked for. */
  readonly assets: readonly DailymotionAssetRecord[] | null;
  readonly stats: Readonly<Record<string, unknown>> | null;
}

/** An encoding preset (asset name) as a profile; `active` ones are encoded on upload (spec §5.4). */
export interface DailymotionPresetRecord extends ProfileRecord {
  readonly kind: 'DailymotionPreset';
  readonly active: boolean;
  readonly thumbnail: boolean;
  /** Adaptive streaming (`abs*`): needs a protocol in stream URLs (spec §7.5). */
  readonly adaptive: boolean;
}

export interface DailymotionUserRecord {
  readonly kind: 'DailymotionUser';
  /** Global id of the user as an account object (`node(id)` resolves it). */
  readonly id: string;
  readonly nativeId: string;
  readonly accountId: string;
  readonly userId: string;
  readonly username: string | null;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Asset names the SDK and its docs mention (spec §5.1), `source` aside. */
export const KNOWN_PRESETS = [
  'mp4_h264_aac',
  'mp4_h264_aac_hq',
  'flv_h263_mp3',
  'flv_h263_mp3_ld',
  'abs',
  'abs_fa',
  'jpeg_thumbnail_small',
  'jpeg_thumbnail_medium',
  'jpeg_thumbnail_large',
  'jpeg_thumbnail_source',
  'jpeg_thumbnail_auto',
] as const;

const ASSET_STATUS: Record<string, EncodingStatus> = {
  pending: EncodingStatus.QUEUED,
  processing: EncodingStatus.PROCESSING,
  ready: EncodingStatus.READY,
  error: EncodingStatus.FAILED,
};

export const assetStatus = (raw: string | null | undefined): EncodingStatus => ASSET_STATUS[raw ?? ''] ?? EncodingStatus.UNKNOWN;

/** An asset's native id: `<media id>:<asset name>`, both free of `:` (spec §5.1). */
export const assetNativeId = (mediaId: string, name: string): string => `${mediaId}:${name}`;

export function parseAssetNativeId(nativeId: string): { mediaId: string; name: string } | null {
  const m = /^([^:]+):([A-Za-z0-9_]+)$/.exec(nativeId);
  return m ? { mediaId: m[1]!, name: m[2]! } : null;
}

/** `created` is Unix seconds (unconfirmed, spec §5.1); ISO text is accepted too. */
export function parseCreated(value: number | string | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = typeof value === 'number' ? new Date(value * 1000) : /^\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

export function mapAsset(accountId: string, mediaId: string, name: string, a: WireAsset): DailymotionAssetRecord {
  const nativeId = assetNativeId(mediaId, name);
  const status = assetStatus(a.status);
  const progress = typeof a.progress === 'number' ? Math.max(0, Math.min(100, Math.round(a.progress))) : 0;
  return {
    kind: 'DailymotionAsset',
    id: toGlobalId('DailymotionAsset', accountId, nativeId),
    nativeId,
    accountId,
    provider: 'dailymotion',
    videoNativeId: mediaId,
    status,
    rawStatus: a.status ?? 'unknown',
    progress: status === EncodingStatus.READY ? 100 : progress,
    profileName: name,
    profileNativeId: name,
    createdAt: parseCreated(a.created),
    updatedAt: null,
    errorMessage: status === EncodingStatus.FAILED ? `asset ${name} failed` : null,
    name,
    container: orNull(a.container),
    videoCodec: orNull(a.video_codec),
    audioCodec: orNull(a.audio_codec),
    videoBitrate: orNull(a.video_bitrate),
    audioBitrate: orNull(a.audio_bitrate),
    globalBitrate: orNull(a.global_bitrate),
    width: orNull(a.video_width),
    height: orNull(a.video_height),
    fileSize: orNull(a.file_size),
    duration: orNull(a.duration),
    streamUrl: orNull(a.stream_url),
    embedUrl: orNull(a.embed_url),
    downloadUrl: orNull(a.download_url),
  };
}

export const mapAssets = (accountId: string, mediaId: string, assets: Readonly<Record<string, WireAsset>>): DailymotionAssetRecord[] =>
  Object.entries(assets).map(([name, a]) => mapAsset(accountId, mediaId, name, a));

/**
 * CloudKey has no media status: it is derived from the assets (decision, spec §5.1 is silent). The
 * source asset leads (error → FAILED, pending → PENDING, processing → PROCESSING); once it is ready the
 * media is PROCESSING while any other asset is pending or processing, else READY. `rawStatus` is the
 * source asset's own status, `no_source` without one, `unknown` when statuses were not fetched.
 */
export function mediaStatus(assets: readonly DailymotionAssetRecord[] | null): { status: VideoStatus; rawStatus: string } {
  if (assets === null || assets.some((a) => a.status === EncodingStatus.UNKNOWN)) return { status: VideoStatus.UNKNOWN, rawStatus: 'unknown' };
  const source = assets.find((a) => a.name === 'source');
  const others = assets.filter((a) => a.name !== 'source');
  const busy = others.some((a) => a.status === EncodingStatus.QUEUED || a.status === EncodingStatus.PROCESSING);
  if (!source) {
    if (others.length === 0) return { status: VideoStatus.PENDING, rawStatus: 'no_source' };
    const failed = others.every((a) => a.status === EncodingStatus.FAILED);
    return { status: busy ? VideoStatus.PROCESSING : failed ? VideoStatus.FAILED : VideoStatus.READY, rawStatus: 'no_source' };
  }
  const byStatus: Partial<Record<EncodingStatus, VideoStatus>> = {
    [EncodingStatus.FAILED]: VideoStatus.FAILED,
    [EncodingStatus.QUEUED]: VideoStatus.PENDING,
    [EncodingStatus.PROCESSING]: VideoStatus.PROCESSING,
    [EncodingStatus.READY]: busy ? VideoStatus.PROCESSING : VideoStatus.READY,
  };
  return { status: byStatus[source.status] ?? VideoStatus.UNKNOWN, rawStatus: source.rawStatus };
}

export function mapMedia(accountId: string, m: WireMedia): DailymotionMediaRecord {
  const assets = m.assets ? mapAssets(accountId, m.id, m.assets) : null;
  const source = assets?.find((a) => a.name === 'source') ?? null;
  const title = m.meta?.title;
  return {
    kind: 'DailymotionMedia',
    id: toGlobalId('DailymotionMedia', accountId, m.id),
    nativeId: m.id,
    accountId,
    provider: 'dailymotion',
    title: typeof title === 'string' ? title : null,
    ...mediaStatus(assets),
    createdAt: parseCreated(m.created),
    updatedAt: null,
    duration: source?.duration ?? null,
    fileSize: source?.fileSize ?? null,
    width: source?.width ?? null,
    height: source?.height ?? null,
    meta: m.meta ?? null,
    assets,
    stats: m.stats ?? null,
  };
}

/** A media's encodings as the contract sees them: its assets less `source`; null when not fetched. */
export const encodingsOf = (media: DailymotionMediaRecord): DailymotionAssetRecord[] | null => media.assets?.filter((a) => a.name !== 'source') ?? null;

export function mapPreset(accountId: string, name: string, active: boolean): DailymotionPresetRecord {
  const thumbnail = name.startsWith('jpeg_thumbnail_');
  const adaptive = name.startsWith('abs');
  return {
    kind: 'DailymotionPreset',
    id: toGlobalId('DailymotionPreset', accountId, name),
    nativeId: name,
    accountId,
    provider: 'dailymotion',
    name,
    title: null,
    extname: adaptive ? null : thumbnail ? '.jpeg' : `.${name.split('_')[0]}`,
    width: null,
    height: null,
    createdAt: null,
    updatedAt: null,
    active,
    thumbnail,
    adaptive,
  };
}

export function mapUser(accountId: string, u: WireUser): DailymotionUserRecord {
  return { kind: 'DailymotionUser', id: toGlobalId('DailymotionUser', accountId, u.id), nativeId: u.id, accountId, userId: u.id, username: orNull(u.username), fields: u };
}
