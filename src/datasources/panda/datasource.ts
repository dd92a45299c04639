import type { PandaAccountConfig } from '../../config';
import { badUserInput } from '../../errors';
import { planPages } from '../../domain/paging';
import { Capability, VideoStatus } from '../../domain/types';
import { mapSettled } from '../concurrency';
import { providerError, type HttpTimeouts, type UpstreamObserver } from '../http';
import type { CreateEncodingInput, CreateVideoFromUrl, ProviderDatasource, VideoSliceQuery } from '../types';
import { PANDA_MAX_PER_PAGE, PandaClient, type PandaParams } from './client';
import { mapCloud, mapEncoding, mapNotifications, mapProfile, mapVideo, type PandaEncodingRecord, type PandaProfileRecord, type PandaVideoRecord } from './map';

/** Parallel single-object calls per batch: the API has no multi-get. */
const FETCH_CONCURRENCY = 8;

export const PANDA_CAPABILITIES: readonly Capability[] = [
  Capability.LIST_VIDEOS,
  Capability.FILTER_VIDEOS_BY_STATUS,
  Capability.CREATE_VIDEO_FROM_URL,
  Capability.DELETE_VIDEO,
  Capability.DELETE_VIDEO_SOURCE,
  Capability.VIDEO_METADATA,
  Capability.ENCODINGS,
  Capability.CREATE_ENCODING,
  Capability.RETRY_ENCODING,
  Capability.CANCEL_ENCODING,
  Capability.DELETE_ENCODING,
  Capability.PROFILES,
  Capability.MANAGE_PROFILES,
  Capability.NOTIFICATIONS,
  Capability.SIGNED_UPLOAD_PARAMS,
  Capability.RESUMABLE_UPLOAD,
];

/** Normalized → Panda video status filter; statuses Panda never reports match nothing (spec §4.2). */
export const STATUS_FILTER: Partial<Record<VideoStatus, string>> = {
  [VideoStatus.PROCESSING]: 'processing',
  [VideoStatus.READY]: 'success',
  [VideoStatus.FAILED]: 'fail',
};

/** Path segments are signed raw and sent escaped (spec §1): refuse what would change the path. */
export function segment(id: string, provider = 'Panda'): string {
  if (id.length === 0 || id.length > 256 || /[/?#\\\u0000-\u001f]/.test(id) || id === '.' || id === '..') {
    throw badUserInput(`"${id.slice(0, 40)}" is not a valid ${provider} id`);
  }
  return id;
}

export interface ProfileOptions {
  readonly presetName?: string | null;
  readonly command?: string | null;
  readonly name?: string | null;
  readonly title?: string | null;
  readonly extname?: string | null;
  readonly width?: number | null;
  readonly height?: number | null;
  readonly videoBitrate?: number | null;
  readonly audioBitrate?: number | null;
  readonly aspectMode?: string | null;
  readonly upscale?: boolean | null;
  readonly twoPass?: boolean | null;
  readonly fps?: number | null;
  readonly keyframeInterval?: number | null;
  readonly audioSampleRate?: number | null;
  readonly audioChannels?: number | null;
  readonly frameCount?: number | null;
  readonly watermarkUrl?: string | null;
}

/** Shared with Telestream, whose profile fields are Panda's (telestream spec §5). */
export function profileParams(o: ProfileOptions): PandaParams {
  const v = <T>(x: T | null | undefined): T | undefined => (x === null ? undefined : x);
  return {
    preset_name: v(o.presetName),
    command: v(o.command),
    name: v(o.name),
    title: v(o.title),
    extname: v(o.extname),
    width: v(o.width),
    height: v(o.height),
    video_bitrate: v(o.videoBitrate),
    audio_bitrate: v(o.audioBitrate),
    aspect_mode: v(o.aspectMode),
    upscale: v(o.upscale),
    two_pass: v(o.twoPass),
    fps: v(o.fps),
    keyframe_interval: v(o.keyframeInterval),
    audio_sample_rate: v(o.audioSampleRate),
    audio_channels: v(o.audioChannels),
    frame_count: v(o.frameCount),
    watermark_url: v(o.watermarkUrl),
  };
}

/** One Panda cloud as a vidmesh account: the common contract plus Panda's own operations. */
export class PandaDatasource implements ProviderDatasource {
  readonly provider = 'panda' as const;
  readonly capabilities = PANDA_CAPABILITIES;
  readonly accountId: string;
  readonly client: PandaClient;

  constructor(readonly config: PandaAccountConfig, timeouts?: HttpTimeouts, observer?: UpstreamObserver) {
    this.accountId = config.id;
    this.client = new PandaClient(config, timeouts, observer);
  }

  close(): Promise<void> {
    return this.client.close();
  }

  async listVideos(query: VideoSliceQuery): Promise<PandaVideoRecord[]> {
    let status: string | undefined;
    if (query.status !== undefined) {
      status = STATUS_FILTER[query.status];
      if (status === undefined) return [];
    }
    const pages = await Promise.all(
      planPages(query.offset, query.count, PANDA_MAX_PER_PAGE).map(async (p) => {
        const rows = await this.client.listVideos({ status, page: p.page, perPage: p.perPage });
        return rows.slice(p.skip, p.skip + p.take);
      }),
    );
    return pages.flat().map((v) => mapVideo(this.accountId, v));
  }

  getVideos(ids: readonly string[]) {
    return mapSettled(ids, FETCH_CONCURRENCY, async (id) => mapVideo(this.accountId, await this.client.getVideo(segment(id))));
  }

  getEncodingsByVideo(videoIds: readonly string[]) {
    return mapSettled(videoIds, FETCH_CONCURRENCY, async (id) =>
      (await this.client.listVideoEncodings(segment(id))).map((e) => mapEncoding(this.accountId, e)),
    );
  }

  getEncodings(ids: readonly string[]) {
    return mapSettled(ids, FETCH_CONCURRENCY, async (id) => mapEncoding(this.accountId, await this.client.getEncoding(segment(id))));
  }

  /** One key: one find. Several: the profile list (usually one page) answers them all (spec §4.4). */
  async getProfiles(idsOrNames: readonly string[]): Promise<(PandaProfileRecord | Error)[]> {
    if (idsOrNames.length === 1) {
      return mapSettled(idsOrNames, 1, async (id) => mapProfile(this.accountId, await this.client.getProfile(segment(id))));
    }
    let all: PandaProfileRecord[];
    try {
      all = await this.listProfiles();
    } catch (error) {
      return idsOrNames.map(() => error as Error);
    }
    return idsOrNames.map(
      (key) =>
        all.find((p) => p.nativeId === key || p.name === key) ??
        providerError({ account: this.accountId, provider: 'panda' }, 'NOT_FOUND', `no profile "${key}"`),
    );
  }

  async listProfiles(): Promise<PandaProfileRecord[]> {
    const out: PandaProfileRecord[] = [];
    for (let page = 1; ; page++) {
      const rows = await this.client.listProfiles(page, PANDA_MAX_PER_PAGE);
      out.push(...rows.map((p) => mapProfile(this.accountId, p)));
      if (rows.length < PANDA_MAX_PER_PAGE) return out;
    }
  }

  async createVideoFromUrl(input: CreateVideoFromUrl): Promise<PandaVideoRecord> {
    if (input.payload && input.payload.length > 256) throw badUserInput('payload: at most 256 characters for Panda');
    const profiles = input.profiles == null ? undefined : input.profiles.length === 0 ? 'none' : input.profiles.join(',');
    const video = await this.client.createVideo({
      source_url: input.sourceUrl,
      profiles,
      path_format: input.pathFormat ?? undefined,
      payload: input.payload ?? undefined,
    });
    return mapVideo(this.accountId, video);
  }

  async deleteVideo(id: string): Promise<void> {
    await this.client.deleteVideo(segment(id));
  }

  async deleteVideoSource(id: string): Promise<void> {
    await this.client.deleteVideoSource(segment(id));
  }

  async getVideoMetadata(id: string): Promise<Record<string, unknown>> {
    return this.client.getVideoMetadata(segment(id));
  }

  async createEncoding(input: CreateEncodingInput): Promise<PandaEncodingRecord> {
    const encoding = await this.client.createEncoding({
      video_id: segment(input.videoId),
      profile_id: input.profileId ?? undefined,
      profile_name: input.profileName ?? undefined,
    });
    return mapEncoding(this.accountId, encoding);
  }

  /** Retry and cancel answer a flag only; the encoding is read back for the client. */
  async retryEncoding(id: string): Promise<PandaEncodingRecord> {
    await this.client.retryEncoding(segment(id));
    return mapEncoding(this.accountId, await this.client.getEncoding(id));
  }

  async cancelEncoding(id: string): Promise<PandaEncodingRecord> {
    await this.client.cancelEncoding(segment(id));
    return mapEncoding(this.accountId, await this.client.getEncoding(id));
  }

  async deleteEncoding(id: string): Promise<void> {
    await this.client.deleteEncoding(segment(id));
  }

  async createProfile(options: ProfileOptions): Promise<PandaProfileRecord> {
    if (!options.presetName && !options.command) throw badUserInput('a profile needs presetName or command');
    if (options.command && !options.extname) throw badUserInput('a custom profile (command) needs extname');
    return mapProfile(this.accountId, await this.client.createProfile(profileParams(options)));
  }

  async updateProfile(id: string, options: ProfileOptions): Promise<PandaProfileRecord> {
    const params = profileParams(options);
    if (Object.values(params).every((v) => v === undefined)) throw badUserInput('nothing to update');
    return mapProfile(this.accountId, await this.client.updateProfile(segment(id), params));
  }

  async deleteProfile(id: string): Promise<void> {
    await this.client.deleteProfile(segment(id));
  }

  async listClouds() {
    return (await this.client.listClouds()).map((c) => mapCloud(this.accountId, c));
  }

  async getCloud() {
    return mapCloud(this.accountId, await this.client.getCloud());
  }

  async getNotifications() {
    return mapNotifications(this.accountId, await this.client.getNotifications());
  }

  async updateNotifications(input: { url?: string | null; delay?: number | null; events?: Partial<Record<'videoCreated' | 'videoEncoded' | 'encodingProgress' | 'encodingCompleted', boolean | null>> | null }) {
    const e = input.events ?? {};
    const events: Record<string, boolean> = {};
    for (const [key, wireKey] of [
      ['videoCreated', 'video_created'],
      ['videoEncoded', 'video_encoded'],
      ['encodingProgress', 'encoding_progress'],
      ['encodingCompleted', 'encoding_completed'],
    ] as const) {
      const value = e[key];
      if (value != null) events[wireKey] = value;
    }
    const updated = await this.client.updateNotifications({
      url: input.url === undefined ? undefined : input.url ?? 'None',
      delay: input.delay ?? undefined,
      events: Object.keys(events).length > 0 ? events : undefined,
    });
    return mapNotifications(this.accountId, updated);
  }

  /** Signed params for a browser's `POST /videos/upload.json` (spec §3.7, §6.1). */
  signUpload(input: { fileName: string; fileSize: number; profiles?: readonly string[] | null; payload?: string | null }, now = new Date()) {
    const params = this.client.signedParams(
      'POST',
      '/videos/upload.json',
      {
        file_name: input.fileName,
        file_size: input.fileSize,
        profiles: input.profiles == null ? undefined : input.profiles.length ? input.profiles.join(',') : 'none',
        payload: input.payload ?? undefined,
      },
      now,
    );
    return { url: this.client.apiUrl('/videos/upload.json'), method: 'POST', params };
  }
}
