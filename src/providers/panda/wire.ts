import { z } from 'zod';

/** Wire shapes of the Panda API v2 (panda spec §4), parsed at the edge. Unknown keys pass through. */
const str = z.string().nullish();
const num = z.number().nullish();
/** Panda sends ids and sizes as numbers or strings depending on the field and era. */
const text = z.union([z.string(), z.number()]).transform(String);

export const wireCloud = z.looseObject({
  id: text,
  name: str,
  s3_videos_bucket: str,
  s3_private_access: z.boolean().nullish(),
  url: str,
  created_at: str,
  updated_at: str,
});

export const wireVideo = z.looseObject({
  id: text,
  status: z.string(),
  original_filename: str,
  source_url: str,
  extname: str,
  path: str,
  mime_type: str,
  video_codec: str,
  audio_codec: str,
  height: num,
  width: num,
  fps: num,
  duration: num,
  file_size: num,
  payload: str,
  error_class: str,
  error_message: str,
  created_at: str,
  updated_at: str,
});

export const wireEncoding = z.looseObject({
  id: text,
  video_id: text,
  extname: str,
  path: str,
  profile_id: text.nullish(),
  profile_name: str,
  status: z.string(),
  encoding_progress: num,
  height: num,
  width: num,
  file_size: num,
  started_encoding_at: str,
  encoding_time: num,
  files: z.array(z.string()).nullish(),
  error_class: str,
  error_message: str,
  created_at: str,
  updated_at: str,
});

export const wireProfile = z.looseObject({
  id: text,
  name: z.string(),
  title: str,
  preset_name: str,
  extname: str,
  width: num,
  height: num,
  audio_bitrate: num,
  video_bitrate: num,
  aspect_mode: str,
  command: str,
  created_at: str,
  updated_at: str,
});

export const wireNotifications = z.looseObject({
  url: str,
  delay: num,
  events: z.record(z.string(), z.union([z.boolean(), z.string()])).nullish(),
});

export const wireUploadSession = z.looseObject({ id: text, location: z.string() });
export const wireError = z.looseObject({ error: z.string(), message: z.string().nullish() });
export const wireObject = z.record(z.string(), z.unknown());

export type WireCloud = z.infer<typeof wireCloud>;
export type WireVideo = z.infer<typeof wireVideo>;
export type WireEncoding = z.infer<typeof wireEncoding>;
export type WireProfile = z.infer<typeof wireProfile>;
export type WireNotifications = z.infer<typeof wireNotifications>;
export type WireUploadSession = z.infer<typeof wireUploadSession>;
