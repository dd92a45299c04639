import type { ProviderDatasource } from '../../domain/datasource';
import type { EncodingRecord } from '../../domain/types';
import { AccountPoller, type PollTiming } from './poller';
import type { VideoEvent } from '../../events/types';

export interface PollersOptions {
  readonly sourceOf: (accountId: string) => ProviderDatasource | undefined;
  readonly publish: (event: VideoEvent) => Promise<unknown>;
  readonly timing: PollTiming;
  readonly now?: () => number;
  readonly onError?: (accountId: string, error: unknown) => void;
}

/**
 * The pollers of the accounts someone subscribes to: one per account, running while it has
 * subscribers and its notifications are not set up (`setNotified`: the notification receiver says so
 * once an account's provider calls back; Dailymotion has no notifications and is always polled).
 * A poller is dropped with its last subscriber, and every timer is cleared on close.
 */
export class Pollers {
  private readonly pollers = new Map<string, AccountPoller>();
  private readonly notified = new Set<string>();
  private closed = false;

  constructor(private readonly options: PollersOptions) {}

  /** Pollers polling now (tests assert none is left behind). */
  get running(): number {
    return [...this.pollers.values()].filter((p) => p.running).length;
  }

  poller(accountId: string): AccountPoller | undefined {
    return this.pollers.get(accountId);
  }

  /** Whether the account's events come from notifications (true) or from polling (false, the default). */
  isNotified(accountId: string): boolean {
    return this.notified.has(accountId);
  }

  /** Called by the notification receiver: notifications set up for the account (stop polling it), or not (poll it). */
  setNotified(accountId: string, configured: boolean): void {
    if (configured) this.notified.add(accountId);
    else this.notified.delete(accountId);
    const poller = this.pollers.get(accountId);
    if (poller === undefined) return;
    if (configured) poller.stop();
    else if (!this.closed) poller.start();
  }

  /** Interest in an account (`video` null) or one of its videos; answers the release. */
  watch(accountId: string, video: string | null): () => void {
    const source = this.options.sourceOf(accountId);
    if (source === undefined || this.closed) return () => undefined;
    let poller = this.pollers.get(accountId);
    if (poller === undefined) {
      const onError = this.options.onError;
      poller = new AccountPoller(source, this.options.publish, this.options.timing, this.options.now ?? Date.now, onError && ((e) => onError(accountId, e)));
      this.pollers.set(accountId, poller);
    }
    const release = poller.watch(video);
    if (!this.notified.has(accountId)) poller.start();
    const held = poller;
    return () => {
      release();
      if (held.interest > 0) return;
      held.stop();
      if (this.pollers.get(accountId) === held) this.pollers.delete(accountId);
    };
  }

  /** A subscriber's fresh read of a video's encodings, so the first poll compares with it. */
  seed(accountId: string, video: string, encodings: readonly EncodingRecord[]): void {
    this.pollers.get(accountId)?.seed(video, encodings);
  }

  close(): void {
    this.closed = true;
    for (const poller of this.pollers.values()) poller.stop();
    this.pollers.clear();
  }
}
