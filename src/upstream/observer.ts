import type { RequestScope } from '../observability/request-scope';
import type { UpstreamTarget } from './errors';

/** How one attempt ended, as logs and metrics count it. */
export type UpstreamOutcome = 'success' | 'client_error' | 'rate_limited' | 'server_error' | 'transport_error' | 'circuit_open';

export interface UpstreamCall {
  readonly target: UpstreamTarget;
  readonly method: string;
  /** Without the query string (it carries signatures). */
  readonly path: string;
  readonly operation?: string;
  /** null when no response came (transport failure, open circuit). */
  readonly status: number | null;
  readonly ms: number;
  /** 1 for the first attempt of a call, 2… for retries. */
  readonly attempt?: number;
  readonly outcome?: UpstreamOutcome;
}

/** Observes every upstream attempt (logging, metrics, tests), with the request it was made for (absent outside HTTP requests). */
export type UpstreamObserver = (call: UpstreamCall, scope?: RequestScope) => void;

export function outcomeOf(status: number | null): UpstreamOutcome {
  if (status === null) return 'transport_error';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return status >= 400 ? 'client_error' : 'success';
}
