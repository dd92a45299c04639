/**
 * Callbacks an emulator POSTs to a customer's URL, as the real services do (panda spec §4.5,
 * telestream spec "Notifications", Ziggeo webhooks): answered 200 = delivered; anything else, or no
 * answer, is tried again with exponential back-off until `giveUpAfterMs` (24 h for real; scaled down
 * for tests and the sandbox).
 */

export interface DeliveryOptions {
  /** Wait before the first retry; doubles each time (default 60 s). */
  readonly retryBaseMs?: number;
  /** Longest wait between two attempts (default 1 h). */
  readonly retryMaxMs?: number;
  /** No attempt starts later than this after the first (default 24 h). */
  readonly giveUpAfterMs?: number;
  /** One attempt waits this long for the answer (default 10 s). */
  readonly timeoutMs?: number;
}

/** One POST to deliver: its body is sent as is, under `contentType`. */
export interface Delivery {
  readonly url: string;
  readonly contentType: string;
  readonly body: string;
  /** Which callback it is, for tests reading the attempts (`encoding-progress`, `video_ready`, …). */
  readonly event: string;
}

/** One attempt, as tests read them: the HTTP status, or 0 when the receiver could not be reached. */
export interface DeliveryAttempt {
  readonly delivery: Delivery;
  readonly attempt: number;
  readonly status: number;
  readonly at: Date;
}

const DEFAULTS = { retryBaseMs: 60_000, retryMaxMs: 3_600_000, giveUpAfterMs: 24 * 3_600_000, timeoutMs: 10_000 };

export class Deliveries {
  /** Every attempt made, oldest first. */
  readonly attempts: DeliveryAttempt[] = [];
  private readonly o: Required<DeliveryOptions>;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** First attempts go out one at a time per URL, so a receiver that answers sees events in order. */
  private readonly lines = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    options: DeliveryOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.o = { ...DEFAULTS, ...definedOnly(options) };
  }

  /** Queues a callback: after the ones queued before it for the same URL, then retried on its own. */
  send(delivery: Delivery): void {
    if (this.closed) return;
    const first = this.now();
    const line = (this.lines.get(delivery.url) ?? Promise.resolve()).then(() => this.attempt(delivery, 1, first));
    this.lines.set(delivery.url, line);
    this.track(line);
  }

  /** Resolves once nothing is in flight or waiting for its retry (tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      if (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Pending retries are dropped; attempts under way end on their own. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async attempt(delivery: Delivery, n: number, first: number): Promise<void> {
    if (this.closed) return;
    const status = await post(delivery, this.o.timeoutMs);
    this.attempts.push({ delivery, attempt: n, status, at: new Date(this.now()) });
    if (status === 200 || this.closed) return;
    const wait = Math.min(this.o.retryMaxMs, this.o.retryBaseMs * 2 ** (n - 1));
    if (this.now() + wait - first > this.o.giveUpAfterMs) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(delivery, n + 1, first));
    }, wait);
    timer.unref();
    this.timers.add(timer);
  }
}

/** The status the receiver answered; 0 when it could not be reached or took too long. */
async function post(delivery: Delivery, timeoutMs: number): Promise<number> {
  try {
    const res = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': delivery.contentType, 'user-agent': 'vidmesh-emulator-notifier' },
      body: delivery.body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch {
    return 0;
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
