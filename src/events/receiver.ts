import type { VidmeshConfig } from '../config';
import type { ProviderDatasource } from '../domain/datasource';
import type { Logger } from '../observability/logger';
import type { RequestScope } from '../observability/request-scope';
import type { AccountDirectory } from '../domain/account-directory';
import { NotificationSecrets } from './receiver-secrets';
import { BoundedMap, MalformedNotification, type InboundContext, type NotificationParsers } from './receiver-types';
import type { EventBus } from './types';

/** How a delivery was answered: 200 accepted (events follow), 400 malformed, 404 unknown account or wrong secret. */
export type Acceptance = { readonly status: 200 } | { readonly status: 400 | 404; readonly reason: string };

export interface ReceiverOptions {
  readonly config: Pick<VidmeshConfig, 'accounts' | 'tokens' | 'server'>;
  readonly registry: AccountDirectory;
  readonly events: EventBus;
  /** Each provider's delivery format; providers absent here have no notifications (Dailymotion: polling). */
  readonly parsers: NotificationParsers;
  /** Told when an account's provider was pointed at the receiver: its subscribers need no polling from then on. */
  readonly onConfigured?: (accountId: string) => void;
  readonly logger: Logger;
  /** The gateway's own origin, once it listens (used when `server.publicUrl` is absent). */
  readonly origin: () => string;
  readonly now?: () => number;
}

/** The receivers of each registry (one per gateway), for `configureNotifications`, which reaches only the context. */
const receivers = new WeakMap<AccountDirectory, NotificationReceiver>();

export function receiverOf(registry: AccountDirectory): NotificationReceiver | undefined {
  return receivers.get(registry);
}

/**
 * Provider notifications in: authenticated by the secret in the URL, parsed before the answer,
 * turned into events after it (some need the provider), published on the bus one account at a time
 * in arrival order. Event ids are stable per delivery, and the bus drops repeats, so a retried
 * delivery publishes once.
 */
export class NotificationReceiver {
  readonly secrets: NotificationSecrets;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly encodings = new Map<string, BoundedMap<string, string>>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly confirmedHooks = new BoundedMap<string, true>(1_000);
  /** The webhook this process created per account, removed when it is replaced. */
  readonly webhooks = new Map<string, string>();
  private readonly now: () => number;

  constructor(private readonly o: ReceiverOptions) {
    this.secrets = new NotificationSecrets(o.config);
    this.now = o.now ?? Date.now;
    receivers.set(o.registry, this);
  }

  /** An account now posts here (configureNotifications succeeded). */
  configured(accountId: string): void {
    this.o.onConfigured?.(accountId);
  }

  /** What providers are told to post to (the secret included: never log it). */
  urlFor(accountId: string): string {
    return `${this.publicBase()}/notifications/${encodeURIComponent(accountId)}/${this.secrets.secretFor(accountId)}`;
  }

  /**
   * `server.publicUrl`, without trailing slash: safe to show. Absent, the listening origin, with a
   * wildcard bind's `localhost` made `127.0.0.1` (what an IPv4 wildcard answers on, whatever
   * `localhost` resolves to): only providers on this host (the emulators) reach it then.
   */
  publicBase(): string {
    const base = this.o.config.server.publicUrl ?? this.o.origin().replace(/^http:\/\/localhost(?=[:/]|$)/, 'http://127.0.0.1');
    return base.replace(/\/+$/, '');
  }

  /** The account a URL's secret opens; null for unknown accounts, wrong secrets and providers without notifications. */
  authenticate(accountId: string, secret: string): ProviderDatasource | null {
    const source = this.o.registry.byId.get(accountId);
    const valid = this.secrets.verify(accountId, secret);
    return source !== undefined && valid && this.o.parsers[source.provider] !== undefined ? source : null;
  }

  /** A forged or misdirected call: logged without its secret. */
  refused(accountId: string): Acceptance {
    this.o.logger.warn({ account: accountId.slice(0, 64), reason: 'unknown account or wrong secret' }, 'notification refused');
    return { status: 404, reason: 'not found' };
  }

  /** Checks and parses one delivery; when accepted, its events are published after the caller answered. */
  accept(accountId: string, secret: string, body: Buffer, contentType: string | undefined, scope?: RequestScope): Acceptance {
    const account = this.authenticate(accountId, secret);
    if (account === null) return this.refused(accountId);
    // the delivery's own view: what its events read is told to the upstream log under the delivery's request id
    const source = scope !== undefined && account.forRequest ? account.forRequest(scope) : account;
    let inbound;
    try {
      inbound = this.o.parsers[source.provider]!(body, contentType);
    } catch (error) {
      if (!(error instanceof MalformedNotification)) throw error;
      this.o.logger.warn({ account: source.accountId, provider: source.provider, reason: error.message }, 'notification refused: malformed');
      return { status: 400, reason: 'malformed notification' };
    }
    const ctx = this.context(source);
    const previous = this.chains.get(source.accountId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const events = await inbound.events(ctx);
        for (const event of events) await this.o.events.publish(event);
        this.o.logger.debug({ account: source.accountId, event: inbound.name, published: events.length }, 'notification received');
      })
      .catch((error: unknown) => {
        // the provider was answered already: the delivery is lost for subscribers, and says so here
        this.o.logger.warn({ account: source.accountId, provider: source.provider, event: inbound.name, error: (error as Error).message }, 'notification not published');
      });
    this.chains.set(source.accountId, next);
    void next.then(() => {
      if (this.chains.get(source.accountId) === next) this.chains.delete(source.accountId);
    });
    return { status: 200 };
  }

  /** Resolves when every accepted delivery so far has been published (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  /** Whether the webhook was confirmed (here) within `timeoutMs`. */
  awaitConfirmation(webhookId: string, timeoutMs: number): Promise<boolean> {
    if (this.confirmedHooks.has(webhookId)) return Promise.resolve(true);
    return new Promise((resolve) => {
      let set = this.waiters.get(webhookId);
      if (!set) this.waiters.set(webhookId, (set = new Set()));
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        set.delete(wake);
        if (set.size === 0) this.waiters.delete(webhookId);
        resolve(false);
      }, timeoutMs);
      set.add(wake);
    });
  }

  private context(source: ProviderDatasource): InboundContext {
    let cache = this.encodings.get(source.accountId);
    if (!cache) this.encodings.set(source.accountId, (cache = new BoundedMap(10_000)));
    return {
      source,
      now: this.now,
      videoOfEncoding: cache,
      confirmed: (webhookId) => {
        this.confirmedHooks.set(webhookId, true);
        for (const wake of this.waiters.get(webhookId) ?? []) wake();
        this.waiters.delete(webhookId);
      },
    };
  }
}
