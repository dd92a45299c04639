import { badUserInput } from '../../errors';
import type { FieldSelection } from '../../domain/selection';
import { planPages } from '../../domain/paging';
import { Capability, type VideoRecord } from '../../domain/types';
import { mapSettled } from '../concurrency';
import type { CreateEncodingInput, CreateVideoFromUrl, ProviderDatasource, VideoSliceQuery } from '../types';
import { encodingsOf, KNOWN_PRESETS, mapPreset, parseAssetNativeId, type DailymotionAssetRecord, type DailymotionMediaRecord, type DailymotionPresetRecord } from './map';
import { mediaFieldsFor } from './fields';
import { DailymotionOperations, type MediaListQuery, type SortOrder } from './operations';

/** The page size used for listings; the API's own limit is undocumented (spec §5.1; 100 assumed). */
export const DAILYMOTION_MAX_PER_PAGE = 100;
const FETCH_CONCURRENCY = 8;

const CAPABILITIES: readonly Capability[] = [
  Capability.LIST_VIDEOS,
  Capability.CREATE_VIDEO_FROM_URL,
  Capability.DELETE_VIDEO,
  Capability.VIDEO_METADATA,
  Capability.ENCODINGS,
  Capability.CREATE_ENCODING,
  Capability.RETRY_ENCODING,
  Capability.PROFILES,
  Capability.SIGNED_UPLOAD_PARAMS,
];

/**
 * One Dailymotion Cloud user as a vidmesh account: the common contract (media as videos, assets as
 * encodings, presets as profiles) over the CloudKey operations and signed playback URLs it inherits.
 */
export class DailymotionDatasource extends DailymotionOperations implements ProviderDatasource {
  readonly provider = 'dailymotion' as const;
  readonly capabilities = CAPABILITIES;

  // — the common contract (DESIGN §7) —

  /** Newest first; only the fields the operation selects (`fields.ts`), `assets` too when filtering on status. */
  async listVideos(query: VideoSliceQuery): Promise<DailymotionMediaRecord[]> {
    const sort: SortOrder = [['created', -1]];
    const fields = mediaFieldsFor(query.selection, query.status !== undefined);
    if (query.status === undefined) return this.mediaSlice(query.offset, query.count, { fields, sort });
    // the status is derived from assets, so it is filtered here, walking pages in order (map.ts)
    const matching: DailymotionMediaRecord[] = [];
    for (let page = 1; matching.length < query.offset + query.count; page++) {
      const answer = await this.listMedia({ page, perPage: DAILYMOTION_MAX_PER_PAGE, fields, sort });
      matching.push(...answer.items.filter((m) => m.status === query.status));
      if (page >= answer.pages || answer.items.length === 0) break;
    }
    return matching.slice(query.offset, query.offset + query.count);
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
}
