import type { SubscriptionLimits } from '../../config/schema';
import type { Principal } from '../../domain/principal';
import type { ProviderDatasource } from '../../domain/datasource';
import type { EncodingRecord } from '../../domain/types';
import { VidmeshError } from '../../errors';
import type { Logger } from '../../observability/logger';
import { BurstBatcher, type Wants } from './burst';
import { Pollers } from './pollers';
import { FanOutTurns } from './turns';
import { Subscriber, type EventPayload } from './subscriber';
import type { EventBus, VideoEvent, VideoEventType } from '../../events/types';

/** How long events are gathered before their loads start together (one upstream batch per account and burst). */
export const BURST_WINDOW_MS = 5;
/** Results written per turn of the event loop (~3 ms of writes): a fan-out leaves room for other sockets. */
export const FAN_OUT_PER_TURN = 64;

export interface LiveEventsOptions {
  readonly sourceOf: (accountId: string) => ProviderDatasource | undefined;
  readonly bus: EventBus;
  readonly limits: SubscriptionLimits;
  readonly logger?: Logger;
  readonly now?: () => number;
}

/** What one subscription listens to, its accounts already narrowed to the principal's and checked. */
export interface OpenRequest {
  readonly principal: Principal;
  readonly accounts: ReadonlySet<string>;
  /** Only these videos (account and native id); null: every video of the accounts. */
  readonly videos: readonly { readonly account: string; readonly nativeId: string }[] | null;
  readonly types: ReadonlySet<VideoEventType> | null;
  readonly wants: Wants;
  readonly onOverflow?: (error: VidmeshError) => void;
  readonly onYield?: (payload: EventPayload) => void;
  /** After each event is queued (encodingProgress ends itself once every encoding is final). */
  readonly onQueued?: (event: VideoEvent, subscriber: Subscriber) => void;
}

const pairKey = (account: string, nativeId: string): string => `${account}\u0000${nativeId}`;

/**
 * The subscribing half of the events (DESIGN §7): subscribers on the bus, their bounded queues, the
 * per-key limit, burst loading, and the pollers of accounts that send no notifications.
 */
export class LiveEvents {
  readonly pollers: Pollers;
  /** Paces the results of a fan-out over turns of the loop (shared-results.ts). */
  readonly turns = new FanOutTurns(FAN_OUT_PER_TURN);
  private readonly batcher: BurstBatcher;
  private executed = 0;
  private readonly perKey = new Map<string, number>();
  private readonly subscribers = new Set<Subscriber>();
  private closed = false;

  constructor(private readonly options: LiveEventsOptions) {
    this.batcher = new BurstBatcher(options.sourceOf, BURST_WINDOW_MS);
    this.pollers = new Pollers({
      sourceOf: options.sourceOf,
      publish: (event) => options.bus.publish(event),
      timing: { minMs: options.limits.pollMinMs, maxMs: Math.max(options.limits.pollMinMs, options.limits.pollMaxMs) },
      now: options.now,
      onError: (account, error) => options.logger?.warn({ account, error: error instanceof Error ? error.message : String(error) }, 'polling failed; backing off'),
    });
  }

  get bus(): EventBus {
    return this.options.bus;
  }

  get limits(): SubscriptionLimits {
    return this.options.limits;
  }

  /** Open subscriptions. */
  get size(): number {
    return this.subscribers.size;
  }

  /** Bursts whose loads started together (tests). */
  get bursts(): number {
    return this.batcher.bursts;
  }

  /** Events executed for subscribers (once per audience and event when shared): tests, bench. */
  get executions(): number {
    return this.executed;
  }

  noteExecution(): void {
    this.executed++;
  }

  /** Whether new subscriptions are refused (the gateway is closing). */
  get isClosed(): boolean {
    return this.closed;
  }

  open(request: OpenRequest): Subscriber {
    if (this.closed) throw new VidmeshError('PROVIDER_UNAVAILABLE', 'the gateway is shutting down: subscribe again shortly');
    const key = request.principal.name;
    const { maxPerKey, queueSize } = this.options.limits;
    if (key !== null && (this.perKey.get(key) ?? 0) >= maxPerKey) {
      throw new VidmeshError('RATE_LIMITED', `API key "${key}" already holds ${maxPerKey} subscriptions (server.subscriptions.maxPerKey)`, {
        extra: { limit: 'maxPerKey', max: maxPerKey },
      });
    }
    const pairs = request.videos === null ? null : new Set(request.videos.map((v) => pairKey(v.account, v.nativeId)));
    const releases: (() => void)[] = [];
    const subscriber: Subscriber = new Subscriber(
      queueSize,
      {
        onEnd: () => {
          for (const release of releases.splice(0)) release();
          this.subscribers.delete(subscriber);
          if (key !== null) {
            const left = (this.perKey.get(key) ?? 1) - 1;
            if (left > 0) this.perKey.set(key, left);
            else this.perKey.delete(key);
          }
        },
        onOverflow: request.onOverflow,
        onYield: request.onYield,
      },
      () =>
        new VidmeshError('RATE_LIMITED', `subscriber too slow: over ${queueSize} events waiting (server.subscriptions.queueSize); subscribe again and catch up with a query`, {
          extra: { limit: 'queueSize', max: queueSize },
        }),
    );
    this.subscribers.add(subscriber);
    if (key !== null) this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    const filter = {
      accounts: request.accounts,
      videoNativeIds: request.videos === null ? null : new Set(request.videos.map((v) => v.nativeId)),
      types: request.types,
    };
    releases.push(
      this.options.bus.subscribe(filter, (event) => {
        // native ids are unique per account only: the bus filter is by native id, this by the pair
        if (pairs !== null && !pairs.has(pairKey(event.accountId, event.videoNativeId))) return;
        this.batcher.stage(event, request.wants, (payload) => {
          subscriber.deliver(payload);
          request.onQueued?.(payload.event, subscriber);
        });
      }),
    );
    if (request.videos === null) for (const account of request.accounts) releases.push(this.pollers.watch(account, null));
    else for (const video of request.videos) releases.push(this.pollers.watch(video.account, video.nativeId));
    return subscriber;
  }

  /** What a subscriber just read of a video's encodings: a poller compares its first poll with it. */
  seed(accountId: string, video: string, encodings: readonly EncodingRecord[]): void {
    this.pollers.seed(accountId, video, encodings);
  }

  /** Ends every subscription (their clients see them complete) and stops every poller and timer. */
  close(): Promise<void> {
    this.closed = true;
    for (const subscriber of [...this.subscribers]) subscriber.end();
    this.pollers.close();
    this.batcher.close();
    return Promise.resolve();
  }
}
