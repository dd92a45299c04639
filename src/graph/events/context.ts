import { RequestContext, type Principal } from '../../context';
import type { ProviderDatasource } from '../../domain/datasource';
import type { VidmeshError } from '../../errors';
import type { BurstLoaders } from './burst';
import type { LiveEvents } from './live';
import type { EventPayload } from './subscriber';
import type { AccountRegistry } from '../../providers/accounts';
import type { AccountLoaders } from '../common/loaders';

/** What the transport (graphql-ws, graphql-sse) does when a subscriber cannot keep up. */
export interface SubscriptionTransport {
  /** Disconnects the consumer once the failure went out, with a close reason saying why. */
  overflowed(error: VidmeshError): void;
}

/**
 * The context of one subscription operation: long-lived, so it keeps no loaders of its own past the
 * subscribe phase. Each event is executed with the loaders of its burst (shared by every subscriber),
 * switched in before graphql-js executes it: events of one subscription execute one after the other
 * (the transports pull the next only once the previous result is sent).
 */
export class SubscriptionContext extends RequestContext {
  private burst: BurstLoaders | null = null;

  constructor(
    registry: AccountRegistry,
    principal: Principal,
    readonly live: LiveEvents,
    readonly transport: SubscriptionTransport,
    /**
     * What decides this subscription's results besides the event (document, operation, variables,
     * principal, link origin: http/subscription-operation.ts audienceOf); subscriptions of one
     * audience share each event's execution. Null: executed alone.
     */
    readonly audience: string | null = null,
  ) {
    super(registry, principal);
  }

  /** The payload about to be executed: its burst's loaders answer every read of the execution. */
  use(payload: EventPayload): void {
    this.burst = payload.loaders;
  }

  get burstLoaders(): BurstLoaders | null {
    return this.burst;
  }

  override loaders(source: ProviderDatasource): AccountLoaders {
    return this.burst !== null ? this.burst.forAccount(source) : super.loaders(source);
  }
}
