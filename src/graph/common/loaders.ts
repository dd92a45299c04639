import DataLoader from 'dataloader';
import type { ProviderDatasource } from '../../domain/datasource';
import type { FieldSelection } from '../../domain/selection';
import type { EncodingRecord, ProfileRecord, VideoRecord } from '../../domain/types';

/**
 * Per-request, per-account loaders (DESIGN §7): one upstream call per distinct key at most,
 * batched where the provider can batch; list answers prime them so a page costs no extra reads.
 */
export class AccountLoaders {
  readonly video: DataLoader<string, VideoRecord>;
  readonly encodingsByVideo: DataLoader<string, EncodingRecord[]>;
  readonly encoding: DataLoader<string, EncodingRecord>;
  readonly profile: DataLoader<string, ProfileRecord>;
  /** Encodings primed from a listing, and profiles already loaded: resolvers answer them without a promise each. */
  private readonly knownEncodings = new Map<string, EncodingRecord[]>();
  private readonly knownProfiles = new Map<string, ProfileRecord>();
  private readonly listedEncodings = new Map<string, EncodingRecord>();

  /**
   * `selection`: the fields the whole operation selects (their union over every place a video
   * appears), the same for every load of the request. So the key stays the native id: batches stay
   * whole, a media selected in two places is fetched once, list answers prime the same keys, and a
   * cached record always carries every field some part of the operation reads. Keying by fields
   * instead would fetch one media once per distinct selection.
   */
  constructor(
    readonly source: ProviderDatasource,
    selection: () => FieldSelection | null = () => null,
  ) {
    this.video = new DataLoader(async (ids) => {
      const videos = await source.getVideos(ids, selection());
      // encodings that came with the video (Dailymotion assets, Ziggeo streams) cost no further call
      for (const video of videos) {
        if (video instanceof Error) continue;
        const embedded = source.embeddedEncodings?.(video);
        if (embedded) this.primeEncodings(video.nativeId, embedded);
      }
      return videos;
    });
    this.encodingsByVideo = new DataLoader(async (ids) => {
      const lists = await source.getEncodingsByVideo(ids);
      for (const list of lists) if (Array.isArray(list)) this.primeEncodings(null, list);
      return lists;
    });
    // encodings a listing brought are answered from memory: priming each would make a promise per encoding
    this.encoding = new DataLoader(async (ids) => {
      const missing = ids.filter((id) => !this.listedEncodings.has(id));
      const fetched = missing.length === 0 ? [] : await source.getEncodings(missing);
      let next = 0;
      return ids.map((id) => this.listedEncodings.get(id) ?? fetched[next++]!);
    });
    this.profile = new DataLoader(async (keys) => {
      const profiles = await source.getProfiles(keys);
      keys.forEach((key, i) => {
        const profile = profiles[i];
        if (profile !== undefined && !(profile instanceof Error)) this.knownProfiles.set(key, profile);
      });
      return profiles;
    });
  }

  primeVideos(videos: readonly VideoRecord[]): void {
    for (const video of videos) {
      this.video.clear(video.nativeId).prime(video.nativeId, video);
      const embedded = this.source.embeddedEncodings?.(video);
      if (embedded) this.primeEncodings(video.nativeId, embedded);
    }
  }

  primeEncodings(videoId: string | null, encodings: readonly EncodingRecord[]): void {
    if (videoId !== null) {
      this.encodingsByVideo.clear(videoId).prime(videoId, [...encodings]);
      this.knownEncodings.set(videoId, [...encodings]);
    }
    for (const encoding of encodings) {
      this.encoding.clear(encoding.nativeId);
      this.listedEncodings.set(encoding.nativeId, encoding);
    }
  }

  /** Profiles are found by id or by name (Panda, Telestream): prime both keys. */
  primeProfiles(profiles: readonly ProfileRecord[]): void {
    for (const profile of profiles) {
      this.profile.clear(profile.nativeId).prime(profile.nativeId, profile);
      this.profile.clear(profile.name).prime(profile.name, profile);
      this.knownProfiles.set(profile.nativeId, profile).set(profile.name, profile);
    }
  }

  /** A video's encodings when a listing primed them (a copy, as the loader's), else undefined. */
  encodingsNow(videoId: string): EncodingRecord[] | undefined {
    const known = this.knownEncodings.get(videoId);
    return known && [...known];
  }

  /** A profile this request already loaded, else undefined (then `profile.load`). */
  profileNow(key: string): ProfileRecord | undefined {
    return this.knownProfiles.get(key);
  }

  /**
   * Loads the profiles of these encodings in one batch before the page is answered, so each
   * encoding's `profile` is found without a promise (one per encoding otherwise). Failures are left
   * for the field to load and report as before.
   */
  async prefetchProfiles(encodings: readonly EncodingRecord[]): Promise<void> {
    const keys = [...new Set(encodings.map((e) => e.profileNativeId ?? e.profileName).filter((k): k is string => k !== null))];
    if (keys.length > 0) await this.profile.loadMany(keys);
  }

  /** After a write, the next read must go upstream. */
  forgetVideo(videoId: string): void {
    this.video.clear(videoId);
    this.encodingsByVideo.clear(videoId);
    this.knownEncodings.delete(videoId);
  }
}
