import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import KeyvRedis from '@keyv/redis';
import { Keyv } from 'keyv';
import type { StateLogger, RedisStore } from './redis';
import type { StateStore } from './store';

/** Apollo's `KeyValueCache<string>`, structurally (the package is Apollo's, not a dependency of ours). */
export interface QueryCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

export interface QueryCacheOptions {
  /** Memory mode: at most this many queries, the oldest written go first. */
  readonly maxEntries?: number;
  /** Redis: entries Apollo stores without a TTL (its default) expire after this many seconds; 1 day by default. */
  readonly defaultTtlSeconds?: number;
  readonly logger?: StateLogger;
}

/** A Map that forgets its oldest entry past `max`: Keyv's in-memory store, bounded. */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    this.delete(key);
    if (this.size >= this.max) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}

/**
 * The APQ cache (`persistedQueries.cache`): in Redis, every replica knows every registered query.
 * Keyv's maintained Redis adapter is handed the store's own node-redis client (one connection per
 * process) and the deployment's prefix (`<keyPrefix>cache:apq:<sha256>`, Apollo adds `apq:`).
 * A lookup that fails or runs late is a miss, not an error: the APQ protocol then has the client
 * send the full query, which needs no shared state. A failed registration rejects (Apollo logs it).
 */
export function createQueryCache(store: StateStore, options: QueryCacheOptions = {}): QueryCache {
  if (store.kind === 'memory') return new KeyvAdapter(new Keyv<string>({ store: new BoundedMap(options.maxEntries ?? 10_000) }));
  const redis = store as RedisStore;
  const namespace = redis.key('cache');
  const adapter = new KeyvRedis<string>(redis.client, { namespace, keyPrefixSeparator: ':', throwOnErrors: true, throwOnConnectError: true });
  // Keyv hands its own namespace down to the adapter (default "keyv"): it must be ours too
  const keyv = new Keyv<string>({ store: adapter, namespace, useKeyPrefix: false, throwOnErrors: true });
  return new DeadlineCache(new KeyvAdapter(keyv), redis, options.defaultTtlSeconds ?? 86_400, options.logger);
}

/** Bounds every call by the store's command deadline and maps failures (see createQueryCache). */
class DeadlineCache implements QueryCache {
  private lastWarning = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly inner: KeyvAdapter<string>,
    private readonly store: RedisStore,
    private readonly defaultTtlSeconds: number,
    private readonly logger: StateLogger | undefined,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return await this.store.withDeadline(() => this.inner.get(key));
    } catch (error) {
      this.warn(error);
      return undefined;
    }
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    // nothing shared lives for ever: Apollo's APQ entries come without a TTL unless configured
    const ttl = options?.ttl ?? this.defaultTtlSeconds;
    await this.store.withDeadline(() => this.inner.set(key, value, { ttl }));
  }

  async delete(key: string): Promise<boolean> {
    return this.store.withDeadline(() => this.inner.delete(key));
  }

  /** At most one line a minute: during an outage every APQ lookup fails. */
  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    const cause = (error as { cause?: unknown }).cause ?? error;
    this.logger?.warn({ err: { message: cause instanceof Error ? cause.message : String(cause) } }, 'APQ cache unavailable; lookups count as misses');
  }
}
