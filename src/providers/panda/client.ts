import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { PandaAccountConfig } from '../../config';
import { HmacQueryClient, uniqueTimestamp, type HmacMethod, type HmacQueryDialect, type QueryPair } from '../hmac-query';
import { codeForStatus, providerError, type UpstreamObserver, type UpstreamPolicy, type UpstreamTarget } from '../../upstream';
import { pandaPairs, signedParamsMap, signPandaRequest, type PandaParamValue } from './sign';
import { VideoApiResources } from './resources';
import type { RequestScope } from '../../observability/request-scope';
import { viewOf } from '../../upstream/view';
import * as wire from './wire';

export const PANDA_DEFAULT_BASE_URL = 'https://api.pandastream.com';
/** The API's page size limit (panda spec §9.6). */
export const PANDA_MAX_PER_PAGE = VideoApiResources.MAX_PER_PAGE;
export type { EncodingFilter, VideoListQuery } from './resources';

type Method = HmacMethod;
export type PandaParams = Readonly<Record<string, PandaParamValue | undefined>>;

/**
 * The Panda REST API v2 as the 0.3.1 SDK speaks it: every parameter signed in the query string,
 * no request body except files (panda spec §2.1), errors read from the `error` key (spec §5).
 */
export class PandaClient extends VideoApiResources {
  readonly target: UpstreamTarget;
  private readonly http: HmacQueryClient;

  constructor(
    private readonly account: PandaAccountConfig,
    policy?: UpstreamPolicy,
    observer?: UpstreamObserver,
  ) {
    super();
    this.target = { account: account.id, provider: 'panda' };
    this.http = new HmacQueryClient(account.baseUrl ?? PANDA_DEFAULT_BASE_URL, this.target, this.dialect(), policy, observer);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** This client for one request: its calls follow the request's signal and count in its log line. */
  forRequest(scope: RequestScope): PandaClient {
    return viewOf<PandaClient>(this, { http: this.http.forRequest(scope) });
  }

  /** Signs `params` for `method path`: the parameter map a browser uploader sends (spec §3.7). */
  signedParams(method: Method, path: string, params: PandaParams, now = new Date()): Record<string, string> {
    return signedParamsMap(this.sign(method, path, pandaPairs(params), now));
  }

  /** The absolute API URL a browser posts signed params to. */
  apiUrl(path: string): string {
    return this.http.apiUrl(path);
  }

  // clouds (spec §4.1)
  listClouds() {
    return this.call('GET', '/clouds.json', {}, wire.wireCloud.array());
  }
  getCloud(id = this.account.cloudId) {
    return this.call('GET', `/clouds/${id}.json`, {}, wire.wireCloud);
  }

  // videos and profiles with Panda's own parameters (spec §4.2, §4.4); the rest is VideoApiResources
  createVideo(params: { source_url: string; profiles?: string; path_format?: string; payload?: string }) {
    return this.call('POST', '/videos.json', params, wire.wireVideo);
  }
  createProfile(params: PandaParams) {
    return this.call('POST', '/profiles.json', params, wire.wireProfile);
  }
  updateProfile(id: string, params: PandaParams) {
    return this.call('PUT', `/profiles/${id}.json`, params, wire.wireProfile);
  }

  // notifications (spec §4.5): events travel as JSON text, as the 0.3.1 SDK sends them
  getNotifications() {
    return this.call('GET', '/notifications.json', {}, wire.wireNotifications);
  }
  updateNotifications(params: { url?: string | null; delay?: number; events?: Record<string, boolean> }) {
    return this.call('PUT', '/notifications.json', { url: params.url, delay: params.delay, events: params.events && JSON.stringify(params.events) }, wire.wireNotifications);
  }

  // resumable upload (spec §6): the session is created signed; its location is unsigned
  createUploadSession(params: PandaParams) {
    return this.call('POST', '/videos/upload.json', params, wire.wireUploadSession);
  }

  /** Sends bytes (or a status query) to an upload session location; the caller reads status/Range. */
  sendToUploadSession(location: string, headers: Record<string, string>, body: Readable | Buffer | null, method: 'POST' | 'PUT' | 'DELETE' = 'POST') {
    return this.http.sendToLocation(location, headers, body, method);
  }

  private sign(method: Method, path: string, params: readonly QueryPair[], now = new Date()) {
    return signPandaRequest({
      method,
      host: this.http.host,
      path,
      params,
      credentials: { accessKey: this.account.accessKey, secretKey: this.account.secretKey, cloudId: this.account.cloudId },
      timestamp: uniqueTimestamp(now),
    });
  }

  protected call<T>(method: Method, path: string, params: PandaParams, shape: z.ZodType<T>): Promise<T> {
    return this.http.call(method, path, pandaPairs(params), shape);
  }

  /** Panda's dialect: `/v2`, `cloud_id` always signed, errors read from the `error` key (spec §5). */
  private dialect(): HmacQueryDialect {
    return {
      versionPrefix: '/v2',
      sign: (method, _host, path, pairs) => this.sign(method, path, pairs),
      errorOf: (_target, status, json) => {
        const error = wire.wireError.safeParse(json);
        return error.success ? this.apiError(status, error.data.error, error.data.message ?? error.data.error) : undefined;
      },
    };
  }

  /** Panda error classes (spec §5) → DESIGN §6 codes; the provider's message is kept, secrets scrubbed. */
  private apiError(status: number, errorClass: string, message: string) {
    const clean = message.split(this.account.secretKey).join('[redacted]');
    const code =
      errorClass === 'NotAuthorized'
        ? 'PROVIDER_AUTH_FAILED'
        : errorClass === 'RecordNotFound'
          ? 'NOT_FOUND'
          : errorClass === 'FileSizeLimitExceeded'
            ? 'UPLOAD_TOO_LARGE'
            : codeForStatus(status >= 400 ? status : 400);
    return providerError(this.target, code, clean, { providerError: errorClass });
  }
}
