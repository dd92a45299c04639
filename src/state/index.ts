import type { VidmeshConfig } from '../config';
import { MemoryStore } from './memory';
import { RedisStore, type StateLogger } from './redis';
import type { StateStore } from './store';

export { createQueryCache, type QueryCache, type QueryCacheOptions } from './apq';
export { readJson, writeJson } from './json';
export { MemoryStore, type MemoryStoreOptions } from './memory';
export { describeRedisUrl, RedisStore, type RedisStoreOptions, type StateLogger } from './redis';
export { stateUnavailable, type StateHealth, type StateStore, type Unsubscribe } from './store';
export { ThrottledWriter, type ThrottleOptions } from './throttle';

/** The store the config asks for: Redis when `state.redis` is set, else this process's memory. */
export function createStateStore(config: VidmeshConfig['state'], logger?: StateLogger): StateStore {
  const redis = config.redis;
  if (!redis) return new MemoryStore();
  return new RedisStore({ url: redis.url, keyPrefix: redis.keyPrefix, commandTimeoutMs: redis.commandTimeoutMs, logger });
}
