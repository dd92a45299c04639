import { matches, type EventBus, type VideoEvent, type VideoEventFilter, type Unsubscribe } from './types';

/** How long an event id is remembered to drop a provider's retried delivery (they retry for hours; ids are per delivery). */
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;
const SEEN_MAX = 100_000;

/** The in-process bus (no `state.redis`): one replica's receivers reach that replica's subscribers. */
export class MemoryEventBus implements EventBus {
  private readonly listeners = new Set<{ filter: VideoEventFilter; listener: (event: VideoEvent) => void }>();
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  publish(event: VideoEvent): Promise<boolean> {
    const t = this.now();
    const until = this.seen.get(event.id);
    if (until !== undefined && until > t) return Promise.resolve(false);
    this.seen.set(event.id, t + SEEN_TTL_MS);
    // Map keeps insertion order: the oldest ids go first when the table is full
    for (const [id] of this.seen) {
      if (this.seen.size <= SEEN_MAX) break;
      this.seen.delete(id);
    }
    for (const entry of [...this.listeners]) if (matches(entry.filter, event)) entry.listener(event);
    return Promise.resolve(true);
  }

  subscribe(filter: VideoEventFilter, listener: (event: VideoEvent) => void): Unsubscribe {
    const entry = { filter, listener };
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  /** Subscribers now (tests assert none leak). */
  get size(): number {
    return this.listeners.size;
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }
}
