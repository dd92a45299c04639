import { z } from 'zod';

/** Wire shapes of CloudKey results (dailymotion spec §4, §5, §6), parsed at the edge. Unknown keys pass through. */
const str = z.string().nullish();
const num = z.number().nullish();

/** `{"error": {"code", "message", "data"?}}`; both code and message are required (spec §4.2 step 7). */
export const wireRpcError = z.object({ code: z.number().int(), message: z.string(), data: z.unknown().optional() });

/** One asset (an encoding of the media by preset): status, and technical fields once ready (spec §5.1). */
export const wireAsset = z.looseObject({
  status: z.string().nullish(),
  container: str,
  created: z.union([z.number(), z.string()]).nullish(),
  video_codec: str,
  audio_codec: str,
  video_bitrate: num,
  audio_bitrate: num,
  global_bitrate: num,
  video_width: num,
  video_height: num,
  file_size: num,
  duration: num,
  stream_url: str,
  embed_url: str,
  download_url: str,
});

/** A media as `media.info`/`media.list` return it; with `fields`, only the asked paths are present. */
export const wireMedia = z.looseObject({
  id: z.string(),
  created: z.union([z.number(), z.string()]).nullish(),
  meta: z.record(z.string(), z.unknown()).nullish(),
  assets: z.record(z.string(), wireAsset).nullish(),
  stats: z.record(z.string(), z.unknown()).nullish(),
});

/** `media.list`: `total` and `per_page` are unconfirmed extras (spec §5.1). */
export const wireMediaList = z.looseObject({
  list: z.array(wireMedia),
  page: z.number().int(),
  pages: z.number().int(),
  total: num,
  per_page: num,
});

export const wireCreated = z.looseObject({ id: z.string() });
export const wireAssets = z.record(z.string(), wireAsset);
export const wireMeta = z.record(z.string(), z.unknown());
export const wireCount = z.number().int();
export const wireNull = z.unknown();

/** `file.upload`: the upload URL, and a progress URL when `status` was asked (spec §5.2). */
export const wireUploadTicket = z.looseObject({ url: z.string(), status: str });

/** The upload server's own answer, no envelope (spec §6 step 4). */
export const wireUploadResult = z.looseObject({ url: z.string(), name: z.string(), size: z.number() });

export const wireUser = z.looseObject({ id: z.string(), username: str });
export const wireStringList = z.array(z.string());
export const wireSetting = z
  .union([z.string(), z.number(), z.boolean()])
  .nullable()
  .transform((v) => (v === null ? null : String(v)));

export type WireAsset = z.infer<typeof wireAsset>;
export type WireMedia = z.infer<typeof wireMedia>;
export type WireMediaList = z.infer<typeof wireMediaList>;
export type WireUploadTicket = z.infer<typeof wireUploadTicket>;
export type WireUploadResult = z.infer<typeof wireUploadResult>;
export type WireUser = z.infer<typeof wireUser>;
