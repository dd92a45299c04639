import type { Readable } from 'node:stream';
import { Pool } from 'undici';
import type { VidmeshError } from '../../errors';
import type { RequestScope } from '../../observability/request-scope';
import { DEFAULT_TIMEOUTS, outcomeOf, providerError, transportError, type UpstreamObserver, type UpstreamPolicy, type UpstreamTarget } from '../../upstream';

/**
 * A media answer handed on as it arrives: the caller reads or destroys `body`. `status` is 200, 206
 * (a range, described by `contentRange`) or 416 (a range past the end: `bytes *\/total`).
 */
export interface ZiggeoDownload {
  readonly status: number;
  readonly body: Readable;
  readonly contentType: string;
  readonly contentLength: number | null;
  readonly contentRange: string | null;
}

/** `HEAD` for headers only; `range`, a `Range` header value, for part of the file (the CDN answers both like any static origin). */
export interface ZiggeoDownloadOptions {
  readonly method?: 'GET' | 'HEAD';
  readonly range?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * Streaming GETs for `…/video` and `…/image` (ziggeo spec §5.1, §10.1.8): 200 with bytes, or a
 * redirect to a CDN that is followed. UpstreamClient buffers whole answers, so downloads keep their
 * own keep-alive pools (one per origin, same timeouts) and reuse its error mapping.
 */
export class ZiggeoDownloader {
  private readonly pools = new Map<string, Pool>();

  constructor(
    private readonly target: UpstreamTarget,
    private readonly errorFor: (status: number, body: Buffer) => VidmeshError,
    private readonly timeouts: UpstreamPolicy = DEFAULT_TIMEOUTS,
    private readonly observer?: UpstreamObserver,
  ) {}

  /**
   * The SDK re-sends Authorization to any redirect target (spec §4.1); we send it only to the same
   * origin, so the private key never reaches a third-party CDN. `scope`: the request it is made for, told to the observer.
   */
  async open(url: URL, headers: Record<string, string>, options: ZiggeoDownloadOptions = {}, scope?: RequestScope, redirectsLeft = MAX_REDIRECTS): Promise<ZiggeoDownload> {
    const method = options.method ?? 'GET';
    // the account's breaker guards downloads too; a stream is never retried
    const breaker = this.timeouts.breaker;
    const permit = breaker?.acquire() ?? { ok: true, probe: false };
    if (!permit.ok) throw providerError(this.target, 'PROVIDER_UNAVAILABLE', 'upstream failing, circuit open', { circuit: 'open' });
    const started = performance.now();
    let status: number | null = null;
    let settled = false;
    // told as soon as the origin answers, so a redirect's next hop can take the probe of its own
    const settle = () => {
      if (settled) return;
      settled = true;
      if (status === null || status >= 500) breaker?.failed(permit);
      else breaker?.succeeded(permit);
    };
    try {
      const response = await this.pool(url.origin).request({
        method,
        path: url.pathname + url.search,
        // Range goes with every hop: it is no credential, and a CDN is where it matters
        headers: options.range === undefined || method !== 'GET' ? headers : { ...headers, range: options.range },
        headersTimeout: this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyMs,
      });
      status = response.statusCode;
      settle();
      const header = (name: string) => {
        const value = response.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const location = header('location');
      if (REDIRECTS.has(status) && location) {
        await response.body.dump();
        if (redirectsLeft === 0) throw providerError(this.target, 'PROVIDER_UNAVAILABLE', 'too many redirects on a download');
        const next = new URL(location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') throw providerError(this.target, 'PROVIDER_REJECTED', 'download redirected to a non-HTTP URL');
        const nextHeaders = { ...headers };
        if (next.origin !== url.origin) delete nextHeaders.authorization;
        return await this.open(next, nextHeaders, options, scope, redirectsLeft - 1);
      }
      // a 416 answers the range, not the call: the caller tells its client where the file ends
      const unsatisfied = status === 416 && options.range !== undefined;
      if ((status < 200 || status >= 300) && !unsatisfied) throw this.errorFor(status, await readSome(response.body, ERROR_BODY_LIMIT));
      const length = Number(header('content-length'));
      return {
        status,
        body: response.body,
        contentType: header('content-type') ?? 'application/octet-stream',
        contentLength: Number.isSafeInteger(length) && length >= 0 && header('content-length') !== undefined ? length : null,
        contentRange: header('content-range') ?? null,
      };
    } catch (error) {
      throw transportError(this.target, error);
    } finally {
      settle();
      this.observer?.({ target: this.target, method, path: url.pathname, status, ms: performance.now() - started, attempt: 1, outcome: outcomeOf(status) }, scope);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
    this.pools.clear();
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: 8,
        keepAliveTimeout: 10_000,
        connect: { timeout: this.timeouts.connectMs },
        headersTimeout: this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyMs,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

async function readSome(body: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, limit);
}
