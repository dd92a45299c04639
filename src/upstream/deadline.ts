/** Who cut an attempt short on our side: the caller gave up, the gateway shut down, or the deadline passed. */
export type CutCause = 'caller' | 'shutdown' | 'deadline';

/** The reason an attempt's signal carries when its deadline passes. */
export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`deadline of ${ms} ms exceeded`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * One attempt's abort signal: the caller's, the gateway's shutdown and the attempt's own deadline,
 * whose clock starts when the attempt is issued — time spent waiting for a free socket counts.
 * Remembers which one fired first, so a failure can be told apart from a cut of our own.
 * Listeners are removed on `dispose` (the shutdown signal is shared by every call of the account).
 */
export class AttemptSignal {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly unlisten: (() => void)[] = [];
  private firstCause: CutCause | null = null;

  constructor(
    readonly deadlineMs: number,
    caller?: AbortSignal,
    shutdown?: AbortSignal,
  ) {
    this.timer = setTimeout(() => this.cut('deadline', new DeadlineExceeded(deadlineMs)), deadlineMs);
    this.follow(caller, 'caller');
    this.follow(shutdown, 'shutdown');
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** What cut the attempt, or null while nothing has. */
  get cause(): CutCause | null {
    return this.firstCause;
  }

  /** A promise that rejects with the abort reason once the signal fires (never resolves). */
  rejection(): Promise<never> {
    return new Promise<never>((_resolve, reject) => {
      // the reason is the Error the deadline or the caller aborted with (AbortSignal.timeout: a DOMException)
      const fail = () => reject(this.signal.reason instanceof Error ? this.signal.reason : new Error(String(this.signal.reason)));
      if (this.signal.aborted) fail();
      else this.signal.addEventListener('abort', fail, { once: true });
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const off of this.unlisten) off();
    this.unlisten.length = 0;
  }

  private follow(source: AbortSignal | undefined, cause: CutCause): void {
    if (!source) return;
    if (source.aborted) return this.cut(cause, source.reason);
    const onAbort = () => this.cut(cause, source.reason);
    source.addEventListener('abort', onAbort, { once: true });
    this.unlisten.push(() => source.removeEventListener('abort', onAbort));
  }

  private cut(cause: CutCause, reason: unknown): void {
    if (this.firstCause !== null) return;
    this.firstCause = cause;
    this.controller.abort(reason);
  }
}
