import { setMaxListeners } from 'node:events';
import type { AccountConfig, UpstreamConfig } from '../config';
import {
  CircuitBreaker,
  DEFAULT_BREAKER,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUTS,
  UpstreamClient,
  type CircuitState,
  type LeftoverCall,
  type UpstreamObserver,
  type UpstreamPolicy,
} from '../upstream';
import type { ProviderDatasource } from '../domain/datasource';
import type { AccountDirectory } from '../domain/account-directory';
import { providerNamed } from '.';

export interface RegistryOptions {
  readonly observer?: UpstreamObserver;
  /** The config's `upstream` section; defaults when absent. */
  readonly upstream?: UpstreamConfig;
  /** Told when an account's circuit changes state (metrics). */
  readonly onCircuitChange?: (account: AccountConfig, state: CircuitState) => void;
  /** Injectable for tests: backoff waits, jitter, and the breaker's clock. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  /** Aborts every upstream call in flight (shutdown past its bound). */
  readonly signal?: AbortSignal;
  /** Told of an account's cleanup call that failed for good (an upload session left at the provider). */
  readonly onLeftover?: (account: AccountConfig, call: LeftoverCall) => void;
}

/** An account's own `timeoutMs` wins over the `upstream.timeouts` defaults. */
function timeoutsOf(account: AccountConfig, upstream: UpstreamConfig | undefined) {
  const ms = account.timeoutMs;
  if (ms !== undefined) return { connectMs: Math.min(ms, 10_000), headersMs: ms, bodyMs: ms };
  return upstream?.timeouts ?? DEFAULT_TIMEOUTS;
}

/** Timeouts, retries and a circuit breaker of its own for one account (DESIGN §7). */
export function policyOf(account: AccountConfig, options: RegistryOptions = {}): UpstreamPolicy {
  return {
    ...timeoutsOf(account, options.upstream),
    retry: options.upstream?.retry ?? DEFAULT_RETRY,
    breaker: new CircuitBreaker(options.upstream?.breaker ?? DEFAULT_BREAKER, options.now, (state) => options.onCircuitChange?.(account, state)),
    sleep: options.sleep,
    random: options.random,
    signal: options.signal,
    onLeftover: options.onLeftover && ((call) => options.onLeftover?.(account, call)),
  };
}

/** Builds one datasource per configured account, through its provider's descriptor (src/providers/index.ts). */
export function createDatasource(account: AccountConfig, options: RegistryOptions = {}, policy: UpstreamPolicy = policyOf(account, options)): ProviderDatasource {
  return providerNamed(account.provider).createDatasource(account, policy, options.observer);
}

/** Every configured account's datasource, by account id, and each account's circuit breaker. */
export class AccountRegistry implements AccountDirectory {
  readonly byId = new Map<string, ProviderDatasource>();
  readonly breakers = new Map<string, CircuitBreaker>();

  private readonly aborter = new AbortController();
  /** Cleanups are cut last, at close: by then cut uploads had their time to settle. */
  private readonly cleanupAborter = new AbortController();
  private readonly policies = new Map<string, { account: AccountConfig; policy: UpstreamPolicy }>();
  private readonly observer: UpstreamObserver | undefined;

  constructor(accounts: readonly AccountConfig[], options: RegistryOptions = {}) {
    const signal = options.signal ? AbortSignal.any([options.signal, this.aborter.signal]) : this.aborter.signal;
    setMaxListeners(0, signal, this.cleanupAborter.signal); // one listener per upstream call in flight, by design
    this.observer = options.observer;
    for (const account of accounts) {
      const policy = { ...policyOf(account, { ...options, signal }), cleanupSignal: this.cleanupAborter.signal };
      if (policy.breaker) this.breakers.set(account.id, policy.breaker);
      this.policies.set(account.id, { account, policy });
      this.byId.set(account.id, createDatasource(account, options, policy));
    }
  }

  all(): ProviderDatasource[] {
    return [...this.byId.values()];
  }

  /** Each account's circuit as a caller would meet it now (readiness, metrics). */
  circuits(): { account: string; provider: string; circuit: CircuitState }[] {
    return this.all().map((ds) => ({ account: ds.accountId, provider: ds.provider, circuit: this.breakers.get(ds.accountId)?.state ?? 'closed' }));
  }

  /**
   * Sends a queued cleanup call again (src/state/leftovers.ts), with the account's timeouts and
   * breaker (a success closes a half-open circuit), once, not reported as a leftover again.
   * Answers the status; undefined when the account is no longer configured.
   */
  async resendCleanup(accountId: string, call: LeftoverCall): Promise<number | undefined> {
    const found = this.policies.get(accountId);
    if (found === undefined) return undefined;
    const client = new UpstreamClient(call.origin, { account: accountId, provider: found.account.provider }, { ...found.policy, onLeftover: undefined }, this.observer);
    try {
      return (await client.request({ method: call.method, path: call.path, upload: true, cleanup: true })).status;
    } finally {
      await client.close();
    }
  }

  /**
   * Closes every pool; with `abortInFlight`, upstream calls still running are aborted first. Cleanups
   * still waiting for their provider are cut either way, and queued (`onLeftover`) for a later sweep.
   */
  async close(abortInFlight = false): Promise<void> {
    if (abortInFlight) this.aborter.abort();
    this.cleanupAborter.abort();
    await Promise.all(this.all().map((ds) => ds.close()));
  }
}
