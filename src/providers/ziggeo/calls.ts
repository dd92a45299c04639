import type { FormArgs, ZiggeoHostKind, ZiggeoVerb } from './encode';

/**
 * Every SDK method as the request it makes (ziggeo spec §5): verb, path, arguments, host, and how
 * the answer is read. Path segments are concatenated verbatim, as the SDK does (spec §1.3). Pure.
 */

export type ZiggeoResult = 'json' | 'raw' | 'download';

export interface ZiggeoCall {
  readonly verb: ZiggeoVerb;
  readonly path: string;
  readonly data: FormArgs | null;
  readonly host: ZiggeoHostKind;
  readonly result: ZiggeoResult;
  /** Only reads: a failed attempt may be retried (GETs, and the POSTs that only fetch). */
  readonly idempotent: boolean;
}

/** A file-carrying call: one multipart POST in 1.17 (spec §3.4), the signed-upload flow in 2.30 (spec §3.6). */
export interface ZiggeoUploadCall {
  readonly path: string;
  readonly data: FormArgs | null;
  readonly uploadUrlPath: string;
  /** The key the file extension is sent under; `None` where 2.30 has no type key (its bug, kept). */
  readonly typeKey: string;
  readonly scope: 'video' | 'stream';
  readonly confirmPath: (scoped: { token: string; default_stream?: { token: string } | null }) => string;
  /** `videos.create`: the step-1 video with its `default_stream` replaced by the confirm answer. */
  readonly mergeDefaultStream: boolean;
}

type Data = FormArgs | null | undefined;
const call = (verb: ZiggeoVerb, path: string, data: Data = null, result: ZiggeoResult = 'json', host: ZiggeoHostKind = 'api'): ZiggeoCall => ({
  verb,
  path,
  data: data ?? null,
  host,
  result,
  idempotent: verb === 'GET',
});
/** A POST that only reads (bulk gets, stats, analytics): safe to retry. */
const read = (path: string, data?: Data): ZiggeoCall => ({ ...call('POST', path, data), idempotent: true });
const get = (path: string, data?: Data) => call('GET', path, data);
const post = (path: string, data?: Data) => call('POST', path, data);
const del = (path: string) => call('DELETE', path, null, 'raw');
const download = (path: string) => call('GET', path, null, 'download', 'cdn');

/** spec §5.1 */
export const videoCalls = {
  index: (args?: Data) => get('/v1/videos/', args),
  count: (args?: Data) => get('/v1/videos/count', args),
  get: (id: string) => get(`/v1/videos/${id}`),
  get_bulk: (args: Data) => read('/v1/videos/get_bulk', args),
  stats_bulk: (args: Data) => read('/v1/videos/stats_bulk', args),
  get_stats: (id: string) => get(`/v1/videos/${id}/stats`),
  download_video: (id: string) => download(`/v1/videos/${id}/video`),
  download_image: (id: string) => download(`/v1/videos/${id}/image`),
  push_to_service: (id: string, args: Data) => post(`/v1/videos/${id}/push`, args),
  apply_effect: (id: string, args: Data) => post(`/v1/videos/${id}/effect`, args),
  apply_meta: (id: string, args: Data) => post(`/v1/videos/${id}/metaprofile`, args),
  update: (id: string, args: Data) => post(`/v1/videos/${id}`, args),
  update_bulk: (args: Data) => post('/v1/videos/update_bulk', args),
  analytics: (id: string, args: Data) => read(`/v1/videos/${id}/analytics`, args),
  delete: (id: string) => del(`/v1/videos/${id}`),
  create: (args?: Data) => post('/v1/videos/', args),
};

/** spec §5.2 */
export const streamCalls = {
  index: (v: string, args?: Data) => get(`/v1/videos/${v}/streams`, args),
  get: (v: string, s: string) => get(`/v1/videos/${v}/streams/${s}`),
  download_video: (v: string, s: string) => download(`/v1/videos/${v}/streams/${s}/video`),
  download_image: (v: string, s: string) => download(`/v1/videos/${v}/streams/${s}/image`),
  push_to_service: (v: string, s: string, args: Data) => post(`/v1/videos/${v}/streams/${s}/push`, args),
  delete: (v: string, s: string) => del(`/v1/videos/${v}/streams/${s}`),
  create: (v: string, args?: Data) => post(`/v1/videos/${v}/streams`, args),
  attach_image: (v: string, s: string, args?: Data) => post(`/v1/videos/${v}/streams/${s}/image`, args),
  attach_video: (v: string, s: string, args?: Data) => post(`/v1/videos/${v}/streams/${s}/video`, args),
  attach_subtitle: (v: string, s: string, args: Data) => post(`/v1/videos/${v}/streams/${s}/subtitle`, args),
  /** 1.17 takes no arguments and sends an empty form (spec §5.2 notes); removed in 2.28. */
  bind: (v: string, s: string) => post(`/v1/videos/${v}/streams/${s}/bind`),
};

/** spec §5.3 */
export const authTokenCalls = {
  get: (token: string) => get(`/v1/authtokens/${token}`),
  update: (token: string, args: Data) => post(`/v1/authtokens/${token}`, args),
  delete: (token: string) => del(`/v1/authtokens/${token}`),
  create: (args?: Data) => post('/v1/authtokens/', args),
};

/** 2.30 extras that the vectors exercise (spec §5.4). */
export const extraCalls = {
  applicationStats: (args?: Data) => call('GET', '/server/v1/application/stats', args, 'json', 'apiConnect'),
  createWebhook: (args: Data) => call('POST', '/v1/api/hook', args, 'raw'),
  confirmWebhook: (args: Data) => call('POST', '/v1/api/confirmhook', args, 'raw'),
  removeWebhook: (args: Data) => call('POST', '/v1/api/removehook', args, 'raw'),
  analytics: (args: Data) => read('/v1/analytics/get', args),
};

/** spec §3.6 table */
export const uploadCalls = {
  createVideo: (args?: Data): ZiggeoUploadCall => ({
    path: '/v1/videos/',
    data: args ?? null,
    uploadUrlPath: '/v1/videos-upload-url',
    typeKey: 'video_type',
    scope: 'video',
    confirmPath: (o) => `/v1/videos/${o.token}/streams/${o.default_stream?.token ?? ''}/confirm-video`,
    mergeDefaultStream: true,
  }),
  createStream: (v: string, args?: Data): ZiggeoUploadCall => ({
    path: `/v1/videos/${v}/streams`,
    data: args ?? null,
    uploadUrlPath: `/v1/videos/${v}/streams-upload-url`,
    typeKey: 'video_type',
    scope: 'stream',
    confirmPath: (o) => `/v1/videos/${v}/streams/${o.token}/confirm-video`,
    mergeDefaultStream: false,
  }),
  attachVideo: (v: string, s: string, args?: Data): ZiggeoUploadCall => ({
    path: `/v1/videos/${v}/streams/${s}/video`,
    data: args ?? null,
    uploadUrlPath: `/v1/videos/${v}/streams/${s}/video-upload-url`,
    typeKey: 'video_type',
    scope: 'stream',
    confirmPath: () => `/v1/videos/${v}/streams/${s}/confirm-video`,
    mergeDefaultStream: false,
  }),
  attachImage: (v: string, s: string, args?: Data): ZiggeoUploadCall => ({
    path: `/v1/videos/${v}/streams/${s}/image`,
    data: args ?? null,
    uploadUrlPath: `/v1/videos/${v}/streams/${s}/image-upload-url`,
    typeKey: 'None',
    scope: 'stream',
    confirmPath: () => `/v1/videos/${v}/streams/${s}/confirm-image`,
    mergeDefaultStream: false,
  }),
};
