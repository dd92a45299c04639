export {
  CLEANUP_RETRY,
  DEFAULT_TIMEOUTS,
  DEFAULT_UPLOAD_DEADLINE_MS,
  UpstreamClient,
  type HttpTimeouts,
  type LeftoverCall,
  type UpstreamPolicy,
  type UpstreamRequest,
  type UpstreamResponse,
} from './client';
export { outcomeOf, type UpstreamCall, type UpstreamObserver, type UpstreamOutcome } from './observer';
export { CircuitBreaker, DEFAULT_BREAKER, type BreakerPolicy, type CircuitState, type Permit } from './breaker';
export { attemptError, codeForStatus, providerError, SOURCE_FAILED_MESSAGE, transportError, type UpstreamTarget } from './errors';
export { AttemptSignal, DeadlineExceeded, type CutCause } from './deadline';
export {
  backoffMs,
  clampRetryAfterSeconds,
  DEFAULT_RETRY,
  MAX_RETRY_AFTER_SECONDS,
  NO_RETRY,
  nextRetryDelay,
  retryAfterMs,
  retryAfterSeconds,
  retryableTransport,
  RETRYABLE_STATUSES,
  type RetryPolicy,
} from './retry';
