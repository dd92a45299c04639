import type { z } from 'zod';
import type { HmacMethod } from '../hmac-query';
import * as wire from './wire';

/** A parameter value both Panda and Telestream send as text (panda spec §2.3, telestream spec §2.3). */
export type ScalarParams = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface VideoListQuery {
  readonly status?: string;
  readonly page?: number;
  readonly perPage?: number;
}

export interface EncodingFilter {
  readonly status?: string;
  readonly profileId?: string;
  readonly profileName?: string;
  readonly videoId?: string;
  readonly page?: number;
  readonly perPage?: number;
}

function encodingParams(f: EncodingFilter): ScalarParams {
  return { status: f.status, profile_id: f.profileId, profile_name: f.profileName, video_id: f.videoId, page: f.page, per_page: f.perPage };
}

/**
 * The endpoints Panda and Telestream share (panda spec §4.2–§4.4, telestream spec §4): one table,
 * each client supplying its own signed `call` (version prefix, scope parameter, error style).
 */
export abstract class VideoApiResources {
  protected abstract call<T>(method: HmacMethod, path: string, params: ScalarParams, shape: z.ZodType<T>): Promise<T>;

  /** The API's page size limit (panda spec §9.6). */
  static readonly MAX_PER_PAGE = 100;

  // videos
  listVideos(q: VideoListQuery = {}) {
    return this.call('GET', '/videos.json', { status: q.status, page: q.page, per_page: q.perPage }, wire.wireVideo.array());
  }
  getVideo(id: string) {
    return this.call('GET', `/videos/${id}.json`, {}, wire.wireVideo);
  }
  deleteVideo(id: string) {
    return this.call('DELETE', `/videos/${id}.json`, {}, wire.wireObject);
  }
  deleteVideoSource(id: string) {
    return this.call('DELETE', `/videos/${id}/source.json`, {}, wire.wireObject);
  }
  getVideoMetadata(id: string) {
    return this.call('GET', `/videos/${id}/metadata.json`, {}, wire.wireObject);
  }
  listVideoEncodings(id: string, f: EncodingFilter = {}) {
    return this.call('GET', `/videos/${id}/encodings.json`, encodingParams(f), wire.wireEncoding.array());
  }

  // encodings
  listEncodings(f: EncodingFilter = {}) {
    return this.call('GET', '/encodings.json', encodingParams(f), wire.wireEncoding.array());
  }
  getEncoding(id: string) {
    return this.call('GET', `/encodings/${id}.json`, {}, wire.wireEncoding);
  }
  createEncoding(params: { video_id: string; profile_id?: string; profile_name?: string }) {
    return this.call('POST', '/encodings.json', params, wire.wireEncoding);
  }
  /** The documented single `.json` (Panda's SDK doubles it, a bug: panda spec §4.3). */
  retryEncoding(id: string) {
    return this.call('POST', `/encodings/${id}/retry.json`, {}, wire.wireObject);
  }
  cancelEncoding(id: string) {
    return this.call('POST', `/encodings/${id}/cancel.json`, {}, wire.wireObject);
  }
  deleteEncoding(id: string) {
    return this.call('DELETE', `/encodings/${id}.json`, {}, wire.wireObject);
  }

  // profiles
  listProfiles(page = 1, perPage = VideoApiResources.MAX_PER_PAGE) {
    return this.call('GET', '/profiles.json', { page, per_page: perPage }, wire.wireProfile.array());
  }
  getProfile(idOrName: string) {
    return this.call('GET', `/profiles/${idOrName}.json`, {}, wire.wireProfile);
  }
  deleteProfile(id: string) {
    return this.call('DELETE', `/profiles/${id}.json`, {}, wire.wireObject);
  }
}
