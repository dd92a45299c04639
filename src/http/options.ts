import type { GatewayHooks } from '../graph/common/hooks';
import type { EventBus } from '../events/types';
import type { Logger } from '../observability/logger';
import type { IdempotencyOptions } from '../state/idempotency';

/** Injections for tests: the gateway's clock (download expiry, client auth tokens) and token randomness. */
export interface GatewayOptions {
  readonly now?: () => number;
  /** Tests only: fixed randomness for Ziggeo client auth tokens (the provider's own entropy type). */
  readonly clientTokenEntropy?: GatewayHooks['clientTokenEntropy'];
  /** Request and upstream-call log lines; silent when absent (`npm start` passes a real one). */
  readonly logger?: Logger;
  /** Where provider notifications are published (and subscriptions read); a new in-process MemoryEventBus when absent. */
  readonly events?: EventBus;
  /** Idempotency-Key timings (tests: a short wait for a running first use). */
  readonly idempotency?: IdempotencyOptions;
  /** How often queued provider cleanups are sent again (default 30 s; tests: shorter). */
  readonly leftoverIntervalMs?: number;
}
