import { STATUS_CODES } from 'node:http';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { AccountConfig } from '../../config';
import type { VidmeshError } from '../../errors';
import type { RequestScope } from '../../observability/request-scope';
import { viewOf } from '../../upstream/view';
import { codeForStatus, providerError, UpstreamClient, type UpstreamObserver, type UpstreamPolicy, type UpstreamResponse, type UpstreamTarget } from '../../upstream';
import { authTokenCalls, extraCalls, streamCalls, uploadCalls, videoCalls, type ZiggeoCall, type ZiggeoUploadCall } from './calls';
import { ZiggeoDownloader, type ZiggeoDownload, type ZiggeoDownloadOptions } from './download';
import {
  basicAuthorization,
  fileExtension,
  asciiPath,
  formPairs,
  multipartFrame,
  planRequest,
  ziggeoHosts,
  type FormArgs,
  type ZiggeoDialect,
  type ZiggeoHostKind,
  type ZiggeoHosts,
} from './encode';
import { framedBody, randomBoundary, type ZiggeoFile } from './upload';
import * as wire from './wire';

export type ZiggeoAccountConfig = Extract<AccountConfig, { provider: 'ziggeo' }>;

export interface ZiggeoClientOptions {
  /** Whose wire dialect to speak: the documented 1.17 (default) or the latest 2.30 (ziggeo spec §9). */
  readonly dialect?: ZiggeoDialect;
  /** Timeouts, retries of idempotent calls, the account's circuit breaker. */
  readonly policy?: UpstreamPolicy;
  readonly observer?: UpstreamObserver;
  /** Multipart boundaries; tests pin the vectors' (spec §11). */
  readonly boundary?: () => string;
}

type Args = FormArgs | null | undefined;
interface Sent {
  readonly method: 'GET' | 'POST';
  readonly target: string;
  readonly body: string | Buffer | Readable | null;
  readonly headers: Record<string, string>;
  readonly idempotent?: boolean;
}

/**
 * The Ziggeo server API as the official Python SDK speaks it, method for method (spec §5): Basic
 * auth, form arguments, tunnelled deletes, multipart or signed uploads. Any non-2xx answer is a
 * VidmeshError with the DESIGN §6 code for its status and the provider's message.
 */
export class ZiggeoClient {
  readonly target: UpstreamTarget;
  readonly dialect: ZiggeoDialect;
  readonly hosts: ZiggeoHosts;
  private readonly clients = new Map<string, UpstreamClient>();
  private readonly downloader: ZiggeoDownloader;
  private readonly authorization: string;
  private readonly boundary: () => string;

  constructor(
    private readonly account: ZiggeoAccountConfig,
    private readonly options: ZiggeoClientOptions = {},
  ) {
    this.target = { account: account.id, provider: 'ziggeo' };
    this.dialect = options.dialect ?? '1.17';
    this.hosts = ziggeoHosts(account.token, this.dialect, account.baseUrl);
    this.authorization = basicAuthorization(account.token, account.privateKey);
    this.boundary = options.boundary ?? randomBoundary;
    this.downloader = new ZiggeoDownloader(this.target, (status, body) => this.statusError(status, body), options.policy, options.observer);
  }

  /** The method groups of the SDK (spec §5), bound to this client (a request's view has its own: see forRequest). */
  readonly videos = videoMethods(this);
  readonly streams = streamMethods(this);
  readonly authtokens = authTokenMethods(this);
  readonly application = applicationMethods(this);
  readonly webhooks = webhookMethods(this);
  readonly analytics = analyticsMethods(this);
  /** The request this view's calls are made for (absent on the account's own client, outside requests). */
  readonly scope?: RequestScope;

  /** This client for one request: its calls follow the request's signal and count in its log line. */
  forRequest(scope: RequestScope): ZiggeoClient {
    const view = viewOf<ZiggeoClient>(this, { scope });
    // the method groups close over their client: the view gets its own, bound to it
    return Object.assign(view, {
      videos: videoMethods(view),
      streams: streamMethods(view),
      authtokens: authTokenMethods(view),
      application: applicationMethods(view),
      webhooks: webhookMethods(view),
      analytics: analyticsMethods(view),
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.close()));
    this.clients.clear();
    await this.downloader.close();
  }

  /** A JSON method (spec §4.1): 2xx parsed and checked against `shape`. */
  async json<T>(call: ZiggeoCall, shape: z.ZodType<T>): Promise<T> {
    return this.parse(await this.send(call.host, this.planned(call)), shape, call.path);
  }

  /** A raw method (`delete`, webhooks): the body as bytes. */
  async raw(call: ZiggeoCall): Promise<Buffer> {
    return (await this.send(call.host, this.planned(call))).body;
  }

  /** `download_video` / `download_image`, streamed, whole or a range, or only their headers; a CDN redirect is followed (spec §10.1.8). */
  download(call: ZiggeoCall, options?: ZiggeoDownloadOptions): Promise<ZiggeoDownload> {
    const planned = this.planned(call);
    return this.downloader.open(new URL(this.hosts[call.host].replace(/\/+$/, '') + planned.target), planned.headers, options, this.scope);
  }

  /** A file call: one multipart POST (1.17, spec §3.4) or upload-url → S3-like POST → confirm (2.30, spec §3.6). */
  async upload<T>(call: ZiggeoUploadCall, file: ZiggeoFile, shape: z.ZodType<T>): Promise<T> {
    if (this.dialect === '1.17') {
      const frame = multipartFrame('1.17', this.boundary(), call.data ?? {}, file);
      const { body, length } = framedBody(frame, file);
      const headers = this.headers({ 'content-type': frame.contentType, 'content-length': String(length) });
      return this.parse(await this.send('api', { method: 'POST', target: asciiPath(call.path), body, headers }), shape, call.path);
    }
    // `data[type_key] = ext`: replaced in place when the caller gave it, appended otherwise (spec §3.6 step 1)
    const args = formPairs(call.data ?? {});
    const at = args.findIndex(([key]) => key === call.typeKey);
    if (at >= 0) args[at] = [call.typeKey, fileExtension(file.name)];
    else args.push([call.typeKey, fileExtension(file.name)]);
    const ticket = await this.json({ verb: 'POST', path: call.uploadUrlPath, data: args, host: 'api', result: 'json', idempotent: false }, wire.wireAny);
    const urlData = wire.wireUploadUrl.safeParse(ticket);
    const scoped = wire.wireUploadScope.safeParse((ticket as Record<string, unknown> | null)?.[call.scope]);
    if (!urlData.success || !scoped.success) throw providerError(this.target, 'PROVIDER_UNAVAILABLE', `unexpected upload-url answer for ${call.uploadUrlPath}`);
    const frame = multipartFrame('2.30', this.boundary(), Object.entries(urlData.data.url_data.fields), file);
    const { body, length } = framedBody(frame, file);
    // the SDK treats only `https:` as external; anything else is a path on the API host (spec §3.6 step 1)
    const s3 = /^https?:/.test(urlData.data.url_data.url) ? new URL(urlData.data.url_data.url) : new URL(this.hosts.api + urlData.data.url_data.url);
    const headers = { 'accept-encoding': 'identity', 'content-type': frame.contentType, 'content-length': String(length) };
    await this.send(s3, { method: 'POST', target: s3.pathname + s3.search, body, headers });
    const confirmPath = call.confirmPath(scoped.data);
    const confirmed = await this.json({ verb: 'POST', path: confirmPath, data: null, host: 'api', result: 'json', idempotent: false }, wire.wireAny);
    const result = call.mergeDefaultStream ? { ...((ticket as Record<string, unknown>)[call.scope] as object), default_stream: confirmed } : confirmed;
    return this.checked(result, shape, confirmPath);
  }

  private planned(call: ZiggeoCall): Sent {
    const planned = planRequest(call.verb, call.path, call.data, this.dialect);
    return {
      method: planned.method,
      target: planned.target,
      body: planned.body,
      headers: this.headers(planned.contentType ? { 'content-type': planned.contentType } : {}),
      idempotent: call.idempotent,
    };
  }

  /** The SDK's header set less what the transport owns: no Accept, no custom User-Agent (spec §3.1). */
  private headers(extra: Record<string, string>): Record<string, string> {
    return { 'accept-encoding': 'identity', authorization: this.authorization, ...extra };
  }

  /** One UpstreamClient (keep-alive pool) per origin: API, CDN, api_connect, the S3-like leg. */
  private endpoint(host: ZiggeoHostKind | URL): { client: UpstreamClient; prefix: string } {
    const url = host instanceof URL ? host : new URL(this.hosts[host]);
    let client = this.clients.get(url.origin);
    if (!client) {
      client = new UpstreamClient(url.origin, this.target, this.options.policy, this.options.observer);
      this.clients.set(url.origin, client);
    }
    return { client, prefix: host instanceof URL ? '' : url.pathname.replace(/\/+$/, '') };
  }

  private async send(host: ZiggeoHostKind | URL, request: Sent): Promise<UpstreamResponse> {
    const { client, prefix } = this.endpoint(host);
    const response = await client.request(
      { method: request.method, path: prefix + request.target, headers: request.headers, body: request.body, idempotent: request.idempotent },
      this.scope,
    );
    if (response.status < 200 || response.status >= 300) throw this.statusError(response.status, response.body);
    return response;
  }

  private parse<T>(response: UpstreamResponse, shape: z.ZodType<T>, path: string): T {
    let json: unknown;
    try {
      json = JSON.parse(response.body.toString('utf8'));
    } catch {
      throw providerError(this.target, 'PROVIDER_UNAVAILABLE', `upstream answered malformed JSON for ${path}`);
    }
    return this.checked(json, shape, path);
  }

  private checked<T>(json: unknown, shape: z.ZodType<T>, path: string): T {
    const parsed = shape.safeParse(json);
    if (!parsed.success) throw providerError(this.target, 'PROVIDER_UNAVAILABLE', `unexpected response shape for ${path}`);
    return parsed.data;
  }

  /** Status → DESIGN §6 code; the provider's `error` text kept, secrets removed (spec §4.3, §7). */
  statusError(status: number, body: Buffer): VidmeshError {
    const text = body.toString('utf8').trim();
    let message: string | undefined;
    try {
      const parsed = wire.wireError.safeParse(JSON.parse(text));
      if (parsed.success) message = parsed.data.error ?? parsed.data.msg ?? parsed.data.message;
    } catch {
      if (text.length > 0 && text.length <= 200 && /^[\x20-\x7e]+$/.test(text)) message = text;
    }
    message ??= STATUS_CODES[status] ?? 'error';
    for (const secret of [this.account.privateKey, this.account.encryptionKey]) {
      if (secret) message = message.split(secret).join('[redacted]');
    }
    const code = status === 413 ? 'UPLOAD_TOO_LARGE' : codeForStatus(status);
    return providerError(this.target, code, `${message} (HTTP ${status})`, { providerStatus: status });
  }
}

function videoMethods(c: ZiggeoClient) {
  return {
    index: (args?: Args) => c.json(videoCalls.index(args), wire.wireVideo.array()),
    count: (args?: Args) => c.json(videoCalls.count(args), wire.wireCount),
    get: (id: string) => c.json(videoCalls.get(id), wire.wireVideo),
    get_bulk: (args: Args) => c.json(videoCalls.get_bulk(args), wire.wireVideo.array()),
    stats_bulk: (args: Args) => c.json(videoCalls.stats_bulk(args), wire.wireAny),
    get_stats: (id: string) => c.json(videoCalls.get_stats(id), wire.wireAny),
    download_video: (id: string, options?: ZiggeoDownloadOptions) => c.download(videoCalls.download_video(id), options),
    download_image: (id: string, options?: ZiggeoDownloadOptions) => c.download(videoCalls.download_image(id), options),
    push_to_service: (id: string, args: Args) => c.json(videoCalls.push_to_service(id, args), wire.wireAny),
    apply_effect: (id: string, args: Args) => c.json(videoCalls.apply_effect(id, args), wire.wireAny),
    apply_meta: (id: string, args: Args) => c.json(videoCalls.apply_meta(id, args), wire.wireAny),
    update: (id: string, args: Args) => c.json(videoCalls.update(id, args), wire.wireVideo),
    update_bulk: (args: Args) => c.json(videoCalls.update_bulk(args), wire.wireAny),
    analytics: (id: string, args: Args) => c.json(videoCalls.analytics(id, args), wire.wireAny),
    delete: (id: string) => c.raw(videoCalls.delete(id)),
    create: (args?: Args, file?: ZiggeoFile) => (file ? c.upload(uploadCalls.createVideo(args), file, wire.wireVideo) : c.json(videoCalls.create(args), wire.wireVideo)),
  };
}

function streamMethods(c: ZiggeoClient) {
  return {
    index: (v: string, args?: Args) => c.json(streamCalls.index(v, args), wire.wireStream.array()),
    get: (v: string, s: string) => c.json(streamCalls.get(v, s), wire.wireStream),
    download_video: (v: string, s: string, options?: ZiggeoDownloadOptions) => c.download(streamCalls.download_video(v, s), options),
    download_image: (v: string, s: string, options?: ZiggeoDownloadOptions) => c.download(streamCalls.download_image(v, s), options),
    push_to_service: (v: string, s: string, args: Args) => c.json(streamCalls.push_to_service(v, s, args), wire.wireAny),
    delete: (v: string, s: string) => c.raw(streamCalls.delete(v, s)),
    create: (v: string, args?: Args, file?: ZiggeoFile) =>
      file ? c.upload(uploadCalls.createStream(v, args), file, wire.wireStream) : c.json(streamCalls.create(v, args), wire.wireStream),
    attach_image: (v: string, s: string, args?: Args, file?: ZiggeoFile) =>
      file ? c.upload(uploadCalls.attachImage(v, s, args), file, wire.wireStream) : c.json(streamCalls.attach_image(v, s, args), wire.wireStream),
    attach_video: (v: string, s: string, args?: Args, file?: ZiggeoFile) =>
      file ? c.upload(uploadCalls.attachVideo(v, s, args), file, wire.wireStream) : c.json(streamCalls.attach_video(v, s, args), wire.wireStream),
    attach_subtitle: (v: string, s: string, args: Args) => c.json(streamCalls.attach_subtitle(v, s, args), wire.wireAny),
    bind: (v: string, s: string) => c.json(streamCalls.bind(v, s), wire.wireStream),
  };
}

function authTokenMethods(c: ZiggeoClient) {
  return {
    get: (token: string) => c.json(authTokenCalls.get(token), wire.wireAuthToken),
    update: (token: string, args: Args) => c.json(authTokenCalls.update(token, args), wire.wireAuthToken),
    delete: (token: string) => c.raw(authTokenCalls.delete(token)),
    create: (args?: Args) => c.json(authTokenCalls.create(args), wire.wireAuthToken),
  };
}

function applicationMethods(c: ZiggeoClient) {
  return { get_stats: (args?: Args) => c.json(extraCalls.applicationStats(args), wire.wireAny) };
}

function webhookMethods(c: ZiggeoClient) {
  return {
    create: (args: Args) => c.raw(extraCalls.createWebhook(args)),
    confirm: (args: Args) => c.raw(extraCalls.confirmWebhook(args)),
    delete: (args: Args) => c.raw(extraCalls.removeWebhook(args)),
  };
}

function analyticsMethods(c: ZiggeoClient) {
  return { get: (args: Args) => c.json(extraCalls.analytics(args), wire.wireAny) };
}
