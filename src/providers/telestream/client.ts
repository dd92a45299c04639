import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { AccountConfig } from '../../config';

export type TelestreamAccountConfig = Extract<AccountConfig, { provider: 'telestream' }>;
import { HmacQueryClient, uniqueTimestamp, type HmacMethod, type HmacQueryDialect, type QueryPair } from '../hmac-query';
import { codeForStatus, providerError, type UpstreamObserver, type UpstreamPolicy, type UpstreamTarget } from '../../upstream';
import { signTelestreamRequest, telestreamPairs, telestreamSignedParams, TELESTREAM_VERSION_PREFIX, type TelestreamParams } from './sign';
import { VideoApiResources } from '../panda/resources';
import type { RequestScope } from '../../observability/request-scope';
import { viewOf } from '../../upstream/view';
import * as wire from './wire';

export const TELESTREAM_DEFAULT_BASE_URL = 'https://api-gce.pandastream.com';
export const TELESTREAM_MAX_PER_PAGE = VideoApiResources.MAX_PER_PAGE;
export type { EncodingFilter } from '../panda/resources';

/** Any status >= 400 is an error (telestream spec §3); the body's `error` class refines the message. */
function errorOf(target: UpstreamTarget, secret: string, status: number, json: unknown): Error | undefined {
  if (status < 400) return undefined;
  const body = wire.wireError.safeParse(json);
  const message = body.success ? (body.data.message ?? body.data.error) : `upstream answered HTTP ${status}`;
  const code = status === 413 ? 'UPLOAD_TOO_LARGE' : codeForStatus(status);
  return providerError(target, code, message.split(secret).join('[redacted]'), body.success ? { providerError: body.data.error } : undefined);
}

/** The Flip API 3.0 as the telestream-cloud 1.x SDK speaks it (telestream spec §1–§4). */
export class TelestreamClient extends VideoApiResources {
  readonly target: UpstreamTarget;
  private readonly http: HmacQueryClient;

  constructor(
    private readonly account: Pick<TelestreamAccountConfig, 'id' | 'baseUrl' | 'factoryId' | 'accessKey' | 'secretKey'>,
    policy?: UpstreamPolicy,
    observer?: UpstreamObserver,
  ) {
    super();
    this.target = { account: account.id, provider: 'telestream' };
    const dialect: HmacQueryDialect = {
      versionPrefix: TELESTREAM_VERSION_PREFIX,
      sign: (method, host, path, pairs) => this.sign(method, host, path, pairs),
      errorOf: (target, status, json) => errorOf(target, account.secretKey, status, json),
    };
    this.http = new HmacQueryClient(account.baseUrl ?? TELESTREAM_DEFAULT_BASE_URL, this.target, dialect, policy, observer);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** This client for one request: its calls follow the request's signal and count in its log line. */
  forRequest(scope: RequestScope): TelestreamClient {
    return viewOf<TelestreamClient>(this, { http: this.http.forRequest(scope) });
  }

  /** `signed_params()` (spec §2.7). */
  signedParams(method: HmacMethod, path: string, params: TelestreamParams, now = new Date()): Record<string, string> {
    return telestreamSignedParams(this.sign(method, this.http.host, path, telestreamPairs(params), now));
  }

  apiUrl(path: string): string {
    return this.http.apiUrl(path);
  }

  // factories (spec §4)
  listFactories() {
    return this.call('GET', '/factories.json', {}, wire.wireFactory.array());
  }
  getFactory(id = this.account.factoryId) {
    return this.call('GET', `/factories/${id}.json`, {}, wire.wireFactory);
  }
  updateFactory(id: string, params: TelestreamParams) {
    return this.call('PUT', `/factories/${id}.json`, params, wire.wireFactory);
  }
  getNotifications() {
    return this.call('GET', '/notifications.json', {}, wire.wireNotifications);
  }
  /** Flags lower-cased as the SDK sends them; events in bracket form (spec §2.2, §2.3, vector T19). */
  updateNotifications(p: { url?: string; delay?: number; sendVideoPayload?: boolean; events?: Record<string, boolean> }) {
    return this.call(
      'PUT',
      '/notifications.json',
      {
        url: p.url,
        delay: p.delay,
        send_video_payload: p.sendVideoPayload === undefined ? undefined : String(p.sendVideoPayload),
        events: p.events && Object.fromEntries(Object.entries(p.events).map(([k, v]) => [k, String(v)])),
      },
      wire.wireNotifications,
    );
  }

  // videos and profiles with Telestream's own parameters (pipeline, bracket dicts); the rest is VideoApiResources
  createVideo(params: TelestreamParams) {
    return this.call('POST', '/videos.json', params, wire.wireVideo);
  }
  createProfile(params: TelestreamParams) {
    return this.call('POST', '/profiles.json', params, wire.wireProfile);
  }
  updateProfile(id: string, params: TelestreamParams) {
    return this.call('PUT', `/profiles/${id}.json`, params, wire.wireProfile);
  }

  // upload sessions (spec §6): created signed, then the unsigned location
  createUploadSession(params: TelestreamParams) {
    return this.call('POST', '/videos/upload.json', params, wire.wireUploadSession);
  }
  sendToUploadSession(location: string, headers: Record<string, string>, body: Readable | Buffer | null, method: HmacMethod = 'POST') {
    return this.http.sendToLocation(location, headers, body, method);
  }

  private sign(method: HmacMethod, host: string, path: string, params: readonly QueryPair[], now = new Date()) {
    const a = this.account;
    return signTelestreamRequest({
      method,
      host,
      path,
      params,
      credentials: { accessKey: a.accessKey, secretKey: a.secretKey, factoryId: a.factoryId },
      timestamp: uniqueTimestamp(now),
    });
  }

  protected call<T>(method: HmacMethod, path: string, params: TelestreamParams, shape: z.ZodType<T>): Promise<T> {
    return this.http.call(method, path, telestreamPairs(params), shape);
  }
}
