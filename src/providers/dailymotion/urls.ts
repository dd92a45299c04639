import { badUserInput } from '../../errors';
import { md5Hex, normalize, type RpcValue } from './auth';
import { PyFloat, pyJson, quotePlus, urlsafeBase64, type PyJson } from './python';
import { resolveExpires, signUrl, type SignUrlInput, type SigningEnv } from './sign-url';

/** Whose URLs these are: the client's own user id and API key, and its hosts (dailymotion spec §2, §7.5). */
export interface CloudKeyUrlTarget {
  readonly userId: string;
  readonly apiKey: string;
  /** API base URL: embed, swf and qtref live here. */
  readonly baseUrl: string;
  /** Default CDN for stream URLs; the static (thumbnail) host derives from it. */
  readonly cdnUrl: string;
}

export const DEFAULT_BASE_URL = 'http://api.dmcloud.net';
export const DEFAULT_CDN_URL = 'http://cdn.dmcloud.net';
export const DEFAULT_ASSET = 'mp4_h264_aac';
export const STREAM_PROTOCOLS = ['hls', 'rtmp', 'hps', 'http', 'ss', 'hds', 'dash'] as const;
export type StreamProtocol = (typeof STREAM_PROTOCOLS)[number];

/** The security arguments every signed builder takes (spec §7.2). */
export type SecurityArgs = Omit<SignUrlInput, 'url' | 'secret'>;

export interface StreamUrlOptions extends SecurityArgs {
  readonly assetName?: string | null;
  readonly download?: boolean | null;
  readonly filename?: string | null;
  readonly version?: number | null;
  readonly protocol?: string | null;
  readonly cdnUrl?: string | null;
}

/** A DRM token's optional fields; wrong types are dropped as the SDK drops them (spec §7.7 step 2). */
export interface DrmTokenOptions {
  readonly rights?: { readonly [key: string]: RpcValue } | null;
  readonly meta?: { readonly [key: string]: RpcValue } | null;
  readonly callbackUrl?: string | null;
  /** Unix seconds; a non-integer (PyFloat) is ignored and now + 600 used. */
  readonly expires?: number | PyFloat | null;
  readonly maxReplay?: number | null;
}

export interface EmbedUrlOptions extends SecurityArgs {
  readonly secure?: boolean | null;
  readonly skin?: string | null;
  readonly drmToken?: DrmTokenOptions | null;
}

/** Every `http:` becomes `https:` (spec §2: computed once from base_url). */
export const secureBaseUrl = (baseUrl: string): string => baseUrl.split('http:').join('https:');
/** Every `cdn.` becomes `static.` (spec §2, vector `get_stream_url/cdn-replace-all-occurrences`). */
export const staticHost = (cdnUrl: string): string => cdnUrl.split('cdn.').join('static.');

function checkId(id: unknown): string {
  if (typeof id !== 'string') throw badUserInput('id is not valid', { field: 'id' });
  return id;
}

function versionPart(version: number | null | undefined): string {
  if (!version) return '';
  if (typeof version !== 'number' || !Number.isFinite(version)) throw badUserInput('version must be a number', { field: 'version' });
  return `-${Math.trunc(version)}`;
}

/** `get_stream_url` of spec §7.5: checks, thumbnails unsigned on the static host, then sign_url. */
export function streamUrl(target: CloudKeyUrlTarget, id: string, o: StreamUrlOptions, env: Pick<SigningEnv, 'now' | 'rand'>): string {
  let protocol = o.protocol ?? null;
  if (protocol && !(STREAM_PROTOCOLS as readonly string[]).includes(protocol)) {
    throw badUserInput(`${protocol} is not a valid streaming protocol`, { field: 'protocol' });
  }
  const mediaId = checkId(id);
  const asset = o.assetName || DEFAULT_ASSET;
  const version = versionPart(o.version);
  const cdn = o.cdnUrl || target.cdnUrl;
  if (asset.startsWith('jpeg_thumbnail_')) return `${staticHost(cdn)}/${target.userId}/${mediaId}/${asset}${version}.jpeg`;
  let ext = `.${asset.split('_')[0]}`;
  if (o.download || o.filename) protocol = 'http';
  if (asset.startsWith('abs')) {
    ext = '';
    if (!protocol) throw badUserInput('protocol is required for abs asset_name', { field: 'protocol' });
  }
  let url = `${cdn}/route${protocol ? `/${protocol}` : ''}/${target.userId}/${mediaId}/${asset}${version}${ext}`;
  if (o.filename) url += `?filename=${quotePlus(o.filename)}`;
  return signUrl({ ...o, url, secret: target.apiKey }, env);
}

function playerUrl(path: string, target: CloudKeyUrlTarget, id: string, o: EmbedUrlOptions, env: SigningEnv): string {
  const mediaId = checkId(id);
  const base = o.secure ? secureBaseUrl(target.baseUrl) : target.baseUrl;
  let url = signUrl({ ...o, url: `${base}/${path}/${target.userId}/${mediaId}`, secret: target.apiKey }, env);
  if (o.skin) url += `&skin=${o.skin}`;
  if (o.drmToken && Object.keys(o.drmToken).length > 0) {
    url += `&drm_token=${drmToken({ ...o.drmToken, userId: target.userId, mediaId, apiKey: target.apiKey }, env)}`;
  }
  return url;
}

/** `get_embed_url`: `<base>/embed/<user>/<media>`, signed; skin and drm_token appended unsigned (spec §7.5). */
export const embedUrl = (target: CloudKeyUrlTarget, id: string, o: EmbedUrlOptions, env: SigningEnv): string => playerUrl('embed', target, id, o, env);

/** `get_swf_url`: the embed URL's arguments with path `/player/swf/` (spec §7.5). */
export const swfUrl = (target: CloudKeyUrlTarget, id: string, o: EmbedUrlOptions, env: SigningEnv): string => playerUrl('player/swf', target, id, o, env);

/** `get_qtref_url`: `<base>/stream/<user>/<media>.mov`, signed (spec §7.5). */
export function qtrefUrl(target: CloudKeyUrlTarget, id: string, o: SecurityArgs, env: Pick<SigningEnv, 'now' | 'rand'>): string {
  return signUrl({ ...o, url: `${target.baseUrl}/stream/${target.userId}/${checkId(id)}.mov`, secret: target.apiKey }, env);
}

export interface DrmTokenInput extends DrmTokenOptions {
  readonly userId: string;
  readonly mediaId: string;
  readonly apiKey: string;
  /** false: the JSON text itself instead of its urlsafe base64. */
  readonly encode?: boolean;
}

const isDict = (v: unknown): v is { readonly [key: string]: RpcValue } => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof PyFloat);
const nonZeroInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v !== 0;

/** CPython 2.7's key order of the token JSON (vector `gen_drm_token/python2-key-order-table`). */
const ORDER_BARE = ['nonce', 'media_id', 'expires', 'user_id', 'auth'];
const ORDER_WITH_OPTIONAL = ['nonce', 'media_id', 'rights', 'expires', 'auth', 'meta', 'user_id', 'callback_url', 'max_replay'];

/** `gen_drm_token` (1.2.7+) of spec §7.7: signed over every field, nonce from 8 random bytes. */
export function drmToken(input: DrmTokenInput, env: Pick<SigningEnv, 'now' | 'randomBytes'>): string {
  const info: { [key: string]: PyJson } = {
    user_id: input.userId,
    media_id: input.mediaId,
    expires: nonZeroInt(input.expires) ? input.expires : resolveExpires(null, env.now(), 600),
    nonce: urlsafeBase64(env.randomBytes(8)),
  };
  if (nonZeroInt(input.maxReplay)) info.max_replay = input.maxReplay;
  if (isDict(input.rights)) info.rights = input.rights;
  if (isDict(input.meta)) info.meta = input.meta;
  if (typeof input.callbackUrl === 'string') info.callback_url = input.callbackUrl;
  const optional = Object.keys(info).length > 4;
  info.auth = md5Hex(normalize(info) + input.apiKey);
  const payload = pyJson(info, optional ? ORDER_WITH_OPTIONAL : ORDER_BARE);
  return input.encode === false ? payload : urlsafeBase64(Buffer.from(payload, 'utf8'));
}
