import { UploadSessions } from './sessions';
import { UploadTickets } from './tickets';

/** The gateway's upload bounds (the same shape as the multipart reader's limits, which hands them here). */
export interface UploadLimits {
  readonly maxUploadBytes: number;
  readonly maxFilesPerRequest: number;
}

/** One gateway's upload state: its limits, the sessions clients poll, the direct-upload tickets. */
export interface Uploads {
  readonly limits: UploadLimits;
  readonly sessions: UploadSessions;
  readonly tickets: UploadTickets;
}

const DEFAULT_LIMITS: UploadLimits = { maxUploadBytes: 10 * 1024 ** 3, maxFilesPerRequest: 1 };
// keyed by the gateway's account registry, used only as an identity: uploads need nothing else of it
const byRegistry = new WeakMap<object, Uploads>();

/** Sets the limits of the gateway that owns `registry` (called once at start). */
export function configureUploads(registry: object, limits: UploadLimits): Uploads {
  const uploads: Uploads = { limits: { maxUploadBytes: limits.maxUploadBytes, maxFilesPerRequest: limits.maxFilesPerRequest }, sessions: new UploadSessions(), tickets: new UploadTickets() };
  byRegistry.set(registry, uploads);
  return uploads;
}

/** The upload state of the gateway that owns `registry`. */
export function uploadsOf(registry: object): Uploads {
  return byRegistry.get(registry) ?? configureUploads(registry, DEFAULT_LIMITS);
}
