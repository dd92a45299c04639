import type { AccountRegistry } from '../providers/accounts';
import type { MultipartLimits } from '../http/multipart';
import { UploadSessions } from './sessions';
import { UploadTickets } from './tickets';

/** One gateway's upload state: its limits, the sessions clients poll, the direct-upload tickets. */
export interface Uploads {
  readonly limits: MultipartLimits;
  readonly sessions: UploadSessions;
  readonly tickets: UploadTickets;
}

const DEFAULT_LIMITS: MultipartLimits = { maxUploadBytes: 10 * 1024 ** 3, maxFilesPerRequest: 1 };
const byRegistry = new WeakMap<AccountRegistry, Uploads>();

/** Sets the limits of the gateway that owns `registry` (called once at start). */
export function configureUploads(registry: AccountRegistry, limits: MultipartLimits): Uploads {
  const uploads: Uploads = { limits: { maxUploadBytes: limits.maxUploadBytes, maxFilesPerRequest: limits.maxFilesPerRequest }, sessions: new UploadSessions(), tickets: new UploadTickets() };
  byRegistry.set(registry, uploads);
  return uploads;
}

/** The upload state of the gateway that owns `registry`. */
export function uploadsOf(registry: AccountRegistry): Uploads {
  return byRegistry.get(registry) ?? configureUploads(registry, DEFAULT_LIMITS);
}
