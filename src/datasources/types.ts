import type { ProviderName } from '../config';
import type { FieldSelection } from '../domain/selection';
import type { Capability, EncodingRecord, ProfileRecord, VideoRecord, VideoStatus } from '../domain/types';

/** A slice of an account's videos, newest first. */
export interface VideoSliceQuery {
  readonly offset: number;
  readonly count: number;
  readonly status?: VideoStatus;
  /** What the operation selects: a provider that can ask for fewer fields does (Dailymotion). */
  readonly selection?: FieldSelection | null;
}

export interface CreateVideoFromUrl {
  readonly sourceUrl: string;
  readonly title?: string | null;
  /** Profile names or ids; empty list = no encodings; absent = the provider's default. */
  readonly profiles?: readonly string[] | null;
  readonly pathFormat?: string | null;
  readonly payload?: string | null;
}

export interface CreateEncodingInput {
  readonly videoId: string;
  readonly profileId?: string | null;
  readonly profileName?: string | null;
}

/**
 * The contract every provider datasource keeps for the common concepts (DESIGN §7). Batch
 * methods answer one entry per key, an Error where that key failed, as DataLoader wants.
 * Operations a provider lacks are absent: resolvers answer UNSUPPORTED_BY_PROVIDER.
 */
export interface ProviderDatasource {
  readonly accountId: string;
  readonly provider: ProviderName;
  readonly capabilities: readonly Capability[];
  listVideos(query: VideoSliceQuery): Promise<VideoRecord[]>;
  /** `selection`: as in VideoSliceQuery; absent means every field. */
  getVideos(ids: readonly string[], selection?: FieldSelection | null): Promise<(VideoRecord | Error)[]>;
  getEncodingsByVideo(videoIds: readonly string[]): Promise<(EncodingRecord[] | Error)[]>;
  getEncodings(ids: readonly string[]): Promise<(EncodingRecord | Error)[]>;
  getProfiles(idsOrNames: readonly string[]): Promise<(ProfileRecord | Error)[]>;
  listProfiles(): Promise<ProfileRecord[]>;
  /** Encodings a video record carries already (Ziggeo's streams): they cost no call. */
  embeddedEncodings?(video: VideoRecord): readonly EncodingRecord[] | null;
  createVideoFromUrl?(input: CreateVideoFromUrl): Promise<VideoRecord>;
  deleteVideo?(id: string): Promise<void>;
  createEncoding?(input: CreateEncodingInput): Promise<EncodingRecord>;
  retryEncoding?(id: string): Promise<EncodingRecord>;
  cancelEncoding?(id: string): Promise<EncodingRecord>;
  deleteEncoding?(id: string): Promise<void>;
  deleteProfile?(id: string): Promise<void>;
  close(): Promise<void>;
}
