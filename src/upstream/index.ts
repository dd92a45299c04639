export {
  DEFAULT_TIMEOUTS,
  outcomeOf,
  UpstreamClient,
  type HttpTimeouts,
  type UpstreamCall,
  type UpstreamObserver,
  type UpstreamOutcome,
  type UpstreamPolicy,
  type UpstreamRequest,
  type UpstreamResponse,
} from './client';
export { CircuitBreaker, DEFAULT_BREAKER, type BreakerPolicy, type CircuitState, type Permit } from './breaker';
export { codeForStatus, providerError, transportError, type UpstreamTarget } from './errors';
export { backoffMs, DEFAULT_RETRY, NO_RETRY, nextRetryDelay, retryAfterMs, retryableTransport, RETRYABLE_STATUSES, type RetryPolicy } from './retry';
