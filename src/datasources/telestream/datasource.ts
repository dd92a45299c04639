import { badUserInput } from '../../errors';
import { planPages } from '../../domain/paging';
import { mapSettled } from '../concurrency';
import { providerError, type HttpTimeouts, type UpstreamObserver } from '../http';
import { PANDA_CAPABILITIES, profileParams, segment as pandaSegment, STATUS_FILTER, type ProfileOptions } from '../panda/datasource';
import type { CreateEncodingInput, CreateVideoFromUrl, ProviderDatasource, VideoSliceQuery } from '../types';
import { TELESTREAM_MAX_PER_PAGE, TelestreamClient, type EncodingFilter, type TelestreamAccountConfig } from './client';
import { mapEncoding, mapFactory, mapProfile, mapTelestreamNotifications, mapVideo, type TelestreamProfileRecord, type TelestreamVideoRecord } from './map';
import type { TelestreamParams } from './sign';
import { TelestreamUploadSession, type UploadSessionInput, type UploadSource } from './upload';

const FETCH_CONCURRENCY = 8;
const segment = (id: string) => pandaSegment(id, 'Telestream');
type EventFlags = Partial<Record<'videoCreated' | 'videoEncoded' | 'encodingProgress' | 'encodingCompleted', boolean | null>>;

/** One Telestream factory as a vidmesh account (telestream spec §4); capabilities as Panda's. */
export class TelestreamDatasource implements ProviderDatasource {
  readonly provider = 'telestream' as const;
  readonly capabilities = PANDA_CAPABILITIES;
  readonly accountId: string;
  readonly client: TelestreamClient;

  constructor(readonly config: TelestreamAccountConfig, timeouts?: HttpTimeouts, observer?: UpstreamObserver) {
    this.accountId = config.id;
    this.client = new TelestreamClient(config, timeouts, observer);
  }

  close(): Promise<void> {
    return this.client.close();
  }

  // factories
  listFactories = async () => (await this.client.listFactories()).map((f) => mapFactory(this.accountId, f));
  getFactory = async (id?: string) => mapFactory(this.accountId, await this.client.getFactory(id === undefined ? undefined : segment(id)));
  async updateFactory(id: string, changes: { name?: string; uploadOriginalVideo?: boolean; outputsPathFormat?: string }) {
    const params: TelestreamParams = { name: changes.name, upload_original_video: changes.uploadOriginalVideo, outputs_path_format: changes.outputsPathFormat };
    if (Object.values(params).every((v) => v === undefined)) throw badUserInput('nothing to update');
    return mapFactory(this.accountId, await this.client.updateFactory(segment(id), params));
  }

  getNotifications = async () => mapTelestreamNotifications(this.accountId, await this.client.getNotifications());
  /** Every event flag is sent, unset ones as `false` (telestream spec §4, vector T19). */
  async updateNotifications(input: { url?: string | null; delay?: number | null; sendVideoPayload?: boolean | null; events?: EventFlags | null }) {
    const e = input.events ?? {};
    const updated = await this.client.updateNotifications({
      url: input.url ?? undefined,
      delay: input.delay ?? undefined,
      sendVideoPayload: input.sendVideoPayload ?? undefined,
      events: {
        video_created: e.videoCreated ?? false,
        video_encoded: e.videoEncoded ?? false,
        encoding_progress: e.encodingProgress ?? false,
        encoding_completed: e.encodingCompleted ?? false,
      },
    });
    return mapTelestreamNotifications(this.accountId, updated);
  }

  // videos
  async listVideos(query: VideoSliceQuery): Promise<TelestreamVideoRecord[]> {
    let status: string | undefined;
    if (query.status !== undefined) {
      status = STATUS_FILTER[query.status];
      if (status === undefined) return [];
    }
    const pages = await Promise.all(
      planPages(query.offset, query.count, TELESTREAM_MAX_PER_PAGE).map(async (p) =>
        (await this.client.listVideos({ status, page: p.page, perPage: p.perPage })).slice(p.skip, p.skip + p.take),
      ),
    );
    return pages.flat().map((v) => mapVideo(this.accountId, v));
  }

  getVideos(ids: readonly string[]) {
    return mapSettled(ids, FETCH_CONCURRENCY, async (id) => mapVideo(this.accountId, await this.client.getVideo(segment(id))));
  }

  async createVideoFromUrl(input: CreateVideoFromUrl & { pipeline?: Record<string, unknown> | null }): Promise<TelestreamVideoRecord> {
    const profiles = input.profiles == null ? undefined : input.profiles.length === 0 ? 'none' : input.profiles.join(',');
    const video = await this.client.createVideo({
      source_url: input.sourceUrl,
      profiles,
      path_format: input.pathFormat ?? undefined,
      payload: input.payload ?? undefined,
      pipeline: input.pipeline ?? undefined,
    });
    return mapVideo(this.accountId, video);
  }

  deleteVideo = async (id: string): Promise<void> => void (await this.client.deleteVideo(segment(id)));
  deleteVideoSource = async (id: string): Promise<void> => void (await this.client.deleteVideoSource(segment(id)));
  getVideoMetadata = (id: string): Promise<Record<string, unknown>> => this.client.getVideoMetadata(segment(id));

  // encodings
  getEncodingsByVideo(videoIds: readonly string[]) {
    return mapSettled(videoIds, FETCH_CONCURRENCY, async (id) => (await this.client.listVideoEncodings(segment(id))).map((e) => mapEncoding(this.accountId, e)));
  }

  getEncodings(ids: readonly string[]) {
    return mapSettled(ids, FETCH_CONCURRENCY, async (id) => mapEncoding(this.accountId, await this.client.getEncoding(segment(id))));
  }

  listEncodings = async (filter: EncodingFilter = {}) => (await this.client.listEncodings(filter)).map((e) => mapEncoding(this.accountId, e));

  async createEncoding(input: CreateEncodingInput) {
    if (!input.profileId && !input.profileName) throw badUserInput('an encoding needs profileId or profileName');
    const e = await this.client.createEncoding({ video_id: segment(input.videoId), profile_id: input.profileId ?? undefined, profile_name: input.profileName ?? undefined });
    return mapEncoding(this.accountId, e);
  }

  async retryEncoding(id: string) {
    await this.client.retryEncoding(segment(id));
    return mapEncoding(this.accountId, await this.client.getEncoding(id));
  }

  async cancelEncoding(id: string) {
    await this.client.cancelEncoding(segment(id));
    return mapEncoding(this.accountId, await this.client.getEncoding(id));
  }

  deleteEncoding = async (id: string): Promise<void> => void (await this.client.deleteEncoding(segment(id)));

  // profiles
  async getProfiles(idsOrNames: readonly string[]): Promise<(TelestreamProfileRecord | Error)[]> {
    if (idsOrNames.length === 1) return mapSettled(idsOrNames, 1, async (id) => mapProfile(this.accountId, await this.client.getProfile(segment(id))));
    let all: TelestreamProfileRecord[];
    try {
      all = await this.listProfiles();
    } catch (error) {
      return idsOrNames.map(() => error as Error);
    }
    return idsOrNames.map((key) => all.find((p) => p.nativeId === key || p.name === key) ?? providerError(this.client.target, 'NOT_FOUND', `no profile "${key}"`));
  }

  async listProfiles(): Promise<TelestreamProfileRecord[]> {
    const out: TelestreamProfileRecord[] = [];
    for (let page = 1; ; page++) {
      const rows = await this.client.listProfiles(page, TELESTREAM_MAX_PER_PAGE);
      out.push(...rows.map((p) => mapProfile(this.accountId, p)));
      if (rows.length < TELESTREAM_MAX_PER_PAGE) return out;
    }
  }

  async createProfile(options: ProfileOptions) {
    if (!options.presetName) throw badUserInput('a Telestream profile is created from a preset (presetName)');
    return mapProfile(this.accountId, await this.client.createProfile(profileParams(options)));
  }

  async updateProfile(id: string, options: ProfileOptions) {
    const params = profileParams(options);
    if (Object.values(params).every((v) => v === undefined)) throw badUserInput('nothing to update');
    return mapProfile(this.accountId, await this.client.updateProfile(segment(id), params));
  }

  deleteProfile = async (id: string): Promise<void> => void (await this.client.deleteProfile(segment(id)));

  // uploads (spec §6) and browser signing (spec §2.7)
  startUpload = (input: UploadSessionInput, concurrency = 8) => TelestreamUploadSession.create(this.client, input, concurrency);

  /** Creates a session and sends every part; a failure leaves the session for `resume`. */
  async upload(input: UploadSessionInput, source: UploadSource, concurrency = 8): Promise<TelestreamUploadSession> {
    const session = await this.startUpload(input, concurrency);
    await session.send(source);
    return session;
  }

  signedParams(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, params: TelestreamParams, now = new Date()) {
    return { url: this.client.apiUrl(path), method, params: this.client.signedParams(method, path, params, now) };
  }
}
