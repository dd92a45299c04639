import { MemoryStore, type StateLogger, type StateStore } from '../state';
import { ephemeralKey, TokenSealer } from '../tokens';
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

/** Where uploads keep what replicas share: the gateway's store and token sealer. */
export interface UploadsShared {
  readonly store: StateStore;
  readonly sealer: TokenSealer;
  readonly logger?: StateLogger;
  readonly now?: () => number;
}

const DEFAULT_LIMITS: UploadLimits = { maxUploadBytes: 10 * 1024 ** 3, maxFilesPerRequest: 1 };
// keyed by the gateway's account registry, used only as an identity: uploads need nothing else of it
const byRegistry = new WeakMap<object, Uploads>();

/** Sets the limits and shared state of the gateway that owns `registry` (called once at start). */
export function configureUploads(registry: object, limits: UploadLimits, shared?: UploadsShared): Uploads {
  // without the gateway's own (embedding, unit tests): this process's memory and a key of its own
  const { store, sealer, logger, now } = shared ?? { store: new MemoryStore(), sealer: new TokenSealer([ephemeralKey()]) };
  const uploads: Uploads = {
    limits: { maxUploadBytes: limits.maxUploadBytes, maxFilesPerRequest: limits.maxFilesPerRequest },
    sessions: new UploadSessions(store, { logger, now }),
    tickets: new UploadTickets(store, sealer, { logger, now }),
  };
  byRegistry.set(registry, uploads);
  return uploads;
}

/** The upload state of the gateway that owns `registry`. */
export function uploadsOf(registry: object): Uploads {
  return byRegistry.get(registry) ?? configureUploads(registry, DEFAULT_LIMITS);
}
