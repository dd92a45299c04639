import { z } from 'zod';

/**
 * Wire shapes of the Ziggeo server API (ziggeo spec §6), parsed at the edge. The SDK validates
 * nothing, so only `token` is required; unknown keys pass through.
 */
const str = z.string().nullish();
const num = z.number().nullish();
const bool = z.boolean().nullish();

export const wireStream = z.looseObject({
  token: z.string(),
  key: str,
  video_token: str,
  state: num,
  state_string: str,
  creation_type: num,
  creation_type_string: str,
  streamable: num,
  streamable_string: str,
  video_type: str,
  video_sub_type: str,
  image_size: num,
  video_size: num,
  video_width: num,
  video_height: num,
  duration: num,
  has_video: bool,
  has_image: bool,
  submission_date: num,
  created: num,
  owned: bool,
  volatile: bool,
  type: str,
});

export const wireVideo = z.looseObject({
  token: z.string(),
  key: str,
  state: num,
  state_string: str,
  duration: num,
  /** An array of strings [INFER]; a comma list is accepted too (spec §12.2). */
  tags: z.union([z.array(z.string()), z.string()]).nullish(),
  created: num,
  submission_date: num,
  resubmission_date: num,
  stream_submission_date: num,
  volatile: bool,
  approved: z.union([z.boolean(), z.string(), z.number()]).nullish(),
  expiration_days: num,
  max_duration: num,
  min_duration: num,
  delete_old_streams: bool,
  owned: bool,
  type: str,
  device_info: z.looseObject({ browser: str, media_source: str }).nullish(),
  embed_video_url: str,
  embed_image_url: str,
  streams: z.array(wireStream).nullish(),
  default_stream: wireStream.nullish(),
  original_stream: wireStream.nullish(),
});

export const wireAuthToken = z.looseObject({
  token: z.string(),
  nonce: z.union([z.string(), z.number()]).nullish(),
  volatile: bool,
  hidden: bool,
  expiration_date: num,
  usage_expiration_time: num,
  session_limit: num,
  /** Echoed as an object or as the JSON text sent: unconfirmed (spec §6.3). */
  grants: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
});

export const wireCount = z.looseObject({ count: z.number() });

/** `*-upload-url` answers (spec §3.6 step 1): `fields` keep their JSON order for the S3 leg. */
export const wireUploadUrl = z.looseObject({
  url_data: z.looseObject({
    url: z.string(),
    fields: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
});

/** The scope object of an upload-url answer: a video (with its default stream) or a stream. */
export const wireUploadScope = z.looseObject({
  token: z.string(),
  default_stream: z.looseObject({ token: z.string() }).nullish(),
});

/** `{"error": "…"}` is the emulator convention (spec §4.3); 2.30's synthetic `{"code","msg"}` too. */
export const wireError = z.looseObject({ error: z.string().optional(), msg: z.string().optional(), message: z.string().optional() });

export const wireAny = z.unknown();

export type WireStream = z.infer<typeof wireStream>;
export type WireVideo = z.infer<typeof wireVideo>;
export type WireAuthToken = z.infer<typeof wireAuthToken>;
export type WireUploadUrl = z.infer<typeof wireUploadUrl>;
export type WireUploadScope = z.infer<typeof wireUploadScope>;
