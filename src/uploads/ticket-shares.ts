import type { Principal } from '../domain/principal';
import { overShare } from '../domain/shares';

/**
 * The direct-upload tickets each API key has open, by id until their expiry (`server.perKey.maxOpenTickets`):
 * a key at its share gets no more until one completes or expires, the other keys are not affected.
 * Per replica: a ticket completed on another replica is counted here until it expires.
 */
export class TicketShares {
  private readonly open = new Map<string, Map<string, number>>();
  private pending = 0;

  constructor(
    readonly max: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Holds a place for a ticket about to be opened, so concurrent requests of one key cannot overshoot;
   * throws RATE_LIMITED when the key has its share open — before the provider opens anything. `keep`
   * names the opened ticket, `drop` frees the place. The open gateway's caller (no key) is not counted.
   */
  reserve(principal: Principal): { keep(id: string, expiresAt: Date): void; drop(): void } {
    const key = principal.name;
    if (key === null) return { keep: () => undefined, drop: () => undefined };
    const tickets = this.live(key);
    if (tickets.size >= this.max) {
      const soonest = Math.min(...tickets.values());
      throw overShare('maxOpenTickets', this.max, 'upload tickets open', Math.max(1, Math.ceil((soonest - this.now()) / 1000)));
    }
    const place = `\u0000pending:${++this.pending}`;
    // a place whose opening never ends (it always does: upstream calls have deadlines) is freed within the minute anyway
    tickets.set(place, this.now() + 60_000);
    this.open.set(key, tickets);
    return {
      keep: (id, expiresAt) => {
        const live = this.live(key);
        live.delete(place);
        live.set(id, expiresAt.getTime());
        this.open.set(key, live);
      },
      drop: () => this.remove(place),
    };
  }

  /** The ticket completed: its key may open another. */
  remove(id: string): void {
    for (const [key, tickets] of this.open) {
      if (!tickets.delete(id)) continue;
      if (tickets.size === 0) this.open.delete(key);
      return;
    }
  }

  private live(key: string): Map<string, number> {
    const tickets = this.open.get(key) ?? new Map<string, number>();
    const now = this.now();
    for (const [id, expiresAt] of tickets) if (expiresAt <= now) tickets.delete(id);
    if (tickets.size === 0) this.open.delete(key);
    return tickets;
  }
}

// keyed by the gateway's account registry (as service.ts keys its uploads), so resolvers reach their gateway's shares
const byRegistry = new WeakMap<object, TicketShares>();

/** Sets the ticket share of the gateway that owns `registry` (called once at start). */
export function configureTicketShares(registry: object, maxOpenTickets: number): TicketShares {
  const shares = new TicketShares(maxOpenTickets);
  byRegistry.set(registry, shares);
  return shares;
}

/** The ticket shares of the gateway that owns `registry`; the gateway's own bound when it set none. */
export function ticketSharesOf(registry: object): TicketShares {
  return byRegistry.get(registry) ?? configureTicketShares(registry, 10_000);
}
