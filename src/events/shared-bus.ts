import type { Logger } from '../observability/logger';
import type { StateStore, Unsubscribe as StoreUnsubscribe } from '../state';
import { MemoryEventBus } from './memory-bus';
import type { EventBus, Unsubscribe, VideoEvent, VideoEventFilter } from './types';

/** The channel every replica listens to, and how long a delivery id is remembered (providers retry for 24 h). */
const CHANNEL = 'events';
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The bus across replicas (`state.redis`): an event is claimed once by its id (`SET NX`, so a
 * provider's retried delivery, or the same change seen by two replicas' pollers, publishes once),
 * then fanned out through the store's pub/sub to every replica's own subscribers. When the store
 * is out of reach, this replica's subscribers still get the event (dropped repeats are then per replica).
 */
export class SharedEventBus implements EventBus {
  private readonly local: MemoryEventBus;
  private unsubscribe: StoreUnsubscribe | null = null;

  constructor(
    private readonly store: StateStore,
    private readonly logger: Logger,
    now: () => number = Date.now,
  ) {
    this.local = new MemoryEventBus(now);
  }

  /** Listens to the shared channel; resolves once subscribed (or once the store refused: local delivery then). */
  async start(): Promise<void> {
    try {
      this.unsubscribe = await this.store.subscribe(CHANNEL, (message) => this.deliver(message));
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'event fan-out unavailable: events reach this replica only');
    }
  }

  async publish(event: VideoEvent): Promise<boolean> {
    try {
      if (!(await this.store.setIfAbsent(`events:seen:${event.id}`, '1', SEEN_TTL_MS))) return false;
      await this.store.publish(CHANNEL, JSON.stringify(event));
      return true;
    } catch (error) {
      this.logger.warn({ error: (error as Error).message, event: event.type, account: event.accountId }, 'event fan-out failed: delivered on this replica only');
      return this.local.publish(event);
    }
  }

  subscribe(filter: VideoEventFilter, listener: (event: VideoEvent) => void): Unsubscribe {
    return this.local.subscribe(filter, listener);
  }

  /** Subscribers on this replica (tests assert none leak). */
  get size(): number {
    return this.local.size;
  }

  async close(): Promise<void> {
    await this.unsubscribe?.().catch(() => undefined);
    await this.local.close();
  }

  private deliver(message: string): void {
    let event: VideoEvent;
    try {
      event = JSON.parse(message) as VideoEvent;
    } catch {
      return; // not ours: the channel is under the deployment's prefix, but stay defensive
    }
    if (typeof event?.id !== 'string' || typeof event.accountId !== 'string') return;
    void this.local.publish(event);
  }
}
