import { securityArgsOf, type SecurityPolicy } from './policy';
import { systemSigningEnv, type SigningEnv } from './sign-url';
import { drmToken, embedUrl, qtrefUrl, streamUrl, swfUrl, type CloudKeyUrlTarget, type DrmTokenOptions, type StreamProtocol } from './urls';

/** Options of a signed stream URL, beside its security policy (dailymotion spec §7.5). */
export interface StreamUrlRequest {
  /** Default `mp4_h264_aac`; `jpeg_thumbnail_*` gives the unsigned static URL. */
  readonly assetName?: string | null;
  readonly protocol?: StreamProtocol | null;
  readonly version?: number | null;
  /** Forces `/route/http/`. */
  readonly download?: boolean | null;
  /** Download file name (forces `/route/http/`), sent unsigned. */
  readonly filename?: string | null;
  /** Another CDN than the account's. */
  readonly cdnUrl?: string | null;
  readonly policy?: SecurityPolicy | null;
}

export interface PlayerUrlRequest {
  readonly policy?: SecurityPolicy | null;
  /** https for the API host. */
  readonly secure?: boolean | null;
  readonly skin?: string | null;
  /** A DRM token appended to the URL (spec §7.7). */
  readonly drmToken?: DrmTokenOptions | null;
}

export type ThumbnailSize = 'small' | 'medium' | 'large' | 'source' | 'auto';

/** Per-call overrides of the clock and randomness, for tests and for reproducible URLs. */
export type SigningOverrides = Partial<SigningEnv>;

const withOverrides = (env: SigningEnv, o: SigningOverrides): SigningEnv => ({
  now: o.now ?? env.now,
  rand: o.rand ?? env.rand,
  randomBytes: o.randomBytes ?? env.randomBytes,
});

/**
 * Signed playback URLs and DRM tokens for one account: pure, local, no upstream call (spec §7).
 * The clock and randomness come from the constructor, overridable per call.
 */
export class DailymotionPlayback {
  private readonly env: SigningEnv;

  constructor(
    readonly urlTarget: CloudKeyUrlTarget,
    env: SigningOverrides = {},
  ) {
    this.env = withOverrides(systemSigningEnv, env);
  }

  private envOf(overrides?: SigningOverrides): SigningEnv {
    return overrides ? withOverrides(this.env, overrides) : this.env;
  }

  streamUrl(mediaId: string, request: StreamUrlRequest = {}, env?: SigningOverrides): string {
    const { policy, ...rest } = request;
    return streamUrl(this.urlTarget, mediaId, { ...rest, ...securityArgsOf(policy) }, this.envOf(env));
  }

  embedUrl(mediaId: string, request: PlayerUrlRequest = {}, env?: SigningOverrides): string {
    const { policy, ...rest } = request;
    return embedUrl(this.urlTarget, mediaId, { ...rest, ...securityArgsOf(policy) }, this.envOf(env));
  }

  swfUrl(mediaId: string, request: PlayerUrlRequest = {}, env?: SigningOverrides): string {
    const { policy, ...rest } = request;
    return swfUrl(this.urlTarget, mediaId, { ...rest, ...securityArgsOf(policy) }, this.envOf(env));
  }

  qtrefUrl(mediaId: string, policy?: SecurityPolicy | null, env?: SigningOverrides): string {
    return qtrefUrl(this.urlTarget, mediaId, securityArgsOf(policy), this.envOf(env));
  }

  /** Thumbnails are served unsigned from the static host (spec §7.5 step 3). */
  thumbnailUrl(mediaId: string, size: ThumbnailSize = 'medium', version?: number | null): string {
    return streamUrl(this.urlTarget, mediaId, { assetName: `jpeg_thumbnail_${size}`, version }, this.env);
  }

  /** A DRM token for one media, signed with the account's key (spec §7.7). */
  drmToken(mediaId: string, options: DrmTokenOptions = {}, env?: SigningOverrides): string {
    return drmToken({ ...options, userId: this.urlTarget.userId, mediaId, apiKey: this.urlTarget.apiKey }, this.envOf(env));
  }
}
