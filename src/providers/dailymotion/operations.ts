import { VidmeshError } from '../../errors';
import type { UpstreamPolicy, UpstreamObserver } from '../../upstream';
import { providerError } from '../../upstream';
import type { RpcArgs, RpcValue } from './auth';
import { CloudKeyClient, type CloudKeyClientOptions, type DailymotionAccountConfig } from './client';
import { mapAssets, mapMedia, mapUser, type DailymotionAssetRecord, type DailymotionMediaRecord } from './map';
import { DailymotionPlayback, type SigningOverrides } from './playback';
import type { UploadSource } from './upload';
import { DEFAULT_CDN_URL } from './urls';
import * as wire from './wire';
import { DEFAULT_MEDIA_FIELDS } from './fields';
import type { RequestScope } from '../../observability/request-scope';
import { viewOf } from '../../upstream/view';

export type SortOrder = readonly (readonly [string, 1 | -1])[];

export interface MediaListQuery {
  readonly page?: number;
  readonly perPage?: number;
  /** Dotted paths (`id`, `meta.title`, `assets.mp4_h264_aac.stream_url`…); `id` is always added. */
  readonly fields?: readonly string[] | null;
  /** Mongo-like: dotted path → value (spec §5.1). */
  readonly filter?: RpcArgs | null;
  readonly sort?: SortOrder | null;
}

export interface MediaPage {
  readonly items: DailymotionMediaRecord[];
  readonly page: number;
  readonly pages: number;
  readonly total: number | null;
}

export interface CreateMediaInput {
  /** Source URL, typically an upload's `url` (spec §6). */
  readonly url?: string | null;
  /** Assets (presets) to encode; absent = the account's active assets. */
  readonly assetNames?: readonly string[] | null;
  readonly meta?: Readonly<Record<string, string>> | null;
}

export interface UploadTicket {
  readonly url: string;
  readonly statusUrl: string | null;
}

export interface UploadedFile {
  readonly url: string;
  readonly name: string;
  readonly size: number;
}

export type ThumbnailSource = { readonly url: string } | { readonly timecode: string; readonly force?: boolean };

export interface DailymotionDatasourceOptions extends CloudKeyClientOptions {
  /** Clock and randomness of signed URLs and DRM tokens (tests, reproducible output). */
  readonly signing?: SigningOverrides;
}

const withId = (fields: readonly string[] | null | undefined): string[] | undefined => (fields ? (fields.includes('id') ? [...fields] : ['id', ...fields]) : undefined);

/**
 * Every CloudKey operation of one user, one RPC each (dailymotion spec §5, §6), on top of the local
 * signed playback URLs (spec §7). Results are domain records; errors are DESIGN §6 codes.
 */
export class DailymotionOperations extends DailymotionPlayback {
  readonly accountId: string;
  readonly client: CloudKeyClient;

  constructor(
    readonly config: DailymotionAccountConfig,
    policy?: UpstreamPolicy,
    observer?: UpstreamObserver,
    options: DailymotionDatasourceOptions = {},
  ) {
    const client = new CloudKeyClient(config, policy, observer, options);
    super({ userId: config.userId, apiKey: config.apiKey, baseUrl: client.baseUrl, cdnUrl: (config.cdnUrl ?? DEFAULT_CDN_URL).replace(/\/+$/, '') }, options.signing);
    this.accountId = config.id;
    this.client = client;
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /** This account for one request: a view whose calls follow the request's signal and count in its log line. */
  forRequest(scope: RequestScope): this {
    return viewOf(this, { client: this.client.forRequest(scope) });
  }

  protected notFound(message: string) {
    return providerError(this.client.target, 'NOT_FOUND', message);
  }

  // — media (spec §5.1) —

  async listMedia(q: MediaListQuery = {}): Promise<MediaPage> {
    const fields = withId(q.fields);
    const args: RpcArgs = { page: q.page, per_page: q.perPage, fields, filter: q.filter ?? undefined, sort: q.sort ? q.sort.map(([f, d]) => [f, d]) : undefined };
    const answer = await this.client.callAs('media.list', args, wire.wireMediaList);
    return { items: answer.list.map((m) => mapMedia(this.accountId, m)), page: answer.page, pages: answer.pages, total: answer.total ?? null };
  }

  countMedia(filter?: RpcArgs | null): Promise<number> {
    return this.client.callAs('media.count', { filter: filter ?? undefined }, wire.wireCount);
  }

  /** `media.info`; `fields` narrows the answer (spec §5.1), default: what a VideoRecord needs. */
  async getMedia(id: string, fields: readonly string[] | null = DEFAULT_MEDIA_FIELDS): Promise<DailymotionMediaRecord> {
    const answer = await this.client.callAs('media.info', { id, fields: withId(fields) }, wire.wireMedia);
    return mapMedia(this.accountId, answer);
  }

  /** `media.create`; the new media's id. */
  async createMedia(input: CreateMediaInput = {}): Promise<string> {
    const args: RpcArgs = { url: input.url ?? undefined, assets_names: input.assetNames ? [...input.assetNames] : undefined, meta: input.meta ?? undefined };
    return (await this.client.callAs('media.create', args, wire.wireCreated)).id;
  }

  async deleteMedia(id: string): Promise<void> {
    await this.client.call('media.delete', { id });
  }

  getMeta(id: string, keys?: readonly string[] | null): Promise<Record<string, unknown>> {
    return this.client.callAs('media.get_meta', { id, keys: keys ? [...keys] : undefined }, wire.wireMeta);
  }

  async setMeta(id: string, meta: Readonly<Record<string, RpcValue>>): Promise<void> {
    await this.client.call('media.set_meta', { id, meta });
  }

  async removeMeta(id: string, keys: readonly string[]): Promise<void> {
    await this.client.call('media.remove_meta', { id, keys: [...keys] });
  }

  /** `media.get_assets`: every asset including `source`, or the named ones (1010 when one is absent). */
  async getAssets(id: string, names?: readonly string[] | null): Promise<DailymotionAssetRecord[]> {
    const answer = await this.client.callAs('media.get_assets', { id, assets_names: names ? [...names] : undefined }, wire.wireAssets);
    return mapAssets(this.accountId, id, answer);
  }

  async getAsset(id: string, name: string): Promise<DailymotionAssetRecord> {
    const [asset] = await this.getAssets(id, [name]);
    if (!asset) throw this.notFound(`media ${id} has no asset ${name}`);
    return asset;
  }

  /** `media.set_assets`: `{name:'source', url}` sets the source; `{name}` queues an encoding (spec §5.1). */
  async setAssets(id: string, assets: readonly { readonly name: string; readonly url?: string | null }[]): Promise<void> {
    await this.client.call('media.set_assets', { id, assets: assets.map((a) => ({ name: a.name, url: a.url ?? undefined })) });
  }

  /** `media.set_thumbnail` from a JPEG URL or a `HH:MM:SS.mm` timecode (spec §5.1). */
  async setThumbnail(id: string, source: ThumbnailSource): Promise<void> {
    const args: RpcArgs = 'url' in source ? { id, url: source.url } : { id, timecode: source.timecode, force: source.force };
    await this.client.call('media.set_thumbnail', args);
  }

  // — user and encoding settings (spec §5.3, §5.4) —

  async whoami() {
    return mapUser(this.accountId, await this.client.callAs('user.whoami', {}, wire.wireUser));
  }

  async userInfo(id?: string | null) {
    return mapUser(this.accountId, await this.client.callAs('user.info', { id: id ?? undefined }, wire.wireUser));
  }

  activeAssets(): Promise<string[]> {
    return this.client.callAs('encoding_settings.get_active_assets', {}, wire.wireStringList);
  }

  async enableAsset(asset: string): Promise<void> {
    await this.client.call('encoding_settings.enable_asset', { asset });
  }

  async disableAsset(asset: string): Promise<void> {
    await this.client.call('encoding_settings.disable_asset', { asset });
  }

  getAssetSetting(asset: string, setting: string): Promise<string | null> {
    return this.client.callAs('encoding_settings.get_asset_setting', { asset, setting }, wire.wireSetting);
  }

  /** The setting's value, null when the account never set it (the API answers 1010 then). */
  async assetSetting(asset: string, setting: string): Promise<string | null> {
    try {
      return await this.getAssetSetting(asset, setting);
    } catch (error) {
      if (error instanceof VidmeshError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  async setAssetSetting(asset: string, setting: string, value: string): Promise<void> {
    await this.client.call('encoding_settings.set_asset_setting', { asset, setting, value });
  }

  async resetEncodingSettings(): Promise<void> {
    await this.client.call('encoding_settings.reset', {});
  }

  // — upload (spec §6) —

  /** `file.upload`: where a browser posts the form field `file`; `target` gets the result after. */
  async uploadTicket(options: { target?: string | null; status?: boolean | null; jsonpCallback?: string | null } = {}): Promise<UploadTicket> {
    const args: RpcArgs = { target: options.target ?? undefined, status: options.status ?? undefined, jsonp_cb: options.jsonpCallback ?? undefined };
    const ticket = await this.client.callAs('file.upload', args, wire.wireUploadTicket);
    return { url: ticket.url, statusUrl: ticket.status ?? null };
  }

  /** `file.upload` then the multipart POST, streamed: the URL to give `createMedia` (spec §6). */
  async uploadFile(source: UploadSource): Promise<UploadedFile> {
    const ticket = await this.client.callAs('file.upload', {}, wire.wireUploadTicket);
    const result = await this.client.upload(ticket.url, source);
    return { url: result.url, name: result.name, size: result.size };
  }

  /** Upload, then `media.create(url, assets_names, meta.title = name)` as examples.py does (spec §6). */
  async createMediaFromUpload(source: UploadSource, input: Omit<CreateMediaInput, 'url'> = {}): Promise<DailymotionMediaRecord> {
    const file = await this.uploadFile(source);
    const id = await this.createMedia({ ...input, url: file.url, meta: { title: file.name, ...input.meta } });
    return this.getMedia(id);
  }
}
