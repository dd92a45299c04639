import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { codeForStatus, providerError, retryAfterSeconds, UpstreamClient, type UpstreamObserver, type UpstreamPolicy, type UpstreamTarget } from '../../upstream';
import type { RequestScope } from '../../observability/request-scope';
import { viewOf } from '../../upstream/view';
import type { QueryPair } from './canonical';
import type { SignedRequest } from './request';

export type HmacMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What Panda and Telestream differ in on the client side (telestream spec §1–§3). */
export interface HmacQueryDialect {
  /** `/v2` or `/v3.0`. */
  readonly versionPrefix: string;
  sign(method: HmacMethod, host: string, path: string, pairs: readonly QueryPair[]): SignedRequest;
  /** The provider error a parsed body (and status) means, or undefined when it is no error. */
  errorOf(target: UpstreamTarget, status: number, json: unknown): Error | undefined;
}

/**
 * One signed-query transport for both APIs: every parameter signed in the query string, no body
 * except files (panda spec §2.1), JSON answers parsed at the edge.
 */
export class HmacQueryClient {
  readonly host: string;
  private readonly http: UpstreamClient;
  private readonly basePath: string;
  /** The request this view's calls are made for (absent on the account's own client, outside requests). */
  readonly scope?: RequestScope;

  constructor(
    baseUrl: string,
    readonly target: UpstreamTarget,
    private readonly dialect: HmacQueryDialect,
    policy?: UpstreamPolicy,
    observer?: UpstreamObserver,
  ) {
    const base = new URL(baseUrl);
    this.host = base.hostname;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.http = new UpstreamClient(base.origin, target, policy, observer);
  }

  /** This client for one request: its calls follow the request's signal and count in its log line. */
  forRequest(scope: RequestScope): HmacQueryClient {
    return viewOf<HmacQueryClient>(this, { scope });
  }

  get origin(): string {
    return this.http.origin;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** The absolute API URL of `path` (browser uploads post signed params there). */
  apiUrl(path: string): string {
    return `${this.http.origin}${this.basePath}${this.dialect.versionPrefix}${path}`;
  }

  /**
   * One signed call. Only idempotent calls are retried: by default the GETs, which only read; a
   * signed write is sent once and its failure reported (DESIGN §7).
   */
  async call<T>(method: HmacMethod, path: string, pairs: readonly QueryPair[], shape: z.ZodType<T>, idempotent = method === 'GET'): Promise<T> {
    const signed = this.dialect.sign(method, this.host, path, pairs);
    // Signed raw, sent escaped (telestream spec §4, vector T28).
    const wirePath = path.split('/').map(encodeURIComponent).join('/');
    const response = await this.http.request(
      {
        method,
        path: `${this.basePath}${this.dialect.versionPrefix}${wirePath}?${signed.query}`,
        headers: { accept: 'application/json' },
        body: method === 'GET' ? undefined : '',
        idempotent,
      },
      this.scope,
    );
    const json = this.parseJson(response.status, response.body, response.headers['retry-after']);
    const error = this.dialect.errorOf(this.target, response.status, json);
    if (error) throw error;
    if (response.status >= 400) throw providerError(this.target, codeForStatus(response.status), `upstream answered HTTP ${response.status}`);
    const parsed = shape.safeParse(json);
    if (!parsed.success) throw providerError(this.target, 'PROVIDER_UNAVAILABLE', `unexpected response shape for ${method} ${path}`);
    return parsed.data;
  }

  /** Sends bytes (or a status query) to an unsigned upload session location on the API's host. */
  async sendToLocation(location: string, headers: Record<string, string>, body: Readable | Buffer | null, method: HmacMethod = 'POST') {
    const url = new URL(location);
    if (url.origin !== this.http.origin) throw providerError(this.target, 'PROVIDER_REJECTED', 'upload location on another host');
    // the upload pool: a slow upload never holds a socket API calls wait for; a DELETE aborts a session and is let past an open circuit
    return this.http.request({ method, path: url.pathname + url.search, headers, body, upload: true, cleanup: method === 'DELETE' }, this.scope);
  }

  private parseJson(status: number, body: Buffer, retryAfter: string | string[] | undefined): unknown {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      if (status < 400) throw providerError(this.target, 'PROVIDER_UNAVAILABLE', 'upstream answered malformed JSON');
      const seconds = retryAfterSeconds(retryAfter);
      const extra = status === 429 && seconds !== null ? { retryAfterSeconds: seconds } : undefined;
      throw providerError(this.target, codeForStatus(status), `upstream answered HTTP ${status}`, extra);
    }
  }
}
