import type { Readable } from 'node:stream';
import { Pool, type Dispatcher } from 'undici';
import { providerError, transportError, type UpstreamTarget } from './errors';

export interface HttpTimeouts {
  /** TCP (and TLS) connect. */
  readonly connectMs: number;
  /** From request sent to response headers. */
  readonly headersMs: number;
  /** Idle time between body chunks. */
  readonly bodyMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 5_000, headersMs: 30_000, bodyMs: 30_000 };

/** Bodies never read past this: a provider answer is JSON metadata, not media. */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface UpstreamRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query, e.g. `/v2/videos.json?…`. */
  readonly path: string;
  readonly headers?: Record<string, string>;
  /** A stream is piped as it comes (uploads), never buffered here. */
  readonly body?: string | Buffer | Readable | null;
  /** Overrides the account's header timeout, e.g. for long uploads. */
  readonly headersTimeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** Observes every upstream call (logging, metrics, tests). */
export type UpstreamObserver = (call: { target: UpstreamTarget; method: string; path: string; status: number | null; ms: number }) => void;

/**
 * One keep-alive undici pool for one account's origin. Every call has connect, headers and body
 * timeouts; failures become PROVIDER_UNAVAILABLE errors that name no URL (queries carry signatures).
 */
export class UpstreamClient {
  private readonly pool: Pool;

  constructor(
    readonly origin: string,
    readonly target: UpstreamTarget,
    private readonly timeouts: HttpTimeouts = DEFAULT_TIMEOUTS,
    private readonly observer?: UpstreamObserver,
  ) {
    this.pool = new Pool(origin, {
      connections: 16,
      keepAliveTimeout: 10_000,
      connect: { timeout: timeouts.connectMs },
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
    });
  }

  async request(request: UpstreamRequest): Promise<UpstreamResponse> {
    const started = performance.now();
    let status: number | null = null;
    try {
      const options: Dispatcher.RequestOptions = {
        origin: this.origin,
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body ?? null,
        headersTimeout: request.headersTimeoutMs ?? this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyMs,
        signal: request.signal,
      };
      const response = await this.pool.request(options);
      status = response.statusCode;
      const body = await readLimited(response.body, MAX_RESPONSE_BYTES);
      if (body === null) throw providerError(this.target, 'PROVIDER_UNAVAILABLE', 'upstream response too large');
      return { status, headers: response.headers, body };
    } catch (error) {
      throw transportError(this.target, error);
    } finally {
      this.observer?.({ target: this.target, method: request.method, path: request.path.split('?')[0]!, status, ms: performance.now() - started });
    }
  }

  close(): Promise<void> {
    return this.pool.close();
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
