import { randomUUID } from 'node:crypto';
import type { CircuitBreaker, CircuitState } from '../upstream/breaker';
import type { StateStore, Unsubscribe } from './store';

/** The channel every replica hears circuit news on, and the key an opening lives under until it ends. */
const CHANNEL = 'breaker';
const keyOf = (account: string): string => `breaker:${account}`;

/** What replicas tell each other: an account's circuit opened until `until` (epoch ms), or closed. */
interface CircuitNews {
  readonly account: string;
  readonly state: 'open' | 'closed';
  readonly until?: number;
  /** The replica that says it: it does not listen to itself. */
  readonly by: string;
}

export interface BreakerSyncOptions {
  /** Wall clock, epoch ms (the `until` replicas exchange). */
  readonly now?: () => number;
  /** How often a failed subscription is tried again (Redis down at start). */
  readonly resubscribeMs?: number;
  readonly logger?: { debug(fields: object, message: string): void };
}

/**
 * Shares each account's circuit across replicas through the state store. An opening here is
 * published and kept under a key with the open-until as TTL, so the other replicas stop calling
 * that account at once and a replica that starts meanwhile starts open; a probe that succeeds
 * anywhere closes it everywhere. Each replica still probes on its own once the time is up. In
 * memory mode (one process) it does nothing; when Redis is unreachable each replica's breakers go
 * on alone and nothing surfaces: shared circuits are an optimisation, never a dependency.
 */
export class BreakerSync {
  private readonly replica = randomUUID();
  private readonly now: () => number;
  private adopting = false;
  private unsubscribe: Unsubscribe | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  // news leaves in the order it happened (an opening's SET before the closing's DEL)
  private outbox: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: StateStore,
    private readonly breakers: ReadonlyMap<string, CircuitBreaker>,
    private readonly options: BreakerSyncOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  private get shared(): boolean {
    return this.store.kind !== 'memory' && !this.stopped;
  }

  /** True while a change heard from another replica is being applied (logs say where a change came from). */
  get applyingRemote(): boolean {
    return this.adopting;
  }

  /** Listens for the others' news and adopts the openings already stored. Never throws; bounded by the store's command timeout. */
  async start(): Promise<void> {
    if (!this.shared) return;
    await Promise.all([this.listen(), this.catchUp()]);
  }

  /** This replica's breaker for `account` changed (the registry's onCircuitChange): tell the others. */
  changed(account: string, state: CircuitState): void {
    if (this.adopting || !this.shared || state === 'half-open') return;
    const breaker = this.breakers.get(account);
    if (!breaker) return;
    if (state === 'open') {
      const openMs = breaker.policy.openMs;
      const news: CircuitNews = { account, state, until: this.now() + openMs, by: this.replica };
      this.send(async () => {
        await this.store.set(keyOf(account), JSON.stringify(news), openMs);
        await this.store.publish(CHANNEL, JSON.stringify(news));
      });
    } else {
      const news: CircuitNews = { account, state, by: this.replica };
      this.send(async () => {
        await this.store.delete(keyOf(account));
        await this.store.publish(CHANNEL, JSON.stringify(news));
      });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await Promise.all([unsubscribe?.().catch(() => undefined), this.outbox]);
  }

  private send(work: () => Promise<void>): void {
    this.outbox = this.outbox.then(work).catch((error: unknown) => this.quiet(error, 'circuit news not shared'));
  }

  private async listen(): Promise<void> {
    try {
      const unsubscribe = await this.store.subscribe(CHANNEL, (message) => this.heard(message));
      if (this.stopped) return void unsubscribe().catch(() => undefined);
      this.unsubscribe = unsubscribe;
    } catch (error) {
      this.quiet(error, 'circuit news not heard yet; trying again');
      if (this.stopped) return;
      // Redis down at start: keep trying, then catch up on what was stored meanwhile
      this.retry = setTimeout(() => void this.listen().then(() => this.unsubscribe && this.catchUp()), this.options.resubscribeMs ?? 2_000);
      this.retry.unref();
    }
  }

  private async catchUp(): Promise<void> {
    await Promise.all(
      [...this.breakers.keys()].map(async (account) => {
        try {
          const stored = await this.store.get(keyOf(account));
          if (stored !== undefined) this.adopt(parse(stored));
        } catch (error) {
          this.quiet(error, 'stored circuit state not read');
        }
      }),
    );
  }

  private heard(message: string): void {
    const news = parse(message);
    if (news && news.by !== this.replica) this.adopt(news);
  }

  private adopt(news: CircuitNews | undefined): void {
    const breaker = news && this.breakers.get(news.account);
    if (!news || !breaker || this.stopped) return;
    this.adopting = true;
    try {
      if (news.state === 'closed') {
        if (breaker.state !== 'closed') breaker.adoptClosing();
      } else if (news.until !== undefined) {
        // clocks of two hosts differ a little: never longer than one opening of our own
        const remaining = Math.min(news.until - this.now(), breaker.policy.openMs);
        if (remaining > 0) breaker.adoptOpening(remaining);
      }
    } finally {
      this.adopting = false;
    }
  }

  private quiet(error: unknown, message: string): void {
    this.options.logger?.debug({ err: { name: (error as Error)?.name, message: (error as Error)?.message } }, message);
  }
}

function parse(text: string): CircuitNews | undefined {
  try {
    const value = JSON.parse(text) as Partial<CircuitNews>;
    if (typeof value.account !== 'string' || typeof value.by !== 'string') return undefined;
    if (value.state === 'closed') return { account: value.account, state: 'closed', by: value.by };
    if (value.state === 'open' && typeof value.until === 'number') return { account: value.account, state: 'open', until: value.until, by: value.by };
  } catch {
    // not ours (another tool on the same prefix): ignored
  }
  return undefined;
}
