import { createClient } from 'redis';
import { checkTtl, stateUnavailable, type StateHealth, type StateStore, type Unsubscribe } from './store';

/** The little of a pino logger the store uses. */
export interface StateLogger {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

export interface RedisStoreOptions {
  /** `redis://` or `rediss://`, credentials allowed; never logged as given. */
  readonly url: string;
  /** Put before every key and channel, so deployments can share a server (`vidmesh:`). */
  readonly keyPrefix: string;
  /** No command waits longer: past it the caller gets STATE_UNAVAILABLE. */
  readonly commandTimeoutMs: number;
  /** Reconnection backoff doubles from 50 ms up to this. */
  readonly maxReconnectDelayMs?: number;
  readonly logger?: StateLogger;
}

export type VidmeshRedisClient = ReturnType<typeof createClient>;

// one script, so a new counter and its TTL are set atomically (no counter left without expiry)
const INCR_WITH_TTL = "local n = redis.call('INCRBY', KEYS[1], ARGV[2]) if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

/** `redis://host:port/db` without user or password: what logs may say about the target. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'redis (unparsable URL)';
  }
}

/** Exponential backoff with jitter, capped: a restarted Redis is found again within `max` ms. */
export function reconnectDelay(retries: number, max: number): number {
  const base = Math.min(max, 50 * 2 ** Math.min(retries, 16));
  return Math.round(base / 2 + Math.random() * (base / 2));
}

/**
 * The StateStore every replica shares, over node-redis v5 (the Redis project's own client, kept up
 * with the server; @keyv/redis builds on the same @redis/client, so APQ reuses this connection).
 * One command connection, reconnecting for ever with capped backoff; a second one only once
 * something subscribes (a subscribed connection can run nothing else). Every command races a
 * deadline: node-redis's own `timeout` only covers the wait to be sent, not a server that stopped
 * answering.
 */
export class RedisStore implements StateStore {
  readonly kind = 'redis' as const;
  readonly client: VidmeshRedisClient;
  private subscriber: VidmeshRedisClient | undefined;
  private subscriberReady: Promise<void> | undefined;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly target: string;
  private readonly logger: StateLogger | undefined;
  private closed = false;

  constructor(options: RedisStoreOptions) {
    this.prefix = options.keyPrefix;
    this.timeoutMs = options.commandTimeoutMs;
    this.target = describeRedisUrl(options.url);
    this.logger = options.logger;
    const max = options.maxReconnectDelayMs ?? 2000;
    this.client = createClient({
      url: options.url,
      socket: { reconnectStrategy: (retries) => reconnectDelay(retries, max), connectTimeout: Math.max(1000, options.commandTimeoutMs) },
      // commands queued while reconnecting fail after the same deadline instead of piling up
      commandOptions: { timeout: options.commandTimeoutMs },
      commandsQueueMaxLength: 10_000,
    });
    this.watch(this.client, 'commands');
    // connect() retries until it succeeds or close(): a gateway starts while Redis is still down
    this.client.connect().catch(() => undefined);
  }

  /** The key as stored: with the deployment's prefix. */
  key(key: string): string {
    return this.prefix + key;
  }

  async get(key: string): Promise<string | undefined> {
    return this.run(async (c) => (await c.get(this.key(key))) ?? undefined);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    checkTtl(ttlMs);
    return this.run(async (c) => {
      await c.set(this.key(key), value, { expiration: { type: 'PX', value: ttlMs } });
    });
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    checkTtl(ttlMs);
    return this.run(async (c) => (await c.set(this.key(key), value, { expiration: { type: 'PX', value: ttlMs }, condition: 'NX' })) === 'OK');
  }

  async delete(key: string): Promise<boolean> {
    return this.run(async (c) => (await c.del(this.key(key))) > 0);
  }

  async incr(key: string, ttlMs: number, by = 1): Promise<number> {
    checkTtl(ttlMs);
    if (!Number.isSafeInteger(by)) throw new RangeError(`incr: by must be an integer, got ${by}`);
    return this.run(async (c) => Number(await c.eval(INCR_WITH_TTL, { keys: [this.key(key)], arguments: [String(ttlMs), String(by)] })));
  }

  async publish(channel: string, message: string): Promise<void> {
    return this.run(async (c) => {
      await c.publish(this.key(channel), message);
    });
  }

  async subscribe(channel: string, listener: (message: string) => void): Promise<Unsubscribe> {
    const subscriber = await this.run(() => this.subscriberConnection());
    const name = this.key(channel);
    // a wrapper per subscription: node-redis removes listeners by identity
    const own = (message: string): void => {
      try {
        listener(message);
      } catch {
        // one listener's failure is not the connection's
      }
    };
    try {
      await this.run(() => subscriber.subscribe(name, own));
    } catch (error) {
      // a SUBSCRIBE that ran late may still land: take the listener back so no one receives for a caller who was told no
      subscriber.unsubscribe(name, own).catch(() => undefined);
      throw error;
    }
    let done = false;
    return async () => {
      if (done || this.closed) return;
      done = true;
      await this.run(() => subscriber.unsubscribe(name, own));
    };
  }

  async health(): Promise<StateHealth> {
    const started = performance.now();
    try {
      await this.run((c) => c.ping());
      return { kind: this.kind, ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch {
      return { kind: this.kind, ok: false };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.client, this.subscriber].filter((c) => c !== undefined).map((c) => this.shut(c)));
  }

  /** Runs work on this connection against the command deadline; any failure is STATE_UNAVAILABLE (the cause kept for logs). */
  async withDeadline<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) throw stateUnavailable();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([work(), deadline]);
    } catch (error) {
      throw stateUnavailable(error);
    } finally {
      clearTimeout(timer);
    }
  }

  private run<T>(command: (client: VidmeshRedisClient) => Promise<T>): Promise<T> {
    return this.withDeadline(() => command(this.client));
  }

  private subscriberConnection(): Promise<VidmeshRedisClient> {
    if (!this.subscriber) {
      const subscriber = this.client.duplicate();
      this.subscriber = subscriber;
      this.watch(subscriber, 'subscriptions');
      const ready = subscriber.connect().then(() => undefined);
      this.subscriberReady = ready;
      ready.catch(() => undefined);
    }
    const subscriber = this.subscriber;
    return this.subscriberReady!.then(() => subscriber);
  }

  /** Logs an outage once when it starts and once when it ends; node-redis reports every failed attempt. */
  private watch(client: VidmeshRedisClient, role: string): void {
    let down = false;
    client.on('error', (error: Error) => {
      if (down || this.closed) return;
      down = true;
      this.logger?.warn({ state: this.target, role, err: { name: error.name, message: error.message } }, 'state store unreachable; reconnecting');
    });
    client.on('ready', () => {
      if (!down) return;
      down = false;
      this.logger?.info({ state: this.target, role }, 'state store reachable again');
    });
  }

  private async shut(client: VidmeshRedisClient): Promise<void> {
    if (!client.isOpen) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.timeoutMs)));
    // close() lets written commands finish; a server that does not answer gets destroy()
    const outcome = await Promise.race([
      client.close().then(
        () => 'closed' as const,
        () => 'late' as const,
      ),
      late,
    ]);
    clearTimeout(timer);
    if (outcome === 'late' && client.isOpen) client.destroy();
  }
}
