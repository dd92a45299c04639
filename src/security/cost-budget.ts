import { createHash } from 'node:crypto';
import type { QueryLimits } from '../config/schema';
import { VidmeshError } from '../errors';
import type { StateStore } from '../state';

/**
 * How much query cost (complexity points, complexity.ts) one API key may spend: `costPerSecond`
 * refilled, at most `costBurst` at once. `charge` answers null when the key may go on, or the
 * seconds after which it may (RATE_LIMITED).
 */
export interface CostBudget {
  charge(key: string, cost: number): Promise<number | null>;
}

/** `costBurst`, or its default: twice the rate, and never less than one query at the limit. */
export function burstOf(limits: QueryLimits): number {
  return limits.costBurst ?? Math.max(2 * limits.costPerSecond, limits.maxComplexity);
}

export function overBudget(limits: QueryLimits, cost: number, retryAfterSeconds: number): VidmeshError {
  return new VidmeshError(
    'RATE_LIMITED',
    `this API key spent its query budget (server.limits.costPerSecond ${limits.costPerSecond}, costBurst ${burstOf(limits)}); this request costs ${cost}, try again in ${retryAfterSeconds}s`,
    { httpStatus: 429, extra: { limit: 'costPerSecond', max: limits.costPerSecond, cost, retryAfterSeconds } },
  );
}

/** One replica's buckets (no `state.redis`): a token bucket per key, refilled continuously. */
export class MemoryCostBudget implements CostBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async charge(key: string, cost: number): Promise<number | null> {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) * this.perSecond) / 1000);
    bucket.at = now;
    if (cost > bucket.tokens) {
      this.buckets.set(key, bucket);
      return Math.max(1, Math.ceil((cost - bucket.tokens) / this.perSecond));
    }
    bucket.tokens -= cost;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    return null;
  }

  /** Keys whose bucket has refilled are the same as keys never seen: dropped, so the map stays as small as the active keys. */
  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.tokens + ((now - bucket.at) * this.perSecond) / 1000 >= this.burst) this.buckets.delete(key);
  }
}

/**
 * Every replica's spending of a key in one shared counter per window (`state.redis`): a window lasts
 * `costBurst / costPerSecond` seconds (at least one) and holds `costBurst` points, the same average
 * rate as the bucket. A refused charge is given back. When the store fails, the key is not held up:
 * the budget protects the providers, and a Redis outage must not stop every read.
 */
export class SharedCostBudget implements CostBudget {
  private readonly windowMs: number;

  constructor(
    private readonly store: StateStore,
    perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.windowMs = Math.max(1_000, Math.round((burst / perSecond) * 1000));
  }

  async charge(key: string, cost: number): Promise<number | null> {
    const now = this.now();
    const window = Math.floor(now / this.windowMs);
    // key names are free text: hashed, so none can reach into another key's counter
    const name = `cost:${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${window}`;
    try {
      const spent = await this.store.incr(name, this.windowMs + 1_000, cost);
      if (spent <= this.burst) return null;
      await this.store.incr(name, this.windowMs + 1_000, -cost);
    } catch {
      return null;
    }
    return Math.max(1, Math.ceil(((window + 1) * this.windowMs - now) / 1000));
  }
}

/** The budget the config asks for: none when `costPerSecond` is 0; shared when the store is Redis. */
export function costBudget(limits: QueryLimits, store: StateStore | undefined): CostBudget | null {
  if (limits.costPerSecond === 0) return null;
  const burst = burstOf(limits);
  return store?.kind === 'redis' ? new SharedCostBudget(store, limits.costPerSecond, burst) : new MemoryCostBudget(limits.costPerSecond, burst);
}
