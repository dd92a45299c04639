import { badUserInput, VidmeshError } from '../../errors';
import type { ListingSupport } from '../../domain/listing';
import type { FieldSelection } from '../../domain/selection';
import { planPages } from '../../domain/paging';
import { Capability, type VideoRecord, type VideoStatus } from '../../domain/types';
import { mapSettled } from '../../upstream/concurrency';
import type { RpcArgs } from './auth';
import {
  MAX_COUNTED_BY_LISTING,
  type CreateEncodingInput,
  type CreateVideoFromUrl,
  type ProviderDatasource,
  type VideoCounts,
  type VideoSliceQuery,
} from '../../domain/datasource';
import { sendWhole } from '../../upstream/upload-chunks';
import type { UploadBody, UploadHooks, UploadVideoInput } from '../../domain/upload';
import { encodingsOf, KNOWN_PRESETS, mapPreset, parseAssetNativeId, type DailymotionAssetRecord, type DailymotionMediaRecord, type DailymotionPresetRecord } from './map';
import { mediaFieldsFor } from './fields';
import { DailymotionOperations, type MediaListQuery, type SortOrder } from './operations';
import { playbackSigner } from './playback-signer';
import type { PlaybackSigner } from '../../domain/playback';
import type { CompleteRequest, TicketFinish, TicketRequest, UploadTicketDraft } from '../../domain/direct-upload';
import { httpUrl } from '../../domain/validate';

/** The page size used for listings; the API's own limit is undocumented (spec §5.1; 100 assumed). */
export const DAILYMOTION_MAX_PER_PAGE = 100;
const FETCH_CONCURRENCY = 8;

export const DAILYMOTION_CAPABILITIES: readonly Capability[] = [
  Capability.LIST_VIDEOS,
  Capability.CREATE_VIDEO_FROM_URL,
  Capability.DELETE_VIDEO,
  Capability.VIDEO_METADATA,
  Capability.ENCODINGS,
  Capability.CREATE_ENCODING,
  Capability.RETRY_ENCODING,
  Capability.PROFILES,
  Capability.SIGNED_UPLOAD_PARAMS,
  Capability.UPLOAD_FILE,
  Capability.DIRECT_UPLOAD,
];

/** `created` is Unix seconds: [after, before) in ms becomes whole seconds (`$gte`, `$lt`). */
function createdFilter(after: Date | undefined, before: Date | undefined): RpcArgs | null {
  if (!after && !before) return null;
  const range: Record<string, number> = {};
  if (after) range.$gte = Math.ceil(after.getTime() / 1000);
  if (before) range.$lt = Math.ceil(before.getTime() / 1000);
  return { created: range };
}

/**
 * One Dailymotion Cloud user as a vidmesh account: the common contract (media as videos, assets as
 * encodings, presets as profiles) over the CloudKey operations and signed playback URLs it inherits.
 */
export class DailymotionDatasource extends DailymotionOperations implements ProviderDatasource {
  readonly provider = 'dailymotion' as const;
  readonly capabilities = DAILYMOTION_CAPABILITIES;
  /** Signed stream and player URLs, DRM tokens: what this class inherits, as the generic graph calls it. */
  readonly playback: PlaybackSigner = playbackSigner(this);

  // — the common contract (DESIGN §7) —

  /**
   * `media.list` sorts by any field and filters Mongo-like (spec §5.1): creation order both ways, the
   * created range and ordering by title (`meta.title`) go upstream. The status is derived from the
   * assets (map.ts): the gateway filters it. Only the fields the operation selects are asked for
   * (`fields.ts`), plus what a filter or order reads: `assets` for the status, `meta.title` for titles.
   */
  readonly listing: ListingSupport = { status: false, tags: false, createdRange: true, titleContains: false, hasTags: false, sortByTitle: true };

  async listVideos(query: VideoSliceQuery): Promise<DailymotionMediaRecord[]> {
    const sort: SortOrder = [[query.sortBy === 'title' ? 'meta.title' : 'created', query.ascending ? 1 : -1]];
    const filter = createdFilter(query.createdAfter, query.createdBefore);
    const fields = mediaFieldsFor(query.selection, query.status !== undefined || query.reads?.status === true);
    if ((query.reads?.title || query.sortBy === 'title') && !fields.includes('meta')) fields.push('meta.title');
    if (query.status === undefined) return this.mediaSlice(query.offset, query.count, { fields, sort, filter });
    // the status is derived from assets, so it is filtered here, walking pages in order (map.ts)
    const matching: DailymotionMediaRecord[] = [];
    for (let page = 1; matching.length < query.offset + query.count; page++) {
      const answer = await this.listMedia({ page, perPage: DAILYMOTION_MAX_PER_PAGE, fields, sort, filter });
      matching.push(...answer.items.filter((m) => m.status === query.status));
      if (page >= answer.pages || answer.items.length === 0) break;
    }
    return matching.slice(query.offset, query.offset + query.count);
  }

  /**
   * The total is one `media.count`. Statuses are derived from the assets, which no count call sees: they
   * take one walk of `media.list` (fields `id`, `assets`; ⌈n/100⌉ calls), refused past MAX_COUNTED_BY_LISTING.
   */
  async videoCounts(byStatus: boolean): Promise<VideoCounts> {
    if (!byStatus) return { total: await this.countMedia(), byStatus: null };
    const counts: Partial<Record<VideoStatus, number>> = {};
    let total = 0;
    for (let page = 1; ; page++) {
      const answer = await this.listMedia({ page, perPage: DAILYMOTION_MAX_PER_PAGE, fields: ['id', 'assets'], sort: [['created', -1]] });
      for (const media of answer.items) counts[media.status] = (counts[media.status] ?? 0) + 1;
      total += answer.items.length;
      if (page >= answer.pages || answer.items.length < DAILYMOTION_MAX_PER_PAGE) return { total, byStatus: counts };
      if (total >= MAX_COUNTED_BY_LISTING) {
        throw new VidmeshError('QUERY_TOO_COMPLEX', `counting by status walks every media here; more than ${MAX_COUNTED_BY_LISTING}`, {
          account: this.accountId,
          provider: this.provider,
        });
      }
    }
  }

  /** Items [offset, offset + count) of `media.list` in the fewest page calls (one when a page size fits). */
  async mediaSlice(offset: number, count: number, query: Omit<MediaListQuery, 'page' | 'perPage'>): Promise<DailymotionMediaRecord[]> {
    const pages = await Promise.all(
      planPages(offset, count, DAILYMOTION_MAX_PER_PAGE).map(async (p) => {
        const page = await this.listMedia({ ...query, page: p.page, perPage: p.perPage });
        return page.items.slice(p.skip, p.skip + p.take);
      }),
    );
    return pages.flat();
  }

  /** `media.info` for each id, with the fields the operation selects (all when unknown). */
  getVideos(ids: readonly string[], selection?: FieldSelection | null) {
    const fields = mediaFieldsFor(selection);
    return mapSettled(ids, FETCH_CONCURRENCY, (id) => this.getMedia(id, fields));
  }

  /** Listed media carry their assets when `assets` is among the fields: loaders take them without a call. */
  embeddedEncodings(video: VideoRecord): readonly DailymotionAssetRecord[] | null {
    return video.kind === 'DailymotionMedia' ? encodingsOf(video as DailymotionMediaRecord) : null;
  }

  /** The media's assets less `source`, which is the original, not an encoding (`encodingsOf`). */
  getEncodingsByVideo(videoIds: readonly string[]) {
    return mapSettled(videoIds, FETCH_CONCURRENCY, async (id) => (await this.getAssets(id)).filter((a) => a.name !== 'source'));
  }

  /** One `get_assets` per media however many of its assets are asked for. */
  async getEncodings(ids: readonly string[]): Promise<(DailymotionAssetRecord | Error)[]> {
    const parsed = ids.map((id) => parseAssetNativeId(id));
    const mediaIds = [...new Set(parsed.flatMap((p) => (p ? [p.mediaId] : [])))];
    const lists = await mapSettled(mediaIds, FETCH_CONCURRENCY, (id) => this.getAssets(id));
    const byMedia = new Map(mediaIds.map((id, i) => [id, lists[i]!]));
    return ids.map((id, i) => {
      const p = parsed[i];
      if (!p) return badUserInput(`"${id.slice(0, 60)}" is not a Dailymotion asset id`, { field: 'id' });
      const list = byMedia.get(p.mediaId)!;
      if (list instanceof Error) return list;
      return list.find((a) => a.name === p.name) ?? this.notFound(`media ${p.mediaId} has no asset ${p.name}`);
    });
  }

  async getProfiles(names: readonly string[]): Promise<(DailymotionPresetRecord | Error)[]> {
    let all: DailymotionPresetRecord[];
    try {
      all = await this.listProfiles();
    } catch (error) {
      return names.map(() => error as Error);
    }
    return names.map((name) => all.find((p) => p.name === name) ?? this.notFound(`no asset preset "${name}"`));
  }

  /** The known presets and the account's active ones, flagged (one `encoding_settings` call). */
  async listProfiles(): Promise<DailymotionPresetRecord[]> {
    const active = await this.activeAssets();
    const names = [...new Set([...KNOWN_PRESETS, ...active])];
    return names.map((name) => mapPreset(this.accountId, name, active.includes(name)));
  }

  /** `media.create` with the source URL and presets in one call ("publish", spec §5.1), then read back. */
  async createVideoFromUrl(input: CreateVideoFromUrl): Promise<DailymotionMediaRecord> {
    if (input.pathFormat) throw badUserInput('pathFormat is not supported by Dailymotion', { field: 'pathFormat' });
    const meta: Record<string, string> = {};
    if (input.title) meta.title = input.title;
    if (input.payload) meta.payload = input.payload;
    const id = await this.createMedia({ url: input.sourceUrl, assetNames: input.profiles, meta: Object.keys(meta).length ? meta : null });
    return this.getMedia(id);
  }

  /** Upload (spec §6 step 3, streamed), then `media.create` with the presets and `meta.title`. */
  async uploadVideo(input: UploadVideoInput, body: UploadBody, hooks: UploadHooks): Promise<DailymotionMediaRecord> {
    if (input.pathFormat) throw badUserInput('pathFormat is not supported by Dailymotion', { field: 'pathFormat' });
    const meta: Record<string, string> = {};
    if (input.title) meta.title = input.title;
    if (input.payload) meta.payload = input.payload;
    const file = await sendWhole(body, hooks, (stream) => this.uploadFile({ body: stream, size: body.size, fileName: body.fileName, contentType: body.contentType }));
    const id = await this.createMedia({ url: file.url, assetNames: input.profiles, meta: { title: file.name, ...meta } });
    return this.getMedia(id);
  }

  deleteVideo(id: string): Promise<void> {
    return this.deleteMedia(id);
  }

  /** Queues one asset (`set_assets`), then reads it back. */
  async createEncoding(input: CreateEncodingInput): Promise<DailymotionAssetRecord> {
    const name = input.profileName ?? input.profileId;
    if (!name) throw badUserInput('an asset needs a preset name', { field: 'profileName' });
    await this.setAssets(input.videoId, [{ name }]);
    return this.getAsset(input.videoId, name);
  }

  /** Queues the asset again with `set_assets` (re-processing semantics unconfirmed, spec §5.1). */
  async retryEncoding(id: string): Promise<DailymotionAssetRecord> {
    const p = parseAssetNativeId(id);
    if (!p) throw badUserInput(`"${id.slice(0, 60)}" is not a Dailymotion asset id`, { field: 'id' });
    await this.setAssets(p.mediaId, [{ name: p.name }]);
    return this.getAsset(p.mediaId, p.name);
  }

  /** The account object of `Account.details`: the user. */
  accountDetails() {
    return this.whoami();
  }

  /** A direct upload: an upload-server URL the browser posts the file to (spec §6). */
  async openUploadTicket(request: TicketRequest): Promise<UploadTicketDraft> {
    if (request.video.pathFormat) throw badUserInput('pathFormat is not supported by Dailymotion', { field: 'pathFormat' });
    const { url } = await this.uploadTicket();
    return {
      protocol: 'MULTIPART_FORM',
      url,
      fields: [],
      fileField: 'file',
      partSize: null,
      parts: null,
      sessionRequest: null,
      finish: { provider: 'dailymotion', video: request.video },
    };
  }

  /** The media is created now, from the file the upload server answered (`uploadedUrl`). */
  completeUploadTicket(finish: TicketFinish, _fileSize: number, request: CompleteRequest): Promise<DailymotionMediaRecord> {
    if (!request.uploadedUrl) throw badUserInput('uploadedUrl: the url the upload server answered is required for Dailymotion', { field: 'uploadedUrl' });
    httpUrl(request.uploadedUrl, 'uploadedUrl');
    const video = finish.video as UploadVideoInput;
    return this.createVideoFromUrl({ sourceUrl: request.uploadedUrl, title: video.title ?? undefined, profiles: video.profiles, payload: video.payload });
  }
}
