/**
 * Spreads a fan-out over turns of the event loop: at most `perTurn` deliveries go out in one turn,
 * the rest wait (in order) for the next ones (setImmediate), so one event sent to 1,000 subscribers
 * does not hold the loop, and the gateway's other requests and sockets, for the whole fan-out.
 */
export class FanOutTurns {
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly perTurn: number) {}

  /** Undefined: go now; else a promise that resolves on the turn of this delivery. */
  take(): Promise<void> | undefined {
    this.schedule();
    if (this.waiting.length === 0 && this.used < this.perTurn) {
      this.used++;
      return undefined;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Deliveries waiting for a later turn (tests). */
  get queued(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    this.scheduled = false;
    const now = this.waiting.splice(0, this.perTurn);
    this.used = now.length;
    for (const go of now) go();
    // the budget of this turn is spent once the woken deliveries ran: the next turn starts afresh
    if (this.used > 0) this.schedule();
  }
}
