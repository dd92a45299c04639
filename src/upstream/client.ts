import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { Pool, type Dispatcher } from 'undici';
import type { CircuitBreaker, Permit } from './breaker';
import { followingClient } from './client-abort';
import { providerError, transportError, type UpstreamTarget } from './errors';
import { NO_RETRY, RETRYABLE_STATUSES, nextRetryDelay, retryAfterMs, retryableTransport, type RetryPolicy } from './retry';

export interface HttpTimeouts {
  /** TCP (and TLS) connect. */
  readonly connectMs: number;
  /** From request sent to response headers. */
  readonly headersMs: number;
  /** Idle time between body chunks. */
  readonly bodyMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 5_000, headersMs: 30_000, bodyMs: 30_000 };

/**
 * How one account's calls are made: timeouts, the retry policy for idempotent calls (absent: one
 * attempt) and the account's circuit breaker (absent: none), shared by all its origins.
 */
export interface UpstreamPolicy extends HttpTimeouts {
  readonly retry?: RetryPolicy;
  readonly breaker?: CircuitBreaker;
  /** Injectable for tests: the wait between attempts and the jitter source. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Aborts every call of the account at once (shutdown past its bound). */
  readonly signal?: AbortSignal;
}

/** Bodies never read past this: a provider answer is JSON metadata, not media. */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface UpstreamRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query, e.g. `/v2/videos.json?…`. */
  readonly path: string;
  readonly headers?: Record<string, string>;
  /** A stream is piped as it comes (uploads), never buffered here — and so never retried. */
  readonly body?: string | Buffer | Readable | null;
  /** Overrides the account's header timeout, e.g. for long uploads. */
  readonly headersTimeoutMs?: number;
  readonly signal?: AbortSignal;
  /**
   * The operation may be repeated without changing anything (a read, whatever its HTTP verb):
   * only then are failed attempts retried. Writes are never retried blindly.
   */
  readonly idempotent?: boolean;
  /** The provider operation's name for logs when the path does not tell it (JSON-RPC methods). */
  readonly operation?: string;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

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

/** Observes every upstream attempt (logging, metrics, tests). */
export type UpstreamObserver = (call: UpstreamCall) => void;

export function outcomeOf(status: number | null): UpstreamOutcome {
  if (status === null) return 'transport_error';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return status >= 400 ? 'client_error' : 'success';
}

type Attempt = { readonly response: UpstreamResponse } | { readonly error: unknown };
type Refused = { readonly refused: true; readonly retryInMs: number };

/**
 * One keep-alive undici pool for one account's origin. Every call has connect, headers and body
 * timeouts; idempotent calls are retried with backoff on retryable failures; the account's circuit
 * breaker is asked before each attempt. Failures become errors that name no URL (queries carry
 * signatures); an HTTP error status is answered as is for the provider client to map.
 */
export class UpstreamClient {
  private readonly pool: Pool;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    readonly origin: string,
    readonly target: UpstreamTarget,
    private readonly policy: UpstreamPolicy = DEFAULT_TIMEOUTS,
    private readonly observer?: UpstreamObserver,
  ) {
    this.pool = new Pool(origin, {
      connections: 16,
      keepAliveTimeout: 10_000,
      connect: { timeout: policy.connectMs },
      headersTimeout: policy.headersMs,
      bodyTimeout: policy.bodyMs,
    });
    this.sleep = policy.sleep ?? ((ms) => delay(ms));
    this.random = policy.random ?? Math.random;
  }

  async request(given: UpstreamRequest): Promise<UpstreamResponse> {
    const request = followingClient(given);
    const replayable = request.body === undefined || request.body === null || typeof request.body === 'string' || Buffer.isBuffer(request.body);
    const retry = request.idempotent && replayable ? (this.policy.retry ?? NO_RETRY) : NO_RETRY;
    const started = performance.now();
    let last: Attempt | null = null;
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(request, attempt);
      if ('refused' in result) {
        // a retry the breaker refuses (it opened meanwhile) ends with the failure we already have
        if (last === null) throw this.circuitOpen(result.retryInMs);
        return this.settle(last);
      }
      last = result;
      const status = 'response' in result ? result.response.status : null;
      const retryable = 'response' in result ? RETRYABLE_STATUSES.has(result.response.status) : retryableTransport(result.error);
      const hinted = 'response' in result && (status === 429 || status === 503) ? retryAfterMs(result.response.headers['retry-after']) : null;
      const wait = retryable ? nextRetryDelay({ attempt, elapsedMs: performance.now() - started, retryAfterMs: hinted }, retry, this.random) : null;
      if (wait === null || this.aborted(request)) return this.settle(result);
      await this.pause(wait, request);
      // cut meanwhile (shutdown, or the caller gave up): end with the failure we have, no further attempt
      if (this.aborted(request)) return this.settle(result);
    }
  }

  private aborted(request: UpstreamRequest): boolean {
    return Boolean(request.signal?.aborted || this.policy.signal?.aborted);
  }

  /** The backoff wait, cut short when the request or the gateway is aborted. */
  private pause(ms: number, request: UpstreamRequest): Promise<void> {
    const signals = [request.signal, this.policy.signal].filter((s): s is AbortSignal => s !== undefined);
    if (signals.length === 0) return this.sleep(ms);
    return new Promise<void>((resolve) => {
      const done = () => {
        for (const s of signals) s.removeEventListener('abort', done);
        resolve();
      };
      for (const s of signals) s.addEventListener('abort', done, { once: true });
      void this.sleep(ms).then(done, done);
    });
  }

  private settle(result: Attempt): UpstreamResponse {
    if ('response' in result) return result.response;
    throw transportError(this.target, result.error);
  }

  private circuitOpen(retryInMs: number) {
    const seconds = Math.max(1, Math.ceil(retryInMs / 1000));
    return providerError(this.target, 'PROVIDER_UNAVAILABLE', `upstream failing, circuit open; next try in ${seconds}s`, { circuit: 'open', retryAfterSeconds: seconds });
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  /** One attempt under the breaker: an open circuit refuses it at once, without a call. */
  private async attempt(request: UpstreamRequest, attempt: number): Promise<Attempt | Refused> {
    const path = request.path.split('?')[0]!;
    const breaker = this.policy.breaker;
    const permit: Permit = breaker?.acquire() ?? { ok: true, probe: false };
    if (!permit.ok) {
      this.observer?.({ target: this.target, method: request.method, path, operation: request.operation, status: null, ms: 0, attempt, outcome: 'circuit_open' });
      return { refused: true, retryInMs: permit.retryInMs };
    }
    const started = performance.now();
    const signal = request.signal && this.policy.signal ? AbortSignal.any([request.signal, this.policy.signal]) : (request.signal ?? this.policy.signal);
    let result: Attempt;
    try {
      result = { response: await this.send(request, signal) };
    } catch (error) {
      result = { error };
    }
    const status = 'response' in result ? result.response.status : null;
    if (status === null && signal?.aborted) breaker?.released(permit);
    else if (status === null || status >= 500) breaker?.failed(permit);
    else breaker?.succeeded(permit);
    this.observer?.({ target: this.target, method: request.method, path, operation: request.operation, status, ms: performance.now() - started, attempt, outcome: outcomeOf(status) });
    return result;
  }

  private async send(request: UpstreamRequest, signal: AbortSignal | undefined): Promise<UpstreamResponse> {
    const options: Dispatcher.RequestOptions = {
      origin: this.origin,
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body ?? null,
      headersTimeout: request.headersTimeoutMs ?? this.policy.headersMs,
      bodyTimeout: this.policy.bodyMs,
      signal,
    };
    const response = await this.pool.request(options);
    const body = await readLimited(response.body, MAX_RESPONSE_BYTES);
    if (body === null) throw providerError(this.target, 'PROVIDER_UNAVAILABLE', 'upstream response too large');
    return { status: response.statusCode, headers: response.headers, body };
  }
}

async function readLimited(body: Dispatcher.ResponseData['body'], limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}
