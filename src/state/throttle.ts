import type { StateStore } from './store';

export interface ThrottleOptions {
  /** Each write gives the key this TTL again. */
  readonly ttlMs: number;
  /** At most one store write per interval. */
  readonly intervalMs: number;
  /** A write that failed in the background (write() never throws; flush() rejects instead). */
  readonly onError?: (error: unknown) => void;
}

/**
 * Coalesces frequent writes of one key (upload progress): the first goes out at once, later ones at
 * most once per interval, and the last value is always written — by the timer, or by flush(). Writes
 * never overlap, so an older value cannot land after a newer one.
 */
export class ThrottledWriter {
  private pending: string | undefined;
  private inFlight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastWriteAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: StateStore,
    private readonly key: string,
    private readonly options: ThrottleOptions,
  ) {}

  /** Queues `value` as the key's next state. */
  write(value: string): void {
    this.pending = value;
    if (this.timer || this.inFlight) return;
    const wait = this.lastWriteAt + this.options.intervalMs - performance.now();
    if (wait <= 0) this.drain();
    else this.schedule(wait);
  }

  /** Writes what is pending now and waits for it (and for a write in flight); rejects if that write fails. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight || this.pending !== undefined) {
      if (this.inFlight) await this.inFlight.catch(() => undefined);
      else await this.send(this.takePending());
    }
  }

  /** Drops what is pending and stops the timer (the writer is not used again). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }

  private schedule(wait: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, wait);
    // a pending progress write must not keep the process alive on its own
    this.timer.unref();
  }

  private drain(): void {
    if (this.pending === undefined || this.inFlight) return;
    this.send(this.takePending()).then(
      () => this.afterWrite(),
      (error: unknown) => {
        this.options.onError?.(error);
        this.afterWrite();
      },
    );
  }

  private afterWrite(): void {
    if (this.pending !== undefined && !this.timer && !this.inFlight) this.schedule(Math.max(0, this.lastWriteAt + this.options.intervalMs - performance.now()));
  }

  private takePending(): string {
    const value = this.pending!;
    this.pending = undefined;
    return value;
  }

  private send(value: string): Promise<void> {
    this.lastWriteAt = performance.now();
    const write = this.store.set(this.key, value, this.options.ttlMs).finally(() => {
      if (this.inFlight === write) this.inFlight = undefined;
    });
    this.inFlight = write;
    return write;
  }
}
