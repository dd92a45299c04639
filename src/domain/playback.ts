/**
 * Signed playback URLs and DRM tokens (DESIGN §1 "players"): local, no upstream call. A provider that
 * signs them (Dailymotion, spec §7) offers a PlaybackSigner as `ProviderDatasource.playback`.
 */

/** Who may use a signed URL: the levels, the value each level locks, and the expiry. */
export interface PlaybackPolicy {
  readonly levels?: readonly ('DELEGATE' | 'ASNUM' | 'IP' | 'USERAGENT' | 'USEONCE' | 'COUNTRY' | 'REFERER' | 'REFERER_STRICT')[] | null;
  readonly asnum?: string | null;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
  readonly countries?: readonly string[] | null;
  readonly countriesMode?: 'ALLOW' | 'DENY' | null;
  readonly referers?: readonly string[] | null;
  /** Unix seconds. */
  readonly expiresAt?: number | null;
}

export interface StreamUrlRequest {
  readonly assetName?: string | null;
  readonly protocol?: string | null;
  readonly download?: boolean | null;
  readonly filename?: string | null;
  readonly policy: PlaybackPolicy;
}

export interface EmbedUrlRequest {
  readonly secure?: boolean | null;
  readonly skin?: string | null;
  readonly policy: PlaybackPolicy;
}

export interface DrmTokenRequest {
  /** JSON objects. */
  readonly rights?: Readonly<Record<string, unknown>> | null;
  readonly meta?: Readonly<Record<string, unknown>> | null;
  readonly callbackUrl?: string | null;
  /** Unix seconds. */
  readonly expires?: number | null;
  readonly maxReplay?: number | null;
}

export type ThumbnailSize = 'small' | 'medium' | 'large' | 'source' | 'auto';

export interface PlaybackSigner {
  streamUrl(nativeId: string, request: StreamUrlRequest): string;
  embedUrl(nativeId: string, request: EmbedUrlRequest): string;
  thumbnailUrl(nativeId: string, size: ThumbnailSize): string;
  drmToken(nativeId: string, request: DrmTokenRequest): string;
}
