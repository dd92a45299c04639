import type { EventBus } from '../events/types';
import type { Logger } from '../observability/logger';
import type { ClientAuthTokenEntropy } from '../providers/ziggeo';

/** Injections for tests: the gateway's clock (download expiry, client auth tokens) and token randomness. */
export interface GatewayOptions {
  readonly now?: () => number;
  readonly clientTokenEntropy?: () => ClientAuthTokenEntropy;
  /** Request and upstream-call log lines; silent when absent (`npm start` passes a real one). */
  readonly logger?: Logger;
  /** Where provider notifications are published (and subscriptions read); a new in-process MemoryEventBus when absent. */
  readonly events?: EventBus;
}
