import { z } from 'zod';
import { wireCloud, wireNotifications as pandaNotifications } from '../panda/wire';

/** Telestream wire shapes beyond Panda's, which it shares (telestream spec §5, §6). */
export { wireEncoding, wireObject, wireProfile, wireVideo } from '../panda/wire';

/** Panda's notifications plus `send_video_payload` (spec §5). */
export const wireNotifications = pandaNotifications.extend({ send_video_payload: z.union([z.boolean(), z.string()]).nullish() });

export const wireFactory = wireCloud.extend({
  upload_original_video: z.boolean().nullish(),
  outputs_path_format: z.string().nullish(),
});

/** POST /videos/upload.json (spec §6.1). */
export const wireUploadSession = z.looseObject({ location: z.string(), part_size: z.number().int().positive(), parts: z.number().int().nonnegative() });
/** Error bodies with real statuses (spec §3). */
export const wireError = z.looseObject({ error: z.string(), message: z.string().nullish() });

export type WireFactory = z.infer<typeof wireFactory>;
export type WireNotifications = z.infer<typeof wireNotifications>;
export type WireUploadSession = z.infer<typeof wireUploadSession>;
