import { badUserInput, notFound } from '../../errors';
import type { UpstreamPolicy, UpstreamObserver } from '../../upstream';
import { PANDA_CAPABILITIES, profileParams, segment as pandaSegment, STATUS_FILTER, type ProfileOptions } from '../panda/datasource';
import type { CreateVideoFromUrl } from '../../domain/datasource';
import { VideoApiDatasource } from '../panda/video-api-datasource';
import { TelestreamClient, type EncodingFilter, type TelestreamAccountConfig } from './client';
import {
  mapEncoding,
  mapFactory,
  mapProfile,
  mapTelestreamNotifications,
  mapVideo,
  mapVideoStatus,
  type TelestreamEncodingRecord,
  type TelestreamProfileRecord,
  type TelestreamVideoRecord,
} from './map';
import type { TelestreamParams } from './sign';
import { TelestreamUploadSession, uploadInParts, type UploadSessionInput, type UploadSource } from './upload';
import type { UploadBody, UploadHooks, UploadVideoInput } from '../../domain/upload';
import { SIGNATURE_TTL_MS, type CompleteRequest, type TicketFinish, type TicketRequest, type UploadTicketDraft } from '../../domain/direct-upload';

const segment = (id: string) => pandaSegment(id, 'Telestream');

function sessionInput(input: UploadVideoInput, fileName: string, fileSize: number): UploadSessionInput {
  const profiles = input.profiles == null ? undefined : input.profiles.length ? input.profiles.join(',') : 'none';
  return { fileName, fileSize, profiles, extra: { payload: input.payload ?? undefined, path_format: input.pathFormat ?? undefined } };
}
type EventFlags = Partial<Record<'videoCreated' | 'videoEncoded' | 'encodingProgress' | 'encodingCompleted', boolean | null>>;

/** One Telestream factory as a vidmesh account (telestream spec §4); capabilities as Panda's. */
export class TelestreamDatasource extends VideoApiDatasource<TelestreamVideoRecord, TelestreamEncodingRecord, TelestreamProfileRecord> {
  readonly provider = 'telestream' as const;
  readonly capabilities = PANDA_CAPABILITIES;
  declare readonly client: TelestreamClient;

  constructor(
    readonly config: TelestreamAccountConfig,
    policy?: UpstreamPolicy,
    observer?: UpstreamObserver,
  ) {
    super(
      config.id,
      new TelestreamClient(config, policy, observer),
      { video: mapVideo, videoStatus: mapVideoStatus, encoding: mapEncoding, profile: mapProfile },
      STATUS_FILTER,
      segment,
    );
  }

  // factories
  async listFactories() {
    return (await this.client.listFactories()).map((f) => mapFactory(this.accountId, f));
  }
  async getFactory(id?: string) {
    return mapFactory(this.accountId, await this.client.getFactory(id === undefined ? undefined : segment(id)));
  }
  async updateFactory(id: string, changes: { name?: string; uploadOriginalVideo?: boolean; outputsPathFormat?: string }) {
    const params: TelestreamParams = { name: changes.name, upload_original_video: changes.uploadOriginalVideo, outputs_path_format: changes.outputsPathFormat };
    if (Object.values(params).every((v) => v === undefined)) throw badUserInput('nothing to update');
    return mapFactory(this.accountId, await this.client.updateFactory(segment(id), params));
  }

  /** The account object of `Account.details`: the factory. */
  accountDetails() {
    return this.getFactory();
  }

  async getNotifications() {
    return mapTelestreamNotifications(this.accountId, await this.client.getNotifications());
  }
  /**
   * Every event flag is sent, as the SDK does (telestream spec §4, vector T19); flags the caller leaves
   * out keep their current value, read first, so a partial update loses no setting.
   */
  async updateNotifications(input: { url?: string | null; delay?: number | null; sendVideoPayload?: boolean | null; events?: EventFlags | null }) {
    const e = input.events ?? {};
    const partial = [e.videoCreated, e.videoEncoded, e.encodingProgress, e.encodingCompleted].some((v) => v == null);
    const current = partial ? (await this.getNotifications()).events : null;
    const updated = await this.client.updateNotifications({
      url: input.url ?? undefined,
      delay: input.delay ?? undefined,
      sendVideoPayload: input.sendVideoPayload ?? undefined,
      events: {
        video_created: e.videoCreated ?? current?.videoCreated ?? false,
        video_encoded: e.videoEncoded ?? current?.videoEncoded ?? false,
        encoding_progress: e.encodingProgress ?? current?.encodingProgress ?? false,
        encoding_completed: e.encodingCompleted ?? current?.encodingCompleted ?? false,
      },
    });
    return mapTelestreamNotifications(this.accountId, updated);
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

  async listEncodings(filter: EncodingFilter = {}) {
    return (await this.client.listEncodings(filter)).map((e) => mapEncoding(this.accountId, e));
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

  // uploads (spec §6) and browser signing (spec §2.7)
  startUpload(input: UploadSessionInput, concurrency = 8) {
    return TelestreamUploadSession.create(this.client, input, concurrency);
  }

  /** Creates a session and sends every part; a failure leaves the session for `resume`. */
  async upload(input: UploadSessionInput, source: UploadSource, concurrency = 8): Promise<TelestreamUploadSession> {
    const session = await this.startUpload(input, concurrency);
    await session.send(source);
    return session;
  }

  /** A file through a multi-part session (spec §6), parts re-sent after broken connections. */
  async uploadVideo(input: UploadVideoInput, body: UploadBody, hooks: UploadHooks): Promise<TelestreamVideoRecord> {
    return mapVideo(this.accountId, await uploadInParts(this.client, sessionInput(input, body.fileName, body.size), body, hooks));
  }

  /** A multi-part session a browser sends the parts to itself (spec §6.1): location, part size, parts. */
  async openUploadSession(input: UploadVideoInput, fileName: string, fileSize: number): Promise<{ location: string; partSize: number; parts: number }> {
    const session = await this.startUpload(sessionInput(input, fileName, fileSize));
    return { location: session.location, partSize: session.partSize, parts: session.parts };
  }

  /** Signed params for a browser's own `POST /videos/upload.json` with `multi_chunk` (spec §2.7, §6.1). */
  signUploadSession(input: UploadVideoInput, fileName: string, fileSize: number, now = new Date()) {
    const s = sessionInput(input, fileName, fileSize);
    return this.signedParams('POST', '/videos/upload.json', { ...s.extra, file_size: fileSize, file_name: fileName, profiles: s.profiles ?? 'h264', multi_chunk: 'true' }, now);
  }

  /** A direct upload: a multi-part session the browser fills, and the signed request that opens another. */
  async openUploadTicket(request: TicketRequest, now: Date): Promise<UploadTicketDraft> {
    const session = await this.openUploadSession(request.video, request.fileName, request.fileSize);
    const sessionRequest = { ...this.signUploadSession(request.video, request.fileName, request.fileSize, now), expiresAt: new Date(now.getTime() + SIGNATURE_TTL_MS) };
    return {
      protocol: 'MULTI_PART_SESSION',
      url: session.location,
      fields: [],
      fileField: null,
      partSize: session.partSize,
      parts: session.parts,
      sessionRequest,
      finish: { provider: 'telestream', location: session.location },
    };
  }

  /** Complete once no part is missing: the video is the one the last part answered (`videoId`). */
  async completeUploadTicket(finish: TicketFinish, _fileSize: number, request: CompleteRequest): Promise<TelestreamVideoRecord> {
    const missing = await this.uploadSessionMissing(String(finish.location));
    if (missing.length > 0) throw badUserInput(`the upload is not complete: ${missing.length} part(s) missing`);
    if (!request.videoId) throw badUserInput('videoId: the id the last part answered is required for Telestream', { field: 'videoId' });
    const [video] = await this.getVideos([request.videoId]);
    if (!video || video instanceof Error) throw video ?? notFound(`no video "${request.videoId.slice(0, 40)}"`);
    return video;
  }

  /** Parts a browser's multi-part session still misses (spec §6.4); `[]` once complete. */
  async uploadSessionMissing(location: string): Promise<number[]> {
    const session = TelestreamUploadSession.at(this.client, location);
    return session.missingParts();
  }

  signedParams(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, params: TelestreamParams, now = new Date()) {
    return { url: this.client.apiUrl(path), method, params: this.client.signedParams(method, path, params, now) };
  }
}
