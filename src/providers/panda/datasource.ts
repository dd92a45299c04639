import type { PandaAccountConfig } from '../../config';
import { badUserInput } from '../../errors';
import { Capability, VideoStatus } from '../../domain/types';
import type { UpstreamPolicy, UpstreamObserver } from '../../upstream';
import type { CreateVideoFromUrl } from '../../domain/datasource';
import { PandaClient, type PandaParams } from './client';
import { VideoApiDatasource } from './video-api-datasource';
import type { UploadBody, UploadHooks, UploadVideoInput } from '../../domain/upload';
import type { ProfileSettings } from '../../domain/account-objects';
import { SIGNATURE_TTL_MS, type TicketFinish, type TicketRequest, type UploadTicketDraft } from '../../domain/direct-upload';
import { sessionParams, uploadProfileParams, sessionVideo, uploadThroughSession } from './upload';
import { mapCloud, mapEncoding, mapNotifications, mapProfile, mapVideo, pandaVideoStatus, type PandaEncodingRecord, type PandaProfileRecord, type PandaVideoRecord } from './map';

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
  Capability.UPLOAD_FILE,
  Capability.DIRECT_UPLOAD,
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

/** Panda's profile fields are the generic ones (Telestream shares them). */
export type ProfileOptions = ProfileSettings;

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
export class PandaDatasource extends VideoApiDatasource<PandaVideoRecord, PandaEncodingRecord, PandaProfileRecord> {
  readonly provider = 'panda' as const;
  readonly capabilities = PANDA_CAPABILITIES;
  declare readonly client: PandaClient;

  constructor(
    readonly config: PandaAccountConfig,
    policy?: UpstreamPolicy,
    observer?: UpstreamObserver,
  ) {
    super(
      config.id,
      new PandaClient(config, policy, observer),
      { video: mapVideo, videoStatus: pandaVideoStatus, encoding: mapEncoding, profile: mapProfile },
      STATUS_FILTER,
      (id) => segment(id),
    );
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

  async listClouds() {
    return (await this.client.listClouds()).map((c) => mapCloud(this.accountId, c));
  }

  /** The account object of `Account.details`: the cloud. */
  accountDetails() {
    return this.getCloud();
  }

  async getCloud() {
    return mapCloud(this.accountId, await this.client.getCloud());
  }

  async getNotifications() {
    return mapNotifications(this.accountId, await this.client.getNotifications());
  }

  async updateNotifications(input: {
    url?: string | null;
    delay?: number | null;
    events?: Partial<Record<'videoCreated' | 'videoEncoded' | 'encodingProgress' | 'encodingCompleted', boolean | null>> | null;
  }) {
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
      url: input.url === undefined ? undefined : (input.url ?? 'None'),
      delay: input.delay ?? undefined,
      events: Object.keys(events).length > 0 ? events : undefined,
    });
    return mapNotifications(this.accountId, updated);
  }

  /** A file through a resumable upload session (spec §6); the session is deleted when it fails. */
  async uploadVideo(input: UploadVideoInput, body: UploadBody, hooks: UploadHooks): Promise<PandaVideoRecord> {
    if (input.payload && input.payload.length > 256) throw badUserInput('payload: at most 256 characters for Panda');
    return mapVideo(this.accountId, await uploadThroughSession(this.client, sessionParams(input, body.fileName, body.size), body, hooks));
  }

  /** A session a browser sends the file to itself: its unsigned `location` (spec §6.1). */
  async openUploadSession(input: UploadVideoInput, fileName: string, fileSize: number): Promise<{ location: string }> {
    return { location: (await this.client.createUploadSession(sessionParams(input, fileName, fileSize))).location };
  }

  /** The video of a session a browser filled; BAD_USER_INPUT while bytes are missing. */
  async uploadSessionVideo(location: string, fileSize: number): Promise<PandaVideoRecord> {
    const answer = await sessionVideo(this.client, location, fileSize);
    if ('held' in answer) throw badUserInput(`the upload is not complete: the session holds ${answer.held} of ${fileSize} bytes`);
    return mapVideo(this.accountId, answer.video);
  }

  /** A direct upload: a resumable session the browser fills, and the signed request that opens another. */
  async openUploadTicket(request: TicketRequest, now: Date): Promise<UploadTicketDraft> {
    const { location } = await this.openUploadSession(request.video, request.fileName, request.fileSize);
    const signed = this.signUpload({ fileName: request.fileName, fileSize: request.fileSize, profiles: request.video.profiles, payload: request.video.payload }, now);
    const sessionRequest = { ...signed, expiresAt: new Date(now.getTime() + SIGNATURE_TTL_MS) };
    return { protocol: 'RESUMABLE_SESSION', url: location, fields: [], fileField: null, partSize: null, parts: null, sessionRequest, finish: { provider: 'panda', location } };
  }

  completeUploadTicket(finish: TicketFinish, fileSize: number): Promise<PandaVideoRecord> {
    return this.uploadSessionVideo(String(finish.location), fileSize);
  }

  /** Signed params for a browser's `POST /videos/upload.json` (spec §3.7, §6.1). */
  signUpload(input: { fileName: string; fileSize: number; profiles?: readonly string[] | null; payload?: string | null }, now = new Date()) {
    const params = this.client.signedParams(
      'POST',
      '/videos/upload.json',
      {
        file_name: input.fileName,
        file_size: input.fileSize,
        ...uploadProfileParams(input.profiles),
        payload: input.payload ?? undefined,
      },
      now,
    );
    return { url: this.client.apiUrl('/videos/upload.json'), method: 'POST', params };
  }
}
