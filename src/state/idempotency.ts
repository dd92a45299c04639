import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { writeJson } from './json';
import type { StateStore } from './store';

/** What a finished operation answered, kept to answer its repeats: the HTTP status and the formatted result. */
export interface StoredResult {
  readonly status: number;
  readonly body: unknown;
}

type Entry = { readonly fingerprint: string; readonly state: 'running' } | { readonly fingerprint: string; readonly state: 'done'; readonly result: StoredResult };

/** What a request holding an idempotency key may do. */
export type Claim =
  /** Nobody used the key: run the operation, then `finish` the lease. */
  | { readonly kind: 'claimed'; readonly lease: IdempotencyLease }
  /** The key's first use finished: answer what it answered. */
  | { readonly kind: 'replay'; readonly result: StoredResult }
  /** The key was first used for another operation or other arguments. */
  | { readonly kind: 'mismatch' }
  /** The key's first use is still running after `waitMs`. */
  | { readonly kind: 'busy' };

export interface IdempotencyOptions {
  /** How long a finished result answers repeats (default 24 h). */
  readonly ttlMs?: number;
  /** How long a repeat waits for a running first use before it is told to come back (default 15 s). */
  readonly waitMs?: number;
  /** How often a waiting repeat looks again (default 100 ms). */
  readonly pollMs?: number;
  /**
   * A running claim's lifetime, renewed every third of it while the operation runs (default 30 s):
   * a replica that dies mid-operation frees the key that long after.
   */
  readonly leaseMs?: number;
}

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** Longer than any operation may run (the upload deadline is 4 h). */
const MAX_HOLD_MS = 5 * 3_600_000;

const parseEntry = (raw: unknown): Entry | undefined => {
  const entry = raw as Partial<Entry> | null;
  if (entry === null || typeof entry !== 'object' || typeof entry.fingerprint !== 'string') return undefined;
  if (entry.state === 'running') return { fingerprint: entry.fingerprint, state: 'running' };
  const result = (entry as { result?: Partial<StoredResult> }).result;
  if (entry.state === 'done' && typeof result?.status === 'number') return { fingerprint: entry.fingerprint, state: 'done', result: { status: result.status, body: result.body } };
  return undefined;
};

function parseJson(text: string): Entry | undefined {
  try {
    return parseEntry(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** A running claim on a key: renewed until `finish` stores the result (or frees the key for a retry). */
export class IdempotencyLease {
  private beat: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly state: StateStore,
    private readonly key: string,
    private readonly fingerprint: string,
    private readonly ttlMs: number,
    leaseMs: number,
  ) {
    const until = Date.now() + MAX_HOLD_MS;
    this.timer = setInterval(
      () => {
        // a lease never finished (an operation that never answered) stops being renewed, and frees the key
        if (Date.now() > until) return clearInterval(this.timer);
        this.beat = this.state.set(this.key, JSON.stringify({ fingerprint, state: 'running' }), leaseMs).catch(() => undefined);
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    this.timer.unref();
  }

  /** Stores the result for `ttlMs`; null frees the key (nothing was applied: a retry may run again). */
  async finish(result: StoredResult | null): Promise<void> {
    clearInterval(this.timer);
    // a renewal in flight must not land after the result and turn it back into "running"
    await this.beat;
    if (result === null) await this.state.delete(this.key);
    else await writeJson(this.state, this.key, { fingerprint: this.fingerprint, state: 'done', result }, this.ttlMs);
  }
}

/**
 * Idempotency keys in the shared state (memory, or Redis across replicas): the first request with a
 * key claims it with `setIfAbsent` before anything runs, so two concurrent requests with the same key
 * never both run; the others wait for its result and answer it. Keys are scoped by principal and
 * stored as digests (a client's key never becomes part of a store key as it is).
 */
export class IdempotencyLedger {
  private readonly ttlMs: number;
  private readonly waitMs: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;

  constructor(
    private readonly state: StateStore,
    options: IdempotencyOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
    this.waitMs = options.waitMs ?? 15_000;
    this.pollMs = options.pollMs ?? 100;
    this.leaseMs = options.leaseMs ?? 30_000;
  }

  /** Throws STATE_UNAVAILABLE when the store cannot be reached: a key promises what we could then not keep. */
  async claim(scope: string, key: string, fingerprint: string): Promise<Claim> {
    const storeKey = `idempotency:${createHash('sha256').update(`${scope}\n${key}`).digest('base64url')}`;
    const giveUpAt = Date.now() + this.waitMs;
    for (;;) {
      if (await this.state.setIfAbsent(storeKey, JSON.stringify({ fingerprint, state: 'running' }), this.leaseMs)) {
        return { kind: 'claimed', lease: new IdempotencyLease(this.state, storeKey, fingerprint, this.ttlMs, this.leaseMs) };
      }
      const text = await this.state.get(storeKey);
      // gone meanwhile (freed by a failed first use, or its lease ran out): claim it again
      if (text === undefined) continue;
      const entry = parseJson(text);
      // unreadable (another version wrote it): not this operation's, as far as we can tell
      if (entry === undefined || entry.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (entry.state === 'done') return { kind: 'replay', result: entry.result };
      if (Date.now() >= giveUpAt) return { kind: 'busy' };
      await delay(this.pollMs);
    }
  }
}
