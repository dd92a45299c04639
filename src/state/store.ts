import { VidmeshError } from '../errors';

/**
 * The state replicas share (DESIGN §7 "state"): upload sessions, single-use ticket markers, breaker
 * state, event fan-out. Two implementations with one contract (test/state/contract.ts): memory.ts
 * (one process, the default) and redis.ts (every replica). Values are strings; json.ts adds records.
 * Every write carries a TTL, so nothing shared outlives its use. Keys and channels are given
 * without the deployment's prefix: the store adds it.
 */
export interface StateStore {
  readonly kind: 'memory' | 'redis';
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Writes (replaces) the value; it expires `ttlMs` later. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Writes only when absent (Redis `SET NX PX`): true when this call wrote it. The basis of single use. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** True when something was there. */
  delete(key: string): Promise<boolean>;
  /** Adds `by` (default one, may be negative) and returns the new count; a new counter expires `ttlMs` after its creation. */
  incr(key: string, ttlMs: number, by?: number): Promise<number>;
  /** Delivers `message` to every subscriber of `channel`, in every replica (this one included). */
  publish(channel: string, message: string): Promise<void>;
  /** Listens to `channel` until the returned function is called. Delivery is at most once, in order per publisher. */
  subscribe(channel: string, listener: (message: string) => void): Promise<Unsubscribe>;
  /** Whether the store answers now (health checks, readiness). Never throws. */
  health(): Promise<StateHealth>;
  /** Releases connections and timers; later calls fail with STATE_UNAVAILABLE. */
  close(): Promise<void>;
}

export type Unsubscribe = () => Promise<void>;

export interface StateHealth {
  readonly kind: StateStore['kind'];
  readonly ok: boolean;
  /** Round trip of a PING (Redis) or 0 (memory); absent when not ok. */
  readonly latencyMs?: number;
}

/** What a client sees when shared state is out of reach (DESIGN §6): the host is never named. */
export function stateUnavailable(cause?: unknown): VidmeshError {
  const error = new VidmeshError('STATE_UNAVAILABLE', 'the shared state store is unavailable; try again shortly'); // routes outside GraphQL answer 503
  // kept for logs only: formatError sends code and message, never the cause
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  return error;
}

/** Rejects a TTL that would make a key live forever or not at all (a programming error, not a client one). */
export function checkTtl(ttlMs: number): number {
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1) throw new RangeError(`ttlMs must be a positive integer, got ${ttlMs}`);
  return ttlMs;
}
