import type { PerKeyLimits } from '../config/schema';
import type { Principal } from '../domain/principal';
import { overShare } from '../domain/shares';
import type { VidmeshError } from '../errors';

/**
 * Things one key holds at once (requests, uploads), counted in this replica's memory: a key at its
 * share is refused, the other keys are not. Slots are released by the function `acquire` answers.
 */
export class KeyedSlots {
  private readonly held = new Map<string, number>();

  constructor(
    private readonly limit: 'maxConcurrentRequests' | 'maxUploads',
    private readonly max: number,
    private readonly what: string,
  ) {}

  /** A release function, or RATE_LIMITED when the key holds its share already. The open gateway's caller (no key) is not counted. */
  acquire(principal: Principal): (() => void) | VidmeshError {
    const key = principal.name;
    if (key === null) return () => undefined;
    const count = this.held.get(key) ?? 0;
    if (count >= this.max) return overShare(this.limit, this.max, this.what, 1);
    this.held.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(key) ?? 1) - 1;
      if (left > 0) this.held.set(key, left);
      else this.held.delete(key);
    };
  }
}

/** One gateway's shares at its front: GraphQL requests and uploads in flight per key (tickets: uploads/ticket-shares.ts). */
export interface FairShares {
  readonly requests: KeyedSlots;
  readonly uploads: KeyedSlots;
}

export function fairShares(limits: PerKeyLimits): FairShares {
  return {
    requests: new KeyedSlots('maxConcurrentRequests', limits.maxConcurrentRequests, 'requests in flight'),
    uploads: new KeyedSlots('maxUploads', limits.maxUploads, 'uploads in flight'),
  };
}
