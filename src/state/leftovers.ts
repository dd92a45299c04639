import { randomUUID } from 'node:crypto';
import type { LeftoverCall } from '../upstream/client';
import { readJson, writeJson } from './json';
import type { StateLogger } from './redis';
import type { StateStore } from './store';

/** A cleanup still owed to a provider (an upload session to delete), as queued in the shared state. */
export interface Leftover extends LeftoverCall {
  readonly account: string;
  /** When it was first queued; it is given up `ttlMs` later (the provider expires such sessions itself by then). */
  readonly since: number;
  readonly attempts: number;
}

/** What sending a leftover again came to: done (or nothing left to do), or worth another try later. */
export type LeftoverOutcome = 'done' | 'retry';

export interface LeftoverQueueOptions {
  /** Sends one leftover again. A throw counts as `retry`. */
  readonly send: (leftover: Leftover) => Promise<LeftoverOutcome>;
  /** False while the account's provider is known to fail (its circuit is open): its leftovers wait. */
  readonly ready?: (account: string) => boolean;
  /** How often the queue is swept (default 30 s); also once at start. */
  readonly intervalMs?: number;
  /** How long a leftover is tried (default 24 h). */
  readonly ttlMs?: number;
  readonly logger?: StateLogger;
  readonly now?: () => number;
}

/** Numbers below `head` are done; `last` is the counter a previous sweep saw (items up to it had time to be written). */
interface Head {
  readonly head: number;
  readonly last: number;
}

const SEQ = 'leftovers:seq';
const HEAD = 'leftovers:head';
const LEASE = 'leftovers:lease';
const item = (n: number) => `leftovers:item:${n}`;
/** Counters outlive every item by far: a year. */
const COUNTER_TTL_MS = 365 * 24 * 3_600_000;
/** One sweep's bound: a replica that dies mid-sweep frees the lease this long after. */
const LEASE_MS = 5 * 60_000;
const MAX_PER_SWEEP = 100;
/** A stopping gateway waits this long for a sweep's call in flight. */
const STOP_WAIT_MS = 2_000;

const parseLeftover = (raw: unknown): Leftover | undefined => {
  const v = raw as Partial<Leftover> | null;
  if (v === null || typeof v !== 'object') return undefined;
  if (typeof v.account !== 'string' || typeof v.origin !== 'string' || typeof v.path !== 'string' || v.method !== 'DELETE') return undefined;
  return { account: v.account, origin: v.origin, method: v.method, path: v.path, since: Number(v.since) || 0, attempts: Number(v.attempts) || 0 };
};

const parseHead = (raw: unknown): Head | undefined => {
  const v = raw as Partial<Head> | null;
  return v !== null && typeof v === 'object' && Number.isSafeInteger(v.head) && Number.isSafeInteger(v.last) ? { head: v.head!, last: v.last! } : undefined;
};

/**
 * Cleanups that failed (an upload session's DELETE while the provider was down, or cut by a
 * shutdown) are queued in the shared state and sent again later: on a timer, and at start, by
 * whichever replica takes the sweep's lease (`setIfAbsent`), so neither an open circuit nor a
 * restart strands a provider session. The store has no lists: items are numbered by a counter
 * (`incr`) and swept from the lowest one not yet done. In memory mode the queue lives as long as
 * the process; with Redis, as long as the deployment.
 */
export class LeftoverQueue {
  private readonly intervalMs: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly owner = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private sweeping: Promise<number> | null = null;
  private readonly adding = new Set<Promise<void>>();

  constructor(
    private readonly state: StateStore,
    private readonly options: LeftoverQueueOptions,
  ) {
    this.intervalMs = options.intervalMs ?? 30_000;
    this.ttlMs = options.ttlMs ?? 24 * 3_600_000;
    this.now = options.now ?? Date.now;
  }

  /** Queues a cleanup that failed; never throws (a store outage is logged: the session is then left to the provider's expiry). */
  add(account: string, call: LeftoverCall): Promise<void> {
    const leftover: Leftover = { account, origin: call.origin, method: call.method, path: call.path, since: this.now(), attempts: 1 };
    const adding = (async () => {
      const n = await this.state.incr(SEQ, COUNTER_TTL_MS);
      await writeJson(this.state, item(n), leftover, this.ttlMs);
      this.options.logger?.warn({ account }, 'provider cleanup failed; queued to be sent again');
    })().catch(() => this.options.logger?.warn({ account }, 'provider cleanup failed and could not be queued (state store unavailable)'));
    this.adding.add(adding);
    void adding.finally(() => this.adding.delete(adding));
    return adding;
  }

  /** Sweeps once now (in the background) and then every `intervalMs`. */
  start(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer; waits for queueing still running, and for a sweep to finish the leftover it is at (at most `STOP_WAIT_MS`). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    let timer: NodeJS.Timeout | undefined;
    await Promise.all([Promise.race([this.sweeping, new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]), ...this.adding]);
    clearTimeout(timer);
  }

  /** One sweep, unless one runs here or on another replica: answers how many leftovers were done. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce()
      .catch(() => 0)
      .finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    if (!(await this.state.setIfAbsent(LEASE, this.owner, LEASE_MS))) return 0;
    try {
      const last = Number((await this.state.get(SEQ)) ?? 0);
      const stored = (await readJson(this.state, HEAD, parseHead)) ?? { head: 1, last: 0 };
      const seen = stored.last;
      // the counter started over (it expired): so did the numbering
      const head = stored.head > last + 1 ? 1 : stored.head;
      let next = head;
      let contiguous = true;
      let done = 0;
      for (let n = head; n <= last && n < head + MAX_PER_SWEEP && !this.stopped; n++) {
        const found = await readJson(this.state, item(n), parseLeftover);
        // missing: done, expired — or numbered but not written yet, when it is newer than what the last sweep saw
        if (found === undefined) {
          if (contiguous && n <= seen) next = n + 1;
          else contiguous = false;
          continue;
        }
        if ((await this.attempt(n, found)) === 'done') {
          done += 1;
          if (contiguous) next = n + 1;
        } else contiguous = false;
      }
      await writeJson(this.state, HEAD, { head: next, last }, COUNTER_TTL_MS);
      return done;
    } finally {
      await this.state.delete(LEASE);
    }
  }

  private async attempt(n: number, leftover: Leftover): Promise<LeftoverOutcome> {
    const left = leftover.since + this.ttlMs - this.now();
    if (left <= 0) {
      this.options.logger?.warn({ account: leftover.account, attempts: leftover.attempts }, 'provider cleanup given up after its time');
      await this.state.delete(item(n));
      return 'done';
    }
    if (this.options.ready && !this.options.ready(leftover.account)) return 'retry';
    const outcome = await this.options.send(leftover).catch((): LeftoverOutcome => 'retry');
    if (outcome === 'done') {
      await this.state.delete(item(n));
      this.options.logger?.info({ account: leftover.account, attempts: leftover.attempts + 1 }, 'queued provider cleanup done');
    } else {
      await writeJson(this.state, item(n), { ...leftover, attempts: leftover.attempts + 1 }, left);
    }
    return outcome;
  }
}
