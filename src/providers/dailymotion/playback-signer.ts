import type { PlaybackSigner } from '../../domain/playback';
import type { DailymotionPlayback } from './playback';
import type { DrmTokenOptions, StreamProtocol } from './urls';

/** Dailymotion's signed URLs as the generic graph asks for them (ProviderDatasource.playback; spec §7). */
export function playbackSigner(playback: DailymotionPlayback): PlaybackSigner {
  return {
    // the schema's StreamProtocol enum holds exactly the SDK's protocols
    streamUrl: (nativeId, request) => playback.streamUrl(nativeId, { ...request, protocol: request.protocol as StreamProtocol | null | undefined }),
    embedUrl: (nativeId, request) => playback.embedUrl(nativeId, request),
    thumbnailUrl: (nativeId, size) => playback.thumbnailUrl(nativeId, size),
    drmToken: (nativeId, request) =>
      playback.drmToken(nativeId, {
        // JSONObject values are JSON, a subset of what an RPC value may be
        rights: request.rights as DrmTokenOptions['rights'],
        meta: request.meta as DrmTokenOptions['meta'],
        callbackUrl: request.callbackUrl,
        expires: request.expires,
        maxReplay: request.maxReplay,
      }),
  };
}
