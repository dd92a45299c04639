import { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { RequestScope } from '../observability/request-scope';
import type { CircuitBreaker, Permit } from './breaker';
import { followingClient } from './client-abort';
import { AttemptSignal, DeadlineExceeded } from './deadline';
import { attemptError, providerError, type UpstreamTarget } from './errors';
import { outcomeOf, type UpstreamObserver } from './observer';
import { OriginPools } from './pools';
import { AttemptProgress, trackProgress, watchedBody } from './progress';
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
  /**
   * Cuts the cleanup calls (which `signal` spares) still waiting for the provider when the gateway
   * can wait no longer: each is then told to `onLeftover`, queued, and sent again by a later sweep.
   */
  readonly cleanupSignal?: AbortSignal;
  /**
   * Each attempt's whole deadline, from the moment it is issued: waiting for a free socket,
   * connecting, sending, the answer's headers and body. Default `connectMs + headersMs`.
   */
  readonly deadlineMs?: number;
  /** The same for an upload leg that carries bytes (a file, a part). Default `DEFAULT_UPLOAD_DEADLINE_MS`. */
  readonly uploadDeadlineMs?: number;
  /**
   * Told of a cleanup call that failed for good (no answer, or a 5xx/429/408 after its retry): what
   * it would leave behind at the provider, to be sent again later (src/state/leftovers.ts).
   */
  readonly onLeftover?: (call: LeftoverCall) => void;
}

/** A cleanup call to send again later: it carries its authority in its path (an unsigned session location), no headers. */
export interface LeftoverCall {
  readonly origin: string;
  readonly method: UpstreamRequest['method'];
  readonly path: string;
}

/** A cleanup answered with these did not happen and may yet: worth sending again later. */
const LEFTOVER_STATUSES = new Set([408, 429]);
const isLeftoverStatus = (status: number): boolean => status >= 500 || LEFTOVER_STATUSES.has(status);

/** Long enough for a 10 GiB file (the default upload cap) at about 0.75 MB/s; idle timeouts catch a stalled one far sooner. */
export const DEFAULT_UPLOAD_DEADLINE_MS = 4 * 3_600_000;

/** A cleanup call (deleting an upload session) is tried once more after a short backoff when the first try fails. */
export const CLEANUP_RETRY: RetryPolicy = { maxAttempts: 2, baseDelayMs: 500, maxDelayMs: 1_000, budgetMs: 30_000, maxRetryAfterMs: 2_000 };

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
  /**
   * A leg of an upload (the file or a part of it, an upload session's status or abort): sent through
   * the origin's own upload pool, so slow uploads never hold the sockets API calls wait for.
   * A streamed body always is.
   */
  readonly upload?: boolean;
  /**
   * Cleans up after a failed operation (deletes an upload session): sent even while the circuit is
   * open (a refused cleanup strands the provider's session for good) and while the gateway shuts
   * down (it is what a cut upload still owes), tried once more on a transient failure, and reported
   * to `onLeftover` when it fails for good. Its deadline is an API call's; it sends no headers a
   * later replay would need.
   */
  readonly cleanup?: boolean;
  /** Overrides each attempt's deadline. */
  readonly deadlineMs?: number;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

type Attempt = { readonly response: UpstreamResponse } | { readonly error: unknown; readonly retryable: boolean };
type Refused = { readonly refused: true; readonly retryInMs: number };

const isStream = (body: UpstreamRequest['body']): body is Readable => body instanceof Readable;

/**
 * One account's origin: a keep-alive undici pool for API calls and another for uploads, so slow
 * uploads can never hold the sockets API calls wait for. Every attempt has one deadline covering its
 * wait for a socket, connect, headers and body (besides undici's connect, headers and body-idle
 * timeouts); idempotent calls are retried with backoff on retryable failures; the account's circuit
 * breaker is asked before each attempt and told only of the provider's faults. Failures become errors
 * that name no URL (queries carry signatures); an HTTP error status is answered as is for the
 * provider client to map.
 */
export class UpstreamClient {
  private readonly pools: OriginPools;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    readonly origin: string,
    readonly target: UpstreamTarget,
    private readonly policy: UpstreamPolicy = DEFAULT_TIMEOUTS,
    private readonly observer?: UpstreamObserver,
  ) {
    this.pools = new OriginPools(origin, policy);
    this.sleep = policy.sleep ?? ((ms) => delay(ms));
    this.random = policy.random ?? Math.random;
  }

  /**
   * `scope`: the request the call is made for (absent outside HTTP requests): an idempotent call
   * follows its signal, and every attempt is told to the observer with it.
   */
  async request(given: UpstreamRequest, scope?: RequestScope): Promise<UpstreamResponse> {
    if (!given.cleanup || this.policy.onLeftover === undefined) return this.attempts(given, scope);
    const leftover = () => this.policy.onLeftover?.({ origin: this.origin, method: given.method, path: given.path });
    let response: UpstreamResponse;
    try {
      response = await this.attempts(given, scope);
    } catch (error) {
      leftover();
      throw error;
    }
    if (isLeftoverStatus(response.status)) leftover();
    return response;
  }

  private async attempts(given: UpstreamRequest, scope: RequestScope | undefined): Promise<UpstreamResponse> {
    const request = followingClient(given, scope);
    const replayable = request.body === undefined || request.body === null || typeof request.body === 'string' || Buffer.isBuffer(request.body);
    const retry = !replayable ? NO_RETRY : request.cleanup ? CLEANUP_RETRY : request.idempotent ? (this.policy.retry ?? NO_RETRY) : NO_RETRY;
    const started = performance.now();
    let last: Attempt | null = null;
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(request, attempt, scope);
      if ('refused' in result) {
        // a retry the breaker refuses (it opened meanwhile) ends with the failure we already have
        if (last === null) throw this.circuitOpen(result.retryInMs);
        return this.settle(last);
      }
      last = result;
      const status = 'response' in result ? result.response.status : null;
      const retryable = 'response' in result ? RETRYABLE_STATUSES.has(result.response.status) : result.retryable;
      const hinted = 'response' in result && (status === 429 || status === 503) ? retryAfterMs(result.response.headers['retry-after']) : null;
      const wait = retryable ? nextRetryDelay({ attempt, elapsedMs: performance.now() - started, retryAfterMs: hinted }, retry, this.random) : null;
      if (wait === null || this.aborted(request)) return this.settle(result);
      await this.pause(wait, request);
      // cut meanwhile (shutdown, or the caller gave up): end with the failure we have, no further attempt
      if (this.aborted(request)) return this.settle(result);
    }
  }

  private aborted(request: UpstreamRequest): boolean {
    return Boolean(request.signal?.aborted || this.shutdownOf(request)?.aborted);
  }

  /** The gateway's shutdown signal; a cleanup follows its own, later one (it runs while cut uploads settle). */
  private shutdownOf(request: UpstreamRequest): AbortSignal | undefined {
    return request.cleanup ? this.policy.cleanupSignal : this.policy.signal;
  }

  /** The backoff wait, cut short when the request or the gateway is aborted. */
  private pause(ms: number, request: UpstreamRequest): Promise<void> {
    const signals = [request.signal, this.shutdownOf(request)].filter((s): s is AbortSignal => s !== undefined);
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
    throw result.error;
  }

  private circuitOpen(retryInMs: number) {
    const seconds = Math.max(1, Math.ceil(retryInMs / 1000));
    return providerError(this.target, 'PROVIDER_UNAVAILABLE', `upstream failing, circuit open; next try in ${seconds}s`, { circuit: 'open', retryAfterSeconds: seconds });
  }

  close(): Promise<void> {
    return this.pools.close();
  }

  /**
   * One attempt under the breaker: an open circuit refuses it at once, without a call — except a
   * cleanup, which goes through and leaves the breaker as it is (a permit that is no probe moves
   * nothing while the circuit is not closed).
   */
  private async attempt(request: UpstreamRequest, attempt: number, scope: RequestScope | undefined): Promise<Attempt | Refused> {
    const path = request.path.split('?')[0]!;
    const breaker = this.policy.breaker;
    const asked: Permit = breaker?.acquire() ?? { ok: true, probe: false };
    if (!asked.ok && !request.cleanup) {
      this.observer?.({ target: this.target, method: request.method, path, operation: request.operation, status: null, ms: 0, attempt, outcome: 'circuit_open' }, scope);
      return { refused: true, retryInMs: asked.retryInMs };
    }
    const permit: Permit = asked.ok ? asked : { ok: true, probe: false };
    const started = performance.now();
    const progress = new AttemptProgress(isStream(request.body));
    const cut = new AttemptSignal(this.deadlineOf(request), request.signal, this.shutdownOf(request));
    let result: Attempt;
    try {
      result = { response: await this.send(request, cut, progress) };
    } catch (error) {
      const ours = cut.cause === 'caller' || cut.cause === 'shutdown' || progress.sourceFailed;
      const retryable = !ours && (error instanceof DeadlineExceeded ? progress.dispatched : retryableTransport(error));
      result = { error: attemptError(this.target, error, progress), retryable };
    } finally {
      cut.dispose();
    }
    const status = 'response' in result ? result.response.status : null;
    if (status === null) {
      if (progress.providerFault(cut.cause)) breaker?.failed(permit);
      else breaker?.released(permit);
    } else if (status >= 500) breaker?.failed(permit);
    else breaker?.succeeded(permit);
    this.observer?.(
      {
        target: this.target,
        method: request.method,
        path,
        operation: request.operation,
        status,
        ms: performance.now() - started,
        attempt,
        outcome: outcomeOf(status),
      },
      scope,
    );
    return result;
  }

  /** Upload legs that carry bytes may take long; every other call (a cleanup too) has an API call's deadline. */
  private deadlineOf(request: UpstreamRequest): number {
    if (request.deadlineMs !== undefined) return request.deadlineMs;
    const carriesBytes = isStream(request.body) || (request.body !== undefined && request.body !== null && request.body.length > 0);
    if (this.isUpload(request) && carriesBytes) return this.policy.uploadDeadlineMs ?? DEFAULT_UPLOAD_DEADLINE_MS;
    return this.policy.deadlineMs ?? this.policy.connectMs + (request.headersTimeoutMs ?? this.policy.headersMs);
  }

  private isUpload(request: UpstreamRequest): boolean {
    return request.upload === true || isStream(request.body);
  }

  private async send(request: UpstreamRequest, cut: AttemptSignal, progress: AttemptProgress): Promise<UpstreamResponse> {
    const body = isStream(request.body) ? watchedBody(request.body, progress) : (request.body ?? null);
    const options: Dispatcher.RequestOptions = {
      origin: this.origin,
      method: request.method,
      path: request.path,
      headers: request.headers,
      body,
      headersTimeout: request.headersTimeoutMs ?? this.policy.headersMs,
      bodyTimeout: this.policy.bodyMs,
      signal: cut.signal,
    };
    trackProgress(options, progress);
    const pending = (this.isUpload(request) ? this.pools.uploads() : this.pools.api).request(options);
    let response: Dispatcher.ResponseData;
    try {
      // undici acts on an abort only once a socket takes the request: a call still queued is let go here, at its deadline
      response = await Promise.race([pending, cut.rejection()]);
    } catch (error) {
      pending.then(
        (late) => late.body.destroy(),
        () => undefined,
      );
      if (body instanceof Readable) body.destroy();
      throw error;
    }
    const data = await readLimited(response.body, MAX_RESPONSE_BYTES);
    if (data === null) throw providerError(this.target, 'PROVIDER_UNAVAILABLE', 'upstream response too large');
    return { status: response.statusCode, headers: response.headers, body: data };
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
