import type { VidmeshError } from '../../errors';
import type { EventPayload } from './burst';
import { SubscriberQueue } from './queue';

// the payload is made by the burst (one per event for all its subscribers)
export type { EventPayload } from './burst';

export interface SubscriberHooks {
  /** Called once when the subscriber ends for any reason (client gone, completed, gateway closing). */
  readonly onEnd: () => void;
  /** The queue overflowed: the transport disconnects the consumer (after the failure payload went out). */
  readonly onOverflow?: (error: VidmeshError) => void;
  /** Before a payload is handed to execution (the context switches to the payload's loaders). */
  readonly onYield?: (payload: EventPayload) => void;
}

/**
 * The async iterator graphql-js's `subscribe` maps to results. Pull-based: graphql-ws and graphql-sse
 * ask for the next event once the previous result is sent, so a slow consumer's events wait in the
 * bounded queue (see SubscriberQueue) instead of piling up in the transport.
 */
export class Subscriber implements AsyncIterableIterator<EventPayload> {
  private readonly queue: SubscriberQueue<EventPayload>;
  private waiter: ((result: IteratorResult<EventPayload>) => void) | null = null;
  private failure: EventPayload | null = null;
  /** No more events will be queued; what waits is still delivered. */
  private ending = false;
  private done = false;

  constructor(
    queueSize: number,
    private readonly hooks: SubscriberHooks,
    private readonly overflowError: () => VidmeshError,
  ) {
    this.queue = new SubscriberQueue(queueSize);
  }

  get closed(): boolean {
    return this.done;
  }

  /** Events replaced by later progress of the same encoding. */
  get coalesced(): number {
    return this.queue.coalesced;
  }

  get waiting(): number {
    return this.queue.size;
  }

  deliver(payload: EventPayload): void {
    if (this.ending || this.done) return;
    if (this.waiter !== null) {
      const wake = this.waiter;
      this.waiter = null;
      this.hooks.onYield?.(payload);
      wake({ value: payload, done: false });
      return;
    }
    if (this.queue.push(payload)) return;
    // full of events that cannot be coalesced: this consumer cannot keep up even with latest-wins
    const error = this.overflowError();
    this.queue.clear();
    this.failure = { event: payload.event, loaders: null, failure: error };
    this.ending = true;
    this.hooks.onOverflow?.(error);
  }

  /** Completes after what is queued (encodingProgress done, gateway closing). */
  end(): void {
    if (this.done) return;
    this.ending = true;
    if (this.waiter !== null && this.queue.size === 0 && this.failure === null) this.finish();
  }

  next(): Promise<IteratorResult<EventPayload>> {
    const item = this.queue.shift() ?? this.takeFailure();
    if (item !== undefined) {
      this.hooks.onYield?.(item);
      return Promise.resolve({ value: item, done: false });
    }
    if (this.done || this.ending) {
      this.finish();
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => (this.waiter = resolve));
  }

  return(): Promise<IteratorResult<EventPayload>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<EventPayload>> {
    this.finish();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private takeFailure(): EventPayload | undefined {
    const failure = this.failure;
    this.failure = null;
    return failure ?? undefined;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.ending = true;
    this.queue.clear();
    const wake = this.waiter;
    this.waiter = null;
    wake?.({ value: undefined, done: true });
    this.hooks.onEnd();
  }
}
