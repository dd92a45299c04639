import type { z } from 'zod';
import type { AccountConfig } from '../../config';
import type { ErrorCode } from '../../errors';
import { codeForStatus, providerError, UpstreamClient, type UpstreamObserver, type UpstreamPolicy, type UpstreamTarget } from '../../upstream';
import { rpcRequest, type RpcArgs, type RpcCredentials } from './auth';
import { multipartUpload, type UploadSource } from './upload';
import { DEFAULT_BASE_URL } from './urls';
import { wireRpcError, wireUploadResult, type WireUploadResult } from './wire';
import type { RequestScope } from '../../observability/request-scope';
import { viewOf } from '../../upstream/view';

export type DailymotionAccountConfig = Extract<AccountConfig, { provider: 'dailymotion' }>;

/** The SDK's exception classes by code and the DESIGN §6 code each becomes (dailymotion spec §4.3). */
export const RPC_ERROR_CODES: Readonly<Record<number, { readonly name: string; readonly code: ErrorCode }>> = {
  100: { name: 'RPCException', code: 'PROVIDER_REJECTED' },
  200: { name: 'ProcessorException', code: 'PROVIDER_REJECTED' },
  300: { name: 'TransportException', code: 'PROVIDER_UNAVAILABLE' },
  400: { name: 'AuthenticationError', code: 'PROVIDER_AUTH_FAILED' },
  410: { name: 'RateLimitExceeded', code: 'RATE_LIMITED' },
  500: { name: 'SerializerError', code: 'PROVIDER_REJECTED' },
  600: { name: 'InvalidRequest', code: 'PROVIDER_REJECTED' },
  610: { name: 'InvalidObject', code: 'PROVIDER_REJECTED' },
  620: { name: 'InvalidMethod', code: 'PROVIDER_REJECTED' },
  630: { name: 'InvalidParameter', code: 'BAD_USER_INPUT' },
  640: { name: 'InvalidCall', code: 'PROVIDER_REJECTED' },
  650: { name: 'MissingParameter', code: 'BAD_USER_INPUT' },
  1000: { name: 'ApplicationException', code: 'PROVIDER_REJECTED' },
  1010: { name: 'NotFound', code: 'NOT_FOUND' },
  1020: { name: 'Exists', code: 'PROVIDER_REJECTED' },
  1030: { name: 'LimitExceeded', code: 'PROVIDER_REJECTED' },
};

const scrub = (text: string, secrets: readonly string[]): string => secrets.filter((s) => s.length > 0).reduce((out, secret) => out.split(secret).join('[redacted]'), text);

/** An RPC error object → VidmeshError; unknown codes are the base class, carried on the instance (spec §4.3). */
export function rpcError(target: UpstreamTarget, code: number, message: string, data: unknown, secrets: readonly string[] = []) {
  const known = RPC_ERROR_CODES[code] ?? { name: 'RPCException', code: 'PROVIDER_REJECTED' as const };
  const extra: Record<string, string | number> = { providerError: known.name, providerCode: code };
  if (data !== undefined && data !== null) extra.providerData = scrub(JSON.stringify(data), secrets).slice(0, 1000);
  return providerError(target, known.code, scrub(message, secrets), extra);
}

/**
 * Reads an RPC answer as the SDK does (spec §4.2): the HTTP status is ignored while the body is a JSON
 * object; `error` wins only when it is a non-empty object; a missing `result` is null.
 */
export function readRpcResponse(target: UpstreamTarget, status: number, body: Buffer, secrets: readonly string[] = []): unknown {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    // the SDK's SerializerError; a failing HTTP status says more about why
    const code = status >= 400 ? codeForStatus(status) : 'PROVIDER_UNAVAILABLE';
    throw providerError(target, code, status >= 400 ? `upstream answered HTTP ${status} without JSON` : 'upstream answered malformed JSON');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw providerError(target, 'PROVIDER_UNAVAILABLE', 'upstream answered JSON that is not an object');
  }
  const envelope = json as Record<string, unknown>;
  const error = envelope.error;
  if (error !== null && typeof error === 'object' && Object.keys(error).length > 0) {
    const parsed = wireRpcError.safeParse(error);
    if (!parsed.success) throw providerError(target, 'PROVIDER_UNAVAILABLE', 'upstream answered an error without code or message');
    throw rpcError(target, parsed.data.code, parsed.data.message, parsed.data.data, secrets);
  }
  return envelope.result ?? null;
}

export interface CloudKeyClientOptions {
  /** Every later call acts as this user (`act_as_user`, spec §3.5). */
  readonly actAs?: string | null;
  readonly userAgent?: string;
}

/**
 * RPC methods that only read (spec §5): retried on a transient failure although every call is a
 * POST. Every other method is sent once.
 */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set([
  'media.list',
  'media.count',
  'media.info',
  'media.get_assets',
  'media.get_meta',
  'encoding_settings.get_active_assets',
  'encoding_settings.get_asset_setting',
  'user.info',
  'user.whoami',
]);

const USER_AGENT = 'vidmesh/0.1 (cloudkey-py 1.2.7 compatible)';
const UPLOAD_HEADERS_TIMEOUT_MS = 10 * 60_000;

/**
 * CloudKey JSON-RPC over one keep-alive pool (spec §3): `POST <base>/api`, arguments signed with
 * md5 over their normalized form; the upload leg goes to the host `file.upload` names (spec §6).
 */
export class CloudKeyClient {
  readonly target: UpstreamTarget;
  readonly baseUrl: string;
  private readonly http: UpstreamClient;
  private readonly apiPath: string;
  private readonly uploadPools = new Map<string, UpstreamClient>();
  private readonly credentials: RpcCredentials;
  /** The request this view's calls are made for (absent on the account's own client, outside requests). */
  readonly scope?: RequestScope;

  constructor(
    account: DailymotionAccountConfig,
    private readonly policy?: UpstreamPolicy,
    private readonly observer?: UpstreamObserver,
    private readonly options: CloudKeyClientOptions = {},
  ) {
    // the SDK concatenates `<base_url>/api` as is (spec §2); a trailing slash is dropped here instead
    this.baseUrl = (account.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    const base = new URL(this.baseUrl);
    this.target = { account: account.id, provider: 'dailymotion' };
    this.apiPath = `${base.pathname.replace(/\/+$/, '')}/api`;
    this.http = new UpstreamClient(base.origin, this.target, policy, observer);
    this.credentials = { userId: account.userId, apiKey: account.apiKey, actAs: options.actAs ?? null };
  }

  /** This client for one request: its calls follow the request's signal and count in its log line. */
  forRequest(scope: RequestScope): CloudKeyClient {
    return viewOf<CloudKeyClient>(this, { scope });
  }

  async close(): Promise<void> {
    await Promise.all([this.http.close(), ...[...this.uploadPools.values()].map((p) => p.close())]);
  }

  /** One RPC: the decoded `result` (spec §4.2), errors mapped to DESIGN §6 codes. */
  async call(method: string, args: RpcArgs = {}): Promise<unknown> {
    const request = rpcRequest(this.credentials, method, args);
    const response = await this.http.request(
      {
        method: 'POST',
        path: this.apiPath,
        headers: { 'content-type': 'application/json', 'user-agent': this.options.userAgent ?? USER_AGENT },
        body: request.body,
        idempotent: IDEMPOTENT_METHODS.has(method),
        operation: method,
      },
      this.scope,
    );
    return readRpcResponse(this.target, response.status, response.body, [this.credentials.apiKey]);
  }

  /** One RPC whose result must have `shape`; anything else is an upstream fault. */
  async callAs<T>(method: string, args: RpcArgs, shape: z.ZodType<T>): Promise<T> {
    const result = await this.call(method, args);
    const parsed = shape.safeParse(result);
    if (!parsed.success) throw providerError(this.target, 'PROVIDER_UNAVAILABLE', `unexpected result shape for ${method}`);
    return parsed.data;
  }

  /** The upload leg (spec §6 step 3): one multipart part `file`, streamed; the answer is JSON, no envelope. */
  async upload(uploadUrl: string, source: UploadSource): Promise<WireUploadResult> {
    let url: URL;
    try {
      url = new URL(uploadUrl);
    } catch {
      throw providerError(this.target, 'PROVIDER_UNAVAILABLE', 'file.upload answered an invalid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw providerError(this.target, 'PROVIDER_UNAVAILABLE', 'file.upload answered a non-HTTP URL');
    const { headers, body } = multipartUpload(source);
    const response = await this.poolFor(url.origin).request(
      {
        method: 'POST',
        path: url.pathname + url.search,
        headers: { ...headers, 'user-agent': this.options.userAgent ?? USER_AGENT },
        body,
        headersTimeoutMs: UPLOAD_HEADERS_TIMEOUT_MS,
        // the origin's upload pool, even when it is the API's origin: uploads never starve RPC calls
        upload: true,
      },
      this.scope,
    );
    let json: unknown;
    try {
      json = JSON.parse(response.body.toString('utf8'));
    } catch {
      const code = response.status >= 400 ? codeForStatus(response.status) : 'PROVIDER_UNAVAILABLE';
      throw providerError(this.target, code, `upload answered HTTP ${response.status} without JSON`);
    }
    if (response.status >= 400) {
      const message = (json as { error?: unknown } | null)?.error;
      throw providerError(
        this.target,
        codeForStatus(response.status),
        typeof message === 'string' ? scrub(message, [this.credentials.apiKey]) : `upload answered HTTP ${response.status}`,
      );
    }
    const parsed = wireUploadResult.safeParse(json);
    if (!parsed.success) throw providerError(this.target, 'PROVIDER_UNAVAILABLE', 'unexpected answer from the upload server');
    return parsed.data;
  }

  private poolFor(origin: string): UpstreamClient {
    if (origin === this.http.origin) return this.http;
    let pool = this.uploadPools.get(origin);
    if (!pool) {
      pool = new UpstreamClient(origin, this.target, this.policy, this.observer);
      this.uploadPools.set(origin, pool);
    }
    return pool;
  }
}
