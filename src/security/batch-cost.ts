import type { QueryLimits } from '../config/schema';
import type { VidmeshError } from '../errors';
import { overBudget, type CostBudget } from './cost-budget';
import { tooComplex } from './query-rules';

/**
 * The operations of one batch (a JSON array body) are one request: their costs are summed and
 * checked against `maxComplexity`, and charged to the key's budget, once every operation's cost is
 * known and before any of them executes. Each operation `arrive`s with its cost (the complexity
 * plugin, before execution) and waits there for the others; one that ends without reaching that
 * point (a parse or validation error, its own limit) `leave`s and costs nothing.
 */
export class BatchCost {
  private readonly settled: (number | null)[];
  private pending: number;
  private readonly waiting: ((total: number) => void)[] = [];
  private verdict: Promise<VidmeshError | null> | null = null;

  constructor(size: number) {
    this.settled = new Array<number | null>(size).fill(null);
    this.pending = size;
  }

  /** Operation `index` costs `cost`: answers the batch's total once every operation has arrived or left. */
  arrive(index: number, cost: number): Promise<number> {
    return new Promise<number>((resolve) => {
      this.waiting.push(resolve);
      this.settle(index, cost);
    });
  }

  /** Operation `index` is over (answered without executing, or after the verdict): it no longer holds the others. */
  leave(index: number): void {
    this.settle(index, 0);
  }

  /** The batch's one verdict: the first operation past the barrier asks `decide`, the others share its answer. */
  judge(decide: () => Promise<VidmeshError | null>): Promise<VidmeshError | null> {
    return (this.verdict ??= decide());
  }

  private settle(index: number, cost: number): void {
    if (this.settled[index] !== null) return;
    this.settled[index] = cost;
    if (--this.pending > 0) return;
    const total = this.settled.reduce<number>((sum, c) => sum + (c ?? 0), 0);
    for (const resolve of this.waiting.splice(0)) resolve(total);
  }
}

/**
 * What one operation, or a whole batch, may spend: a batch over `maxComplexity` in total is
 * QUERY_TOO_COMPLEX; over the key's budget (`key` null: the open gateway, no budget) RATE_LIMITED.
 */
export function costVerdict(limits: QueryLimits, budget: CostBudget | null) {
  return async (total: number, key: string | null, batch: boolean): Promise<VidmeshError | null> => {
    if (batch && total > limits.maxComplexity) {
      return tooComplex('maxComplexity', limits.maxComplexity, `the batch's operations cost ${total} together (a batch counts as one request)`);
    }
    if (budget === null || key === null || total === 0) return null;
    const retryAfterSeconds = await budget.charge(key, total);
    return retryAfterSeconds === null ? null : overBudget(limits, total, retryAfterSeconds);
  };
}

const SLOT = Symbol('vidmesh.batchSlot');
interface Slot {
  readonly batch: BatchCost;
  readonly index: number;
}

/** Marks a request context as operation `index` of `batch` (enumerable under a symbol: Apollo's copies of the context keep it). */
export function joinBatch(context: object, batch: BatchCost, index: number): void {
  Object.defineProperty(context, SLOT, { value: { batch, index } satisfies Slot, enumerable: true });
}

export function batchSlotOf(context: object): Slot | undefined {
  return (context as { [SLOT]?: Slot })[SLOT];
}
