import { badUserInput, unsupported } from '../../errors';
import type { ListingSupport } from '../../domain/listing';
import { Capability, type ProfileRecord, type VideoRecord, type VideoStatus } from '../../domain/types';
import { mapSettled } from '../../upstream/concurrency';
import { providerError, type UpstreamPolicy, type UpstreamObserver } from '../../upstream';
import type { ProviderDatasource, VideoCounts, VideoSliceQuery } from '../../domain/datasource';
import { sendWhole } from '../../upstream/upload-chunks';
import type { UploadBody, UploadHooks, UploadVideoInput } from '../../domain/upload';
import type { TicketFinish, TicketRequest, UploadTicketDraft } from '../../domain/direct-upload';
import { generateClientAuthToken, type ClientAuthToken, type ClientAuthTokenEntropy, type ClientAuthTokenOptions } from './auth-token';
import type { RequestScope } from '../../observability/request-scope';
import { viewOf } from '../../upstream/view';
import { ZiggeoClient, type ZiggeoAccountConfig } from './client';
import type { ZiggeoDownload, ZiggeoDownloadOptions } from './download';
import type { ZiggeoDialect } from './encode';
import {
  authTokenArgs,
  safeFile,
  segment,
  videoArgs,
  videoQueryArgs,
  type ZiggeoAuthTokenInput,
  type ZiggeoVideoFields,
  type ZiggeoVideoQuery,
  type ZiggeoVideoUpdate,
} from './inputs';
import { mapAuthToken, mapStream, mapVideo, parseStreamNativeId, ZIGGEO_STATE_FILTER, type ZiggeoAuthTokenRecord, type ZiggeoStreamRecord, type ZiggeoVideoRecord } from './map';
import { confirmSignedVideoUpload, openSignedVideoUpload, type SignedVideoUpload } from './signed-upload';
import type { ZiggeoFile } from './upload';
import type { WireVideo } from './wire';

/** The API's page size and bulk size (ziggeo spec §5.1). */
export const ZIGGEO_MAX_LIMIT = 100;
const FETCH_CONCURRENCY = 8;

export const ZIGGEO_CAPABILITIES: readonly Capability[] = [
  Capability.LIST_VIDEOS,
  Capability.FILTER_VIDEOS_BY_STATUS,
  Capability.DELETE_VIDEO,
  Capability.ENCODINGS,
  Capability.DELETE_ENCODING,
  Capability.UPLOAD_FILE,
  Capability.DIRECT_UPLOAD,
];

export interface ZiggeoDatasourceOptions {
  readonly dialect?: ZiggeoDialect;
  /** Batch video reads through `POST /v1/videos/get_bulk` (added after 1.17, spec §5.1); on by default. */
  readonly bulkGet?: boolean;
  /** Multipart boundaries (tests). */
  readonly boundary?: () => string;
}

/** Where uploaded media goes: a new stream of a video, or a stream's image or video (spec §5.2). */
export type ZiggeoMediaTarget = { readonly to: 'newStream'; readonly video: string } | { readonly to: 'image' | 'video'; readonly video: string; readonly stream: string };

/** The client's content type when it is a plain `type/subtype`; otherwise the extension's guess (spec §3.4). */
function mediaType(contentType: string | null): string | undefined {
  return contentType !== null && /^[A-Za-z0-9][\w.+-]{0,63}\/[A-Za-z0-9][\w.+-]{0,127}$/.test(contentType) ? contentType : undefined;
}

export interface ZiggeoVideoInput extends ZiggeoVideoFields {
  /** The first stream's media: streamed upstream as it arrives. */
  readonly file?: ZiggeoFile;
}

/** One Ziggeo application as a vidmesh account: the common contract plus videos, streams and auth tokens. */
export class ZiggeoDatasource implements ProviderDatasource {
  readonly provider = 'ziggeo' as const;
  readonly capabilities = ZIGGEO_CAPABILITIES;
  readonly accountId: string;
  readonly client: ZiggeoClient;
  private readonly bulkGet: boolean;

  constructor(
    readonly config: ZiggeoAccountConfig,
    policy?: UpstreamPolicy,
    observer?: UpstreamObserver,
    options: ZiggeoDatasourceOptions = {},
  ) {
    this.accountId = config.id;
    this.bulkGet = options.bulkGet ?? true;
    this.client = new ZiggeoClient(config, { dialect: options.dialect, policy, observer, boundary: options.boundary });
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /** This account for one request: a view whose calls follow the request's signal and count in its log line. */
  forRequest(scope: RequestScope): this {
    return viewOf(this, { client: this.client.forRequest(scope) });
  }

  // ---- common contract (DESIGN §7)

  /** `index` takes `reverse`, `states` and `tags` (spec §5.1); no created range or title (the gateway's). */
  readonly listing: ListingSupport = { status: true, tags: true, createdRange: false, titleContains: false, hasTags: true };

  /** Newest first = `reverse=True` over the API's oldest-first order [INFER]; one call per 100. */
  async listVideos(query: VideoSliceQuery): Promise<ZiggeoVideoRecord[]> {
    let states: string[] | undefined;
    if (query.status !== undefined) {
      const state = ZIGGEO_STATE_FILTER[query.status];
      if (state === undefined) return [];
      states = [state];
    }
    const calls: Promise<ZiggeoVideoRecord[]>[] = [];
    for (let skip = query.offset; skip < query.offset + query.count; skip += ZIGGEO_MAX_LIMIT) {
      const limit = Math.min(ZIGGEO_MAX_LIMIT, query.offset + query.count - skip);
      calls.push(this.listVideosPage({ limit, skip, reverse: !query.ascending, states, tags: query.tags?.length ? query.tags : undefined }));
    }
    return (await Promise.all(calls)).flat();
  }

  /** One `get` for one id; `get_bulk` per 100 otherwise (an unknown id is NOT_FOUND in its place). */
  async getVideos(ids: readonly string[]): Promise<(ZiggeoVideoRecord | Error)[]> {
    if (ids.length <= 1 || !this.bulkGet) {
      return mapSettled(ids, FETCH_CONCURRENCY, async (id) => mapVideo(this.accountId, await this.client.videos.get(segment(id))));
    }
    const out: (ZiggeoVideoRecord | Error)[] = ids.map((id) => this.checkedId(id) ?? new Error('pending'));
    const valid = [...new Set(ids.filter((id) => this.checkedId(id) === null))];
    for (let i = 0; i < valid.length; i += ZIGGEO_MAX_LIMIT) {
      const chunk = valid.slice(i, i + ZIGGEO_MAX_LIMIT);
      let found: WireVideo[] | Error;
      try {
        found = await this.client.videos.get_bulk({ tokens_or_keys: chunk.join(',') });
      } catch (error) {
        found = error as Error;
      }
      ids.forEach((id, index) => {
        if (!chunk.includes(id)) return;
        if (found instanceof Error) out[index] = found;
        else {
          const video = found.find((v) => v.token === id || v.key === id);
          out[index] = video ? mapVideo(this.accountId, video) : this.notFound(`no video "${id}"`);
        }
      });
    }
    return out;
  }

  /** Listed and read videos carry their streams: loaders take them without a call. */
  embeddedEncodings(video: VideoRecord): readonly ZiggeoStreamRecord[] | null {
    return video.kind === 'ZiggeoVideo' ? (video as ZiggeoVideoRecord).streams : null;
  }

  /** A video's streams come with the video: one bulk read answers many videos. */
  async getEncodingsByVideo(videoIds: readonly string[]): Promise<(ZiggeoStreamRecord[] | Error)[]> {
    return (await this.getVideos(videoIds)).map((v) => (v instanceof Error ? v : [...v.streams]));
  }

  /** Stream ids are `video/stream`: their videos are read in bulk and the streams picked out. */
  async getEncodings(ids: readonly string[]): Promise<(ZiggeoStreamRecord | Error)[]> {
    const parsed = ids.map((id) => parseStreamNativeId(id));
    const videoIds = [...new Set(parsed.flatMap((p) => (p ? [p.video] : [])))];
    const videos = new Map<string, ZiggeoVideoRecord | Error>();
    (await this.getVideos(videoIds)).forEach((v, i) => videos.set(videoIds[i]!, v));
    return ids.map((id, i) => {
      const p = parsed[i];
      if (!p) return badUserInput(`"${id.slice(0, 40)}" is not a Ziggeo stream id (video/stream)`);
      const video = videos.get(p.video)!;
      if (video instanceof Error) return video;
      return video.streams.find((s) => s.token === p.stream || s.key === p.stream) ?? this.notFound(`no stream "${id}"`);
    });
  }

  /** Ziggeo has no encoding profiles. */
  async getProfiles(idsOrNames: readonly string[]): Promise<(ProfileRecord | Error)[]> {
    return idsOrNames.map(() => unsupported('profiles', this.accountId, 'ziggeo'));
  }

  async listProfiles(): Promise<ProfileRecord[]> {
    return [];
  }

  async deleteVideo(id: string): Promise<void> {
    await this.client.videos.delete(segment(id));
  }

  async deleteEncoding(id: string): Promise<void> {
    const p = parseStreamNativeId(id);
    if (!p) throw badUserInput(`"${id.slice(0, 40)}" is not a Ziggeo stream id (video/stream)`);
    await this.deleteStream(p.video, p.stream);
  }

  // ---- videos (spec §5.1)

  async listVideosPage(query: ZiggeoVideoQuery = {}): Promise<ZiggeoVideoRecord[]> {
    return (await this.client.videos.index(videoQueryArgs(query))).map((v) => mapVideo(this.accountId, v));
  }

  async countVideos(filter: Pick<ZiggeoVideoQuery, 'states' | 'tags'> = {}): Promise<number> {
    return (await this.client.videos.count(videoQueryArgs(filter))).count;
  }

  /** `videos/count` (spec §5.1): one call for the total, one more per normalized status, in parallel. */
  async videoCounts(byStatus: boolean): Promise<VideoCounts> {
    const statuses = byStatus ? (Object.keys(ZIGGEO_STATE_FILTER) as VideoStatus[]) : [];
    const [total, ...counts] = await Promise.all([this.countVideos(), ...statuses.map((status) => this.countVideos({ states: [ZIGGEO_STATE_FILTER[status]!] }))]);
    return { total: total!, byStatus: byStatus ? Object.fromEntries(statuses.map((s, i) => [s, counts[i]!])) : null };
  }

  async getVideo(tokenOrKey: string): Promise<ZiggeoVideoRecord> {
    return mapVideo(this.accountId, await this.client.videos.get(segment(tokenOrKey)));
  }

  downloadVideo(tokenOrKey: string, options?: ZiggeoDownloadOptions): Promise<ZiggeoDownload> {
    return this.client.videos.download_video(segment(tokenOrKey), options);
  }

  downloadVideoImage(tokenOrKey: string, options?: ZiggeoDownloadOptions): Promise<ZiggeoDownload> {
    return this.client.videos.download_image(segment(tokenOrKey), options);
  }

  async pushVideoToService(tokenOrKey: string, pushServiceToken: string): Promise<void> {
    await this.client.videos.push_to_service(segment(tokenOrKey), { pushservicetoken: segment(pushServiceToken, 'push service token') });
  }

  async updateVideo(tokenOrKey: string, update: ZiggeoVideoUpdate): Promise<ZiggeoVideoRecord> {
    return mapVideo(this.accountId, await this.client.videos.update(segment(tokenOrKey), videoArgs(update, true)));
  }

  async createVideo(input: ZiggeoVideoInput = {}): Promise<ZiggeoVideoRecord> {
    const args = videoArgs(input, false);
    const video = await this.client.videos.create(args, input.file && safeFile(input.file));
    // 2.30 answers the step-1 video with only its default stream refreshed (spec §3.6 step 3): read it back
    if (input.file && this.client.dialect === '2.30') return this.getVideo(video.token);
    return mapVideo(this.accountId, video);
  }

  /** A video with its file (spec §3.4 in 1.17, the signed flow of §3.6 in 2.30), streamed. */
  async uploadVideo(input: UploadVideoInput, body: UploadBody, hooks: UploadHooks): Promise<ZiggeoVideoRecord> {
    for (const field of ['title', 'payload', 'pathFormat', 'profiles'] as const) {
      if (input[field] != null) throw badUserInput(`${field} is not supported by Ziggeo`, { field });
    }
    return sendWhole(body, hooks, (stream) => this.createVideo({ file: { body: stream, name: body.fileName, size: body.size, contentType: body.contentType ?? undefined } }));
  }

  /** A browser's upload straight to the provider (2.30 flow, spec §3.6): the video exists from here on. */
  openDirectUpload(fileName: string): Promise<SignedVideoUpload> {
    return openSignedVideoUpload(this.client, safeFile({ body: Buffer.alloc(0), name: fileName, size: 0 }).name);
  }

  /** A direct upload: the signed form of the 2.30 flow; Ziggeo takes no video settings with it. */
  async openUploadTicket(request: TicketRequest): Promise<UploadTicketDraft> {
    for (const field of ['title', 'payload', 'pathFormat', 'profiles'] as const) {
      if (request.video[field] != null) throw badUserInput(`${field} is not supported by Ziggeo`, { field });
    }
    const signed = await this.openDirectUpload(request.fileName);
    return {
      protocol: 'MULTIPART_FORM',
      url: signed.url,
      fields: signed.fields,
      fileField: 'file',
      partSize: null,
      parts: null,
      sessionRequest: null,
      finish: { provider: 'ziggeo', videoToken: signed.videoToken, streamToken: signed.streamToken },
    };
  }

  completeUploadTicket(finish: TicketFinish): Promise<ZiggeoVideoRecord> {
    return this.confirmDirectUpload(String(finish.videoToken), String(finish.streamToken));
  }

  /** After the browser's upload: confirm, then read the video back (spec §3.6 step 3). */
  async confirmDirectUpload(videoToken: string, streamToken: string): Promise<ZiggeoVideoRecord> {
    await confirmSignedVideoUpload(this.client, segment(videoToken), segment(streamToken));
    return this.getVideo(videoToken);
  }

  /** The gateway's download route (src/http/downloads.ts): a video's or a stream's video or image file, its headers (HEAD) or a range. */
  openDownload(target: { object: 'video' | 'stream'; nativeId: string; media: 'video' | 'image' }, options?: ZiggeoDownloadOptions): Promise<ZiggeoDownload> {
    if (target.object === 'video') return target.media === 'video' ? this.downloadVideo(target.nativeId, options) : this.downloadVideoImage(target.nativeId, options);
    const p = parseStreamNativeId(target.nativeId);
    if (!p) return Promise.reject(badUserInput('not a Ziggeo stream id (video/stream)'));
    return target.media === 'video' ? this.downloadStreamVideo(p.video, p.stream, options) : this.downloadStreamImage(p.video, p.stream, options);
  }

  // ---- streams (spec §5.2)

  async listStreams(videoId: string, states?: readonly string[]): Promise<ZiggeoStreamRecord[]> {
    const args = states?.length ? { states: states.join(',') } : undefined;
    const streams = await this.client.streams.index(segment(videoId), args);
    return streams.map((s) => mapStream(this.accountId, s, { videoToken: videoId }));
  }

  async getStream(videoId: string, streamId: string): Promise<ZiggeoStreamRecord> {
    return this.stream(videoId, await this.client.streams.get(segment(videoId), segment(streamId)));
  }

  downloadStreamVideo(videoId: string, streamId: string, options?: ZiggeoDownloadOptions): Promise<ZiggeoDownload> {
    return this.client.streams.download_video(segment(videoId), segment(streamId), options);
  }

  downloadStreamImage(videoId: string, streamId: string, options?: ZiggeoDownloadOptions): Promise<ZiggeoDownload> {
    return this.client.streams.download_image(segment(videoId), segment(streamId), options);
  }

  async pushStreamToService(videoId: string, streamId: string, pushServiceToken: string): Promise<void> {
    await this.client.streams.push_to_service(segment(videoId), segment(streamId), {
      pushservicetoken: segment(pushServiceToken, 'push service token'),
    });
  }

  async deleteStream(videoId: string, streamId: string): Promise<void> {
    await this.client.streams.delete(segment(videoId), segment(streamId));
  }

  /** A new stream on a video: empty, or with its media (which starts processing and binds it, spec §5.2). */
  async createStream(videoId: string, file?: ZiggeoFile): Promise<ZiggeoStreamRecord> {
    return this.stream(videoId, await this.client.streams.create(segment(videoId), undefined, file && safeFile(file)));
  }

  /** Attach the image before the video: the video starts transcoding (2.30 README, spec §5.2). */
  async attachStreamImage(videoId: string, streamId: string, file: ZiggeoFile): Promise<ZiggeoStreamRecord> {
    return this.stream(videoId, await this.client.streams.attach_image(segment(videoId), segment(streamId), undefined, safeFile(file)));
  }

  async attachStreamVideo(videoId: string, streamId: string, file: ZiggeoFile): Promise<ZiggeoStreamRecord> {
    return this.stream(videoId, await this.client.streams.attach_video(segment(videoId), segment(streamId), undefined, safeFile(file)));
  }

  /** BAD_USER_INPUT for ids that cannot be path segments: callers check before reading the file. */
  checkMediaTarget(target: ZiggeoMediaTarget): void {
    segment(target.video);
    if (target.to !== 'newStream') segment(target.stream);
  }

  /**
   * A stream's media from a gateway upload (DESIGN §7): streamed as it arrives, and sent again from
   * its start when the connection broke before the last byte and the body is a spooled file.
   */
  async uploadStreamMedia(target: ZiggeoMediaTarget, body: UploadBody, hooks: UploadHooks): Promise<ZiggeoStreamRecord> {
    this.checkMediaTarget(target);
    return sendWhole(body, hooks, (stream) => {
      const file: ZiggeoFile = { body: stream, name: body.fileName, size: body.size, contentType: mediaType(body.contentType) };
      if (target.to === 'newStream') return this.createStream(target.video, file);
      return target.to === 'image' ? this.attachStreamImage(target.video, target.stream, file) : this.attachStreamVideo(target.video, target.stream, file);
    });
  }

  /** Makes the stream the video's default (1.17; removed from the SDK in 2.28, spec §9). */
  async bindStream(videoId: string, streamId: string): Promise<ZiggeoStreamRecord> {
    return this.stream(videoId, await this.client.streams.bind(segment(videoId), segment(streamId)));
  }

  // ---- auth tokens (spec §5.3, §8)

  async getAuthToken(token: string): Promise<ZiggeoAuthTokenRecord> {
    return mapAuthToken(this.accountId, await this.client.authtokens.get(segment(token, 'auth token')));
  }

  async updateAuthToken(token: string, update: ZiggeoAuthTokenInput): Promise<ZiggeoAuthTokenRecord> {
    return mapAuthToken(this.accountId, await this.client.authtokens.update(segment(token, 'auth token'), authTokenArgs(update, true)));
  }

  async deleteAuthToken(token: string): Promise<void> {
    await this.client.authtokens.delete(segment(token, 'auth token'));
  }

  async createAuthToken(input: ZiggeoAuthTokenInput = {}): Promise<ZiggeoAuthTokenRecord> {
    return mapAuthToken(this.accountId, await this.client.authtokens.create(authTokenArgs(input, false)));
  }

  /** A client auth token made locally with the encryption key: no HTTP call (spec §8). */
  generateClientAuthToken(options: ClientAuthTokenOptions = {}, entropy?: ClientAuthTokenEntropy): ClientAuthToken {
    if (!this.config.encryptionKey) {
      throw badUserInput(`account "${this.accountId}" has no encryptionKey configured`, { field: 'encryptionKey' });
    }
    return generateClientAuthToken(this.config.token, this.config.encryptionKey, options, entropy);
  }

  private stream(videoId: string, wire: Parameters<typeof mapStream>[1]): ZiggeoStreamRecord {
    return mapStream(this.accountId, wire, { videoToken: videoId });
  }

  private checkedId(id: string): Error | null {
    try {
      segment(id);
      return null;
    } catch (error) {
      return error as Error;
    }
  }

  private notFound(message: string): Error {
    return providerError({ account: this.accountId, provider: 'ziggeo' }, 'NOT_FOUND', message);
  }
}
