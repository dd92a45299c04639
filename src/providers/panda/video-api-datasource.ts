import { badUserInput, VidmeshError } from '../../errors';
import type { ListingSupport } from '../../domain/listing';
import { planPages } from '../../domain/paging';
import type { Capability, EncodingRecord, ProfileRecord, VideoRecord, VideoStatus } from '../../domain/types';
import { mapSettled } from '../../upstream/concurrency';
import { providerError, type UpstreamTarget } from '../../upstream';
import { MAX_COUNTED_BY_LISTING, type CreateEncodingInput, type ProviderDatasource, type VideoCounts, type VideoSliceQuery } from '../../domain/datasource';
import type { RequestScope } from '../../observability/request-scope';
import { viewOf } from '../../upstream/view';
import { VideoApiResources } from './resources';
import type { WireEncoding, WireProfile, WireVideo } from './wire';

/** Parallel single-object calls per batch: neither API has a multi-get. */
const FETCH_CONCURRENCY = 8;

/** Wire → domain for one provider's kinds (PandaVideo / TelestreamVideo, …). */
export interface VideoApiMappers<V extends VideoRecord, E extends EncodingRecord, P extends ProfileRecord> {
  video(accountId: string, v: WireVideo): V;
  /** A listing row's status alone, for counting: no record (ids, dates, 25 fields) is built. */
  videoStatus(raw: string): VideoStatus;
  encoding(accountId: string, e: WireEncoding): E;
  profile(accountId: string, p: WireProfile): P;
}

/** What the shared datasource needs of a Panda or Telestream client. */
export interface VideoApiClient extends VideoApiResources {
  readonly target: UpstreamTarget;
  close(): Promise<void>;
  forRequest(scope: RequestScope): VideoApiClient;
}

/**
 * The common contract for Panda and Telestream (telestream spec: Panda's resource model): listing with
 * page planning, batched single reads, profiles answered by one listing, encoding actions. Each
 * provider adds its own account objects, notifications and create parameters.
 */
export abstract class VideoApiDatasource<V extends VideoRecord, E extends EncodingRecord, P extends ProfileRecord> implements ProviderDatasource {
  abstract readonly provider: 'panda' | 'telestream';
  abstract readonly capabilities: readonly Capability[];

  protected constructor(
    readonly accountId: string,
    readonly client: VideoApiClient,
    private readonly map: VideoApiMappers<V, E, P>,
    /** Normalized → provider status filter; statuses the provider never reports match nothing. */
    private readonly statusFilter: Partial<Record<VideoStatus, string>>,
    /** Refuses ids that would change the signed path (panda spec §1). */
    protected readonly segment: (id: string) => string,
  ) {}

  close(): Promise<void> {
    return this.client.close();
  }

  /** This account for one request: a view whose calls follow the request's signal and count in its log line. */
  forRequest(scope: RequestScope): this {
    return viewOf(this, { client: this.client.forRequest(scope) });
  }

  /** `GET /videos.json` filters by status only and has no sort parameter (panda spec §4.2, telestream §4). */
  readonly listing: ListingSupport = { status: true, tags: false, createdRange: false, titleContains: false, hasTags: false };

  async listVideos(query: VideoSliceQuery): Promise<V[]> {
    let status: string | undefined;
    if (query.status !== undefined) {
      status = this.statusFilter[query.status];
      if (status === undefined) return [];
    }
    if (query.ascending) return this.listOldestFirst(status, query.offset, query.count);
    const pages = await Promise.all(
      planPages(query.offset, query.count, VideoApiResources.MAX_PER_PAGE).map(async (p) =>
        (await this.client.listVideos({ status, page: p.page, perPage: p.perPage })).slice(p.skip, p.skip + p.take),
      ),
    );
    return pages.flat().map((v) => this.map.video(this.accountId, v));
  }

  /**
   * Oldest first without a sort parameter: the list (newest first) is read from its end, found by
   * probing pages of 100 (1, 2, 4, … then bisecting: one call below 100 videos, about 2·log2(n/100) + 1 above, every page read
   * kept for the window). Counting from the end, videos created meanwhile do not move the window.
   */
  private async listOldestFirst(status: string | undefined, offset: number, count: number): Promise<V[]> {
    if (count <= 0) return [];
    const max = VideoApiResources.MAX_PER_PAGE;
    const read = new Map<number, Promise<WireVideo[]>>();
    const page = (n: number) => {
      let rows = read.get(n);
      if (rows === undefined) read.set(n, (rows = this.client.listVideos({ status, page: n, perPage: max })));
      return rows;
    };
    let full = 0;
    let partial = 1;
    while ((await page(partial)).length === max) {
      full = partial;
      partial *= 2;
    }
    while (partial - full > 1) {
      const mid = (full + partial) >> 1;
      if ((await page(mid)).length === max) full = mid;
      else partial = mid;
    }
    const total = full * max + (await page(partial)).length;
    const from = Math.max(0, total - offset - count);
    const to = total - offset;
    if (to <= from) return [];
    const rows: WireVideo[] = [];
    for (let n = Math.floor(from / max) + 1; (n - 1) * max < to; n++) {
      const pageRows = await page(n);
      rows.push(...pageRows.slice(Math.max(0, from - (n - 1) * max), to - (n - 1) * max));
    }
    return rows.reverse().map((v) => this.map.video(this.accountId, v));
  }

  /**
   * No count call: one walk of the listing in pages of 100 (⌊n/100⌋ + 1 calls) answers the total and
   * every status at once; refused past MAX_COUNTED_BY_LISTING videos.
   */
  async videoCounts(): Promise<VideoCounts> {
    const max = VideoApiResources.MAX_PER_PAGE;
    const byStatus: Partial<Record<VideoStatus, number>> = {};
    let total = 0;
    for (let n = 1; ; n++) {
      if (total >= MAX_COUNTED_BY_LISTING) {
        throw new VidmeshError('QUERY_TOO_COMPLEX', `counting needs a walk of the whole listing here; more than ${MAX_COUNTED_BY_LISTING} videos`, {
          account: this.accountId,
          provider: this.provider,
        });
      }
      const rows = await this.client.listVideos({ page: n, perPage: max });
      for (const row of rows) {
        const status = this.map.videoStatus(row.status);
        byStatus[status] = (byStatus[status] ?? 0) + 1;
      }
      total += rows.length;
      if (rows.length < max) return { total, byStatus };
    }
  }

  getVideos(ids: readonly string[]) {
    return mapSettled(ids, FETCH_CONCURRENCY, async (id) => this.map.video(this.accountId, await this.client.getVideo(this.segment(id))));
  }

  getEncodingsByVideo(videoIds: readonly string[]) {
    return mapSettled(videoIds, FETCH_CONCURRENCY, async (id) => (await this.client.listVideoEncodings(this.segment(id))).map((e) => this.map.encoding(this.accountId, e)));
  }

  getEncodings(ids: readonly string[]) {
    return mapSettled(ids, FETCH_CONCURRENCY, async (id) => this.map.encoding(this.accountId, await this.client.getEncoding(this.segment(id))));
  }

  /** One key: one find. Several: the profile list (usually one page) answers them all (panda spec §4.4). */
  async getProfiles(idsOrNames: readonly string[]): Promise<(P | Error)[]> {
    if (idsOrNames.length === 1) {
      return mapSettled(idsOrNames, 1, async (id) => this.map.profile(this.accountId, await this.client.getProfile(this.segment(id))));
    }
    let all: P[];
    try {
      all = await this.listProfiles();
    } catch (error) {
      return idsOrNames.map(() => error as Error);
    }
    return idsOrNames.map((key) => all.find((p) => p.nativeId === key || p.name === key) ?? providerError(this.client.target, 'NOT_FOUND', `no profile "${key}"`));
  }

  async listProfiles(): Promise<P[]> {
    const out: P[] = [];
    for (let page = 1; ; page++) {
      const rows = await this.client.listProfiles(page, VideoApiResources.MAX_PER_PAGE);
      out.push(...rows.map((p) => this.map.profile(this.accountId, p)));
      if (rows.length < VideoApiResources.MAX_PER_PAGE) return out;
    }
  }

  async deleteVideo(id: string): Promise<void> {
    await this.client.deleteVideo(this.segment(id));
  }

  async deleteVideoSource(id: string): Promise<void> {
    await this.client.deleteVideoSource(this.segment(id));
  }

  getVideoMetadata(id: string): Promise<Record<string, unknown>> {
    return this.client.getVideoMetadata(this.segment(id));
  }

  async createEncoding(input: CreateEncodingInput): Promise<E> {
    if (!input.profileId && !input.profileName) throw badUserInput('an encoding needs profileId or profileName');
    const encoding = await this.client.createEncoding({
      video_id: this.segment(input.videoId),
      profile_id: input.profileId ?? undefined,
      profile_name: input.profileName ?? undefined,
    });
    return this.map.encoding(this.accountId, encoding);
  }

  /** Retry and cancel answer a flag only; the encoding is read back for the client. */
  async retryEncoding(id: string): Promise<E> {
    await this.client.retryEncoding(this.segment(id));
    return this.map.encoding(this.accountId, await this.client.getEncoding(this.segment(id)));
  }

  async cancelEncoding(id: string): Promise<E> {
    await this.client.cancelEncoding(this.segment(id));
    return this.map.encoding(this.accountId, await this.client.getEncoding(this.segment(id)));
  }

  async deleteEncoding(id: string): Promise<void> {
    await this.client.deleteEncoding(this.segment(id));
  }

  async deleteProfile(id: string): Promise<void> {
    await this.client.deleteProfile(this.segment(id));
  }
}
