import 'reflect-metadata'; // its schema classes carry decorators, and a provider may be loaded without the graph
import type { ProviderDescriptor } from '../descriptor';
import { DAILYMOTION_CAPABILITIES, DailymotionDatasource as Datasource } from './datasource';
import { DailymotionMutations } from './mutations';
import { DailymotionMediaResolver, DailymotionPresetResolver, DailymotionUserResolver } from './resolvers';
import { DailymotionAsset, DailymotionMedia, DailymotionPreset, DailymotionUser } from './schema';
export {
  compactArgs,
  md5Hex,
  normalize,
  rpcAuth,
  rpcRequest,
  rpcSignedText,
  rpcUserPart,
  sign,
  type NormalizeOptions,
  type RpcArgs,
  type RpcCredentials,
  type RpcRequest,
  type RpcValue,
} from './auth';
export { CloudKeyClient, readRpcResponse, rpcError, RPC_ERROR_CODES, type CloudKeyClientOptions, type DailymotionAccountConfig } from './client';
export { DAILYMOTION_MAX_PER_PAGE, DailymotionDatasource } from './datasource';
export {
  assetNativeId,
  assetStatus,
  encodingsOf,
  KNOWN_PRESETS,
  mediaStatus,
  parseAssetNativeId,
  type DailymotionAssetRecord,
  type DailymotionMediaRecord,
  type DailymotionPresetRecord,
  type DailymotionUserRecord,
} from './map';
export { DEFAULT_MEDIA_FIELDS, mediaFieldsFor } from './fields';
export { cloudKeyFilter, cloudKeySort, type MediaFilter, type MediaOrder } from './filter';
export {
  DailymotionOperations,
  type CreateMediaInput,
  type DailymotionDatasourceOptions,
  type MediaListQuery,
  type MediaPage,
  type SortOrder,
  type ThumbnailSource,
  type UploadedFile,
  type UploadTicket,
} from './operations';
export { DailymotionPlayback, type PlayerUrlRequest, type SigningOverrides, type StreamUrlRequest, type ThumbnailSize } from './playback';
export { SECURITY_LEVELS, securityArgsOf, type SecurityLevel, type SecurityPolicy } from './policy';
export { PyFloat, pyFloatRepr, pyFloatStr, pyJson, quotePlus, unquotePlus, urlsafeBase64, urlsafeBase64Decode, type PyJson } from './python';
export {
  parseSignedUrlToken,
  readPublicParams,
  resolveExpires,
  SecLevel,
  securityParams,
  SIGNING_ERRORS,
  signedUrlDigest,
  signUrl,
  systemSigningEnv,
  type SecLevelName,
  type SignedUrlToken,
  type SigningEnv,
  type SignUrlInput,
} from './sign-url';
export { multipartUpload, type UploadSource } from './upload';
export {
  DEFAULT_ASSET,
  DEFAULT_BASE_URL,
  DEFAULT_CDN_URL,
  drmToken,
  embedUrl,
  qtrefUrl,
  secureBaseUrl,
  staticHost,
  STREAM_PROTOCOLS,
  streamUrl,
  swfUrl,
  type CloudKeyUrlTarget,
  type DrmTokenInput,
  type DrmTokenOptions,
  type EmbedUrlOptions,
  type SecurityArgs,
  type StreamProtocol,
  type StreamUrlOptions,
} from './urls';

export { asDailymotion } from './lookup';

/** Dailymotion Cloud's door (src/providers/descriptor.ts). */
export const dailymotion: ProviderDescriptor<'dailymotion'> = {
  name: 'dailymotion',
  capabilities: DAILYMOTION_CAPABILITIES,
  playback: true,
  createDatasource: (account, policy, observer) => new Datasource(account, policy, observer),
  secretsOf: (account) => [account.apiKey],
  nodeTypes: { DailymotionMedia: { kind: 'video' }, DailymotionAsset: { kind: 'encoding' }, DailymotionPreset: { kind: 'profile' }, DailymotionUser: { kind: 'account' } },
  schema: {
    types: [DailymotionMedia, DailymotionAsset, DailymotionPreset],
    resolvers: [DailymotionUserResolver, DailymotionMediaResolver, DailymotionPresetResolver, DailymotionMutations],
    accountDetails: DailymotionUser,
  },
};
