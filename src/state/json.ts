import type { StateStore } from './store';

/** A record stored as JSON; `parse` checks the shape (the store may hold what an older replica wrote). */
export async function readJson<T>(store: StateStore, key: string, parse: (raw: unknown) => T | undefined): Promise<T | undefined> {
  const text = await store.get(key);
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  return parse(raw);
}

export function writeJson(store: StateStore, key: string, value: unknown, ttlMs: number): Promise<void> {
  return store.set(key, JSON.stringify(value), ttlMs);
}
