import { errors as undiciErrors } from 'undici';

/** When and how often an idempotent upstream call is tried again (DESIGN §7). */
export interface RetryPolicy {
  /** Attempts in all, the first included; 1 = never retried. */
  readonly maxAttempts: number;
  /** Backoff cap before jitter for the first retry; doubles each retry up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No retry starts once this much time has passed since the first attempt (waits included). */
  readonly budgetMs: number;
  /** A longer Retry-After is not waited for: the caller gets RATE_LIMITED with the provider's hint. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2_000, budgetMs: 10_000, maxRetryAfterMs: 2_000 };
export const NO_RETRY: RetryPolicy = { ...DEFAULT_RETRY, maxAttempts: 1 };

/** Statuses a provider answers when trying again later may work (rate limit, gateway, overload). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^(retry−1))). `retry` counts from 1. */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: number = Date.now()): number | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = /^[A-Za-z]{3}/.test(value) ? Date.parse(value) : Number.NaN; // HTTP dates start with a day name
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The longest Retry-After relayed to clients: a provider's hint beyond a day is not a hint. */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

/**
 * Retry-After as whole seconds a client may be told: a non-negative integer (a past date is 0, a
 * far one capped at a day), or null when the header is absent or unreadable (`-5`, `soon`).
 */
export function retryAfterSeconds(header: string | string[] | undefined, now: number = Date.now()): number | null {
  const ms = retryAfterMs(header, now);
  return ms === null ? null : clampRetryAfterSeconds(ms / 1000);
}

/** A seconds value made fit to relay: rounded up and capped at a day; null when negative or not a number (garbage, not a hint). */
export function clampRetryAfterSeconds(seconds: number): number | null {
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.ceil(seconds));
}

/** Transport failures where the request may not have been processed, or a read can simply be asked again. */
export function retryableTransport(error: unknown): boolean {
  if (
    error instanceof undiciErrors.ConnectTimeoutError ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.SocketError
  ) {
    return true;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'EAI_AGAIN' || code === 'UND_ERR_SOCKET';
}

export interface RetryDecisionInput {
  /** The attempt that just failed, counting from 1. */
  readonly attempt: number;
  /** Since the first attempt started. */
  readonly elapsedMs: number;
  /** The provider's Retry-After, when it sent one. */
  readonly retryAfterMs: number | null;
}

/** How long to wait before the next attempt, or null to give up (attempts, budget or Retry-After exhausted). */
export function nextRetryDelay(input: RetryDecisionInput, policy: RetryPolicy, random: () => number): number | null {
  if (input.attempt >= policy.maxAttempts) return null;
  if (input.retryAfterMs !== null && input.retryAfterMs > policy.maxRetryAfterMs) return null;
  const delay = input.retryAfterMs ?? backoffMs(input.attempt, policy, random);
  return input.elapsedMs + delay >= policy.budgetMs ? null : delay;
}
