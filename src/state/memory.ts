import { checkTtl, stateUnavailable, type StateHealth, type StateStore, type Unsubscribe } from './store';

export interface MemoryStoreOptions {
  /** Milliseconds since the epoch; tests inject a clock to move TTLs forward. */
  readonly now?: () => number;
  /** At most this many keys; past it, expired keys go first, then the oldest written. */
  readonly maxEntries?: number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/** One process's state (the default, and the sandbox's): the StateStore contract without a server. */
export class MemoryStore implements StateStore {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, Entry>();
  private readonly channels = new Map<string, Set<(message: string) => void>>();
  private readonly now: () => number;
  private readonly maxEntries: number;
  private lastSweep = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 100_000;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    this.assertOpen();
    return this.live(key)?.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.assertOpen();
    this.write(key, value, this.now() + checkTtl(ttlMs));
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    this.assertOpen();
    checkTtl(ttlMs);
    if (this.live(key)) return false;
    this.write(key, value, this.now() + ttlMs);
    return true;
  }

  async delete(key: string): Promise<boolean> {
    this.assertOpen();
    const present = this.live(key) !== undefined;
    this.entries.delete(key);
    return present;
  }

  async incr(key: string, ttlMs: number, by = 1): Promise<number> {
    this.assertOpen();
    checkTtl(ttlMs);
    if (!Number.isSafeInteger(by)) throw new RangeError(`incr: by must be an integer, got ${by}`);
    const entry = this.live(key);
    if (!entry) {
      this.write(key, String(by), this.now() + ttlMs);
      return by;
    }
    const next = Number(entry.value) + by;
    if (!Number.isSafeInteger(next)) throw new TypeError(`incr: "${key}" does not hold an integer`);
    entry.value = String(next);
    return next;
  }

  async publish(channel: string, message: string): Promise<void> {
    this.assertOpen();
    const listeners = [...(this.channels.get(channel) ?? [])];
    // delivered after publish returns, as a server would: a listener never runs inside its publisher
    queueMicrotask(() => {
      for (const listener of listeners) {
        try {
          listener(message);
        } catch {
          // one listener's failure is not the publisher's, nor the other listeners'
        }
      }
    });
  }

  async subscribe(channel: string, listener: (message: string) => void): Promise<Unsubscribe> {
    this.assertOpen();
    // a wrapper per subscription: the same function subscribed twice is two subscriptions
    const own = (message: string): void => listener(message);
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(own);
    return async () => {
      const current = this.channels.get(channel);
      current?.delete(own);
      if (current?.size === 0) this.channels.delete(channel);
    };
  }

  async health(): Promise<StateHealth> {
    return this.closed ? { kind: this.kind, ok: false } : { kind: this.kind, ok: true, latencyMs: 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.entries.clear();
    this.channels.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw stateUnavailable();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private write(key: string, value: string, expiresAt: number): void {
    // re-inserted so the Map's order stays "oldest written first", the eviction order
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.makeRoom();
    this.entries.set(key, { value, expiresAt });
  }

  private makeRoom(): void {
    const now = this.now();
    // a full sweep at most once a second: a store full of live keys must not pay O(n) per write
    if (now - this.lastSweep >= 1000) {
      this.lastSweep = now;
      for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    }
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
