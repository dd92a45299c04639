/** closed: calls flow. open: calls fail at once. half-open: one probe call decides. */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface BreakerPolicy {
  /** Consecutive failed calls that open the circuit. */
  readonly failureThreshold: number;
  /** How long it stays open before one probe call is let through. */
  readonly openMs: number;
}

export const DEFAULT_BREAKER: BreakerPolicy = { failureThreshold: 5, openMs: 10_000 };

/** What `acquire` grants: a call (maybe the probe), or a refusal with the time until the next probe. */
export type Permit = { readonly ok: true; readonly probe: boolean } | { readonly ok: false; readonly retryInMs: number };

/**
 * One account's circuit breaker, shared by every origin of the account. A tiny state machine rather
 * than opossum: our calls already have timeouts, and the retry loop needs a per-attempt permit.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;

  constructor(
    readonly policy: BreakerPolicy = DEFAULT_BREAKER,
    private readonly now: () => number = Date.now,
    private readonly onChange?: (state: CircuitState) => void,
  ) {}

  /** The state a caller would meet now: an open circuit whose time is up shows as half-open. */
  get state(): CircuitState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.policy.openMs) return 'half-open';
    return this.current;
  }

  acquire(): Permit {
    if (this.current === 'closed') return { ok: true, probe: false };
    const waited = this.now() - this.openedAt;
    if (this.probing || waited < this.policy.openMs) return { ok: false, retryInMs: Math.max(0, this.policy.openMs - waited) };
    this.probing = true;
    this.set('half-open');
    return { ok: true, probe: true };
  }

  succeeded(permit: Permit): void {
    if (!permit.ok) return;
    if (permit.probe) this.probing = false;
    if (permit.probe || this.current === 'closed') {
      this.failures = 0;
      this.set('closed');
    }
  }

  failed(permit: Permit): void {
    if (!permit.ok) return;
    if (permit.probe) {
      this.probing = false;
      this.open();
      return;
    }
    if (this.current !== 'closed') return; // a call begun before the circuit opened says nothing new
    this.failures += 1;
    if (this.failures >= this.policy.failureThreshold) this.open();
  }

  /** The call ended without saying anything about the provider (e.g. the caller aborted it). */
  released(permit: Permit): void {
    if (permit.ok && permit.probe) {
      this.probing = false;
      this.set('open'); // openedAt kept: the next call probes at once
    }
  }

  /**
   * Another replica's circuit for this account opened (shared state, src/state/breaker-sync.ts): open
   * here too, the probe due in `remainingMs`. An opening of our own that ends later is kept.
   */
  adoptOpening(remainingMs: number): void {
    const openedAt = this.now() - Math.max(0, this.policy.openMs - remainingMs);
    if (this.current !== 'closed' && this.openedAt >= openedAt) return;
    this.openedAt = openedAt;
    this.failures = 0;
    this.set('open');
  }

  /** Another replica's probe succeeded: the provider answers again, so calls flow here too. */
  adoptClosing(): void {
    this.failures = 0;
    this.set('closed');
  }

  private open(): void {
    this.openedAt = this.now();
    this.set('open');
  }

  private set(state: CircuitState): void {
    if (state === this.current) return;
    this.current = state;
    this.onChange?.(state);
  }
}
