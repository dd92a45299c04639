/** The emulators' notion of now: the system clock, or fixed (to replay recorded requests), and advanceable. */
export class EmulatorClock {
  private fixed: number | null;
  private offset = 0;

  constructor(fixedAt?: Date | string | null) {
    this.fixed = fixedAt == null ? null : new Date(fixedAt).getTime();
  }

  now(): Date {
    return new Date((this.fixed ?? Date.now()) + this.offset);
  }

  /** Freezes the clock at `at`, or lets it follow the system clock again with `null`. */
  set(at: Date | string | null): void {
    this.fixed = at == null ? null : new Date(at).getTime();
    this.offset = 0;
  }

  /** Moves time forward, for tests of encodings progressing. */
  advance(ms: number): void {
    this.offset += ms;
  }
}
