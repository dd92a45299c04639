import type { ProviderName } from '../config';
import type { UploadBody, UploadHooks, UploadVideoInput } from './upload';
import type { ListingSupport } from './listing';
import type { FieldSelection } from './selection';
import type { Capability, EncodingRecord, ProfileRecord, VideoRecord, VideoStatus } from './types';
import type { AccountDetailsRecord, NotificationsRecord, NotificationsUpdate, ProfileSettings } from './account-objects';
import type { CompleteRequest, SignedRequest, SignUploadRequest, TicketFinish, TicketRequest, UploadTicketDraft } from './direct-upload';
import type { PlaybackSigner } from './playback';
import type { RequestScope } from './request-scope';

/**
 * A slice of an account's videos, newest first (oldest first with `ascending`). A datasource applies
 * the conditions its `listing` support names and ignores the others (the gateway applies those).
 */
export interface VideoSliceQuery {
  readonly offset: number;
  readonly count: number;
  readonly status?: VideoStatus;
  readonly ascending?: boolean;
  /** Default createdAt; title only where `listing.sortByTitle`. */
  readonly sortBy?: 'createdAt' | 'title';
  readonly tags?: readonly string[];
  /** Created at or after. */
  readonly createdAfter?: Date;
  /** Created strictly before. */
  readonly createdBefore?: Date;
  /** What the gateway reads of each video to filter or order it: a provider that narrows its fields keeps these. */
  readonly reads?: { readonly status?: boolean; readonly title?: boolean };
  /** What the operation selects: a provider that can ask for fewer fields does (Dailymotion). */
  readonly selection?: FieldSelection | null;
}

/** An account's videos in all and per normalized status (statuses absent from `byStatus` have none). */
export interface VideoCounts {
  readonly total: number;
  readonly byStatus: Partial<Record<VideoStatus, number>> | null;
}

/** The most videos a count may walk where the provider has no count call (20 calls of 100). */
export const MAX_COUNTED_BY_LISTING = 2_000;

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
  /** Which listing conditions the provider applies upstream (absent: status only, per capabilities). */
  readonly listing?: ListingSupport;
  /** Counts through the provider's count calls where they exist; `byStatus` only when asked (it may cost more). */
  videoCounts?(byStatus: boolean): Promise<VideoCounts>;
  /** `selection`: as in VideoSliceQuery; absent means every field. */
  getVideos(ids: readonly string[], selection?: FieldSelection | null): Promise<(VideoRecord | Error)[]>;
  getEncodingsByVideo(videoIds: readonly string[]): Promise<(EncodingRecord[] | Error)[]>;
  getEncodings(ids: readonly string[]): Promise<(EncodingRecord | Error)[]>;
  getProfiles(idsOrNames: readonly string[]): Promise<(ProfileRecord | Error)[]>;
  listProfiles(): Promise<ProfileRecord[]>;
  /** Encodings a video record carries already (Ziggeo's streams): they cost no call. */
  embeddedEncodings?(video: VideoRecord): readonly EncodingRecord[] | null;
  createVideoFromUrl?(input: CreateVideoFromUrl): Promise<VideoRecord>;
  /** A file streamed to the provider (src/uploads): resumable where the provider allows it. */
  uploadVideo?(input: UploadVideoInput, body: UploadBody, hooks: UploadHooks): Promise<VideoRecord>;
  deleteVideo?(id: string): Promise<void>;
  createEncoding?(input: CreateEncodingInput): Promise<EncodingRecord>;
  retryEncoding?(id: string): Promise<EncodingRecord>;
  cancelEncoding?(id: string): Promise<EncodingRecord>;
  deleteEncoding?(id: string): Promise<void>;
  deleteProfile?(id: string): Promise<void>;
  createProfile?(settings: ProfileSettings): Promise<ProfileRecord>;
  updateProfile?(id: string, settings: ProfileSettings): Promise<ProfileRecord>;
  /** Deletes only the stored source file; the encodings stay. */
  deleteVideoSource?(id: string): Promise<void>;
  /** The provider's own account object (Panda cloud, Telestream factory, Dailymotion user). */
  accountDetails?(): Promise<AccountDetailsRecord>;
  getNotifications?(): Promise<NotificationsRecord>;
  updateNotifications?(update: NotificationsUpdate): Promise<NotificationsRecord>;
  /** Signed params for a browser's own upload request (Panda `signed_params`); local, no call. */
  signUpload?(request: SignUploadRequest, now: Date): SignedRequest;
  /** Opens what a browser needs to upload straight to the provider; `now` dates the signatures. */
  openUploadTicket?(request: TicketRequest, now: Date): Promise<UploadTicketDraft>;
  /** The video a browser's direct upload made; `finish` is what `openUploadTicket` answered. */
  completeUploadTicket?(finish: TicketFinish, fileSize: number, request: CompleteRequest): Promise<VideoRecord>;
  /** Signed playback URLs and DRM tokens (Dailymotion). */
  readonly playback?: PlaybackSigner;
  /**
   * This account for one request: a view whose upstream calls follow the request's signal (the client
   * left, the read deadline) and are counted in its log line. Absent: calls carry no request (fakes).
   */
  forRequest?(scope: RequestScope): this;
  close(): Promise<void>;
}
