import type { ProviderName } from '../config';

/** Normalized video status; the provider's own value travels beside it as `rawStatus`. */
export enum VideoStatus {
  PENDING = 'PENDING',
  UPLOADING = 'UPLOADING',
  PROCESSING = 'PROCESSING',
  READY = 'READY',
  FAILED = 'FAILED',
  UNKNOWN = 'UNKNOWN',
}

/** Normalized encoding status, with `progress` 0–100 beside it. */
export enum EncodingStatus {
  QUEUED = 'QUEUED',
  PROCESSING = 'PROCESSING',
  READY = 'READY',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
  UNKNOWN = 'UNKNOWN',
}

/** What every object of the API knows about where it lives. */
export interface Owned {
  /** GraphQL type name: decides the object type of interfaces and unions, and is part of the global id. */
  readonly kind: string;
  /** Relay global id. */
  readonly id: string;
  readonly nativeId: string;
  readonly accountId: string;
  readonly provider: ProviderName;
}

export interface VideoRecord extends Owned {
  readonly title: string | null;
  readonly status: VideoStatus;
  readonly rawStatus: string;
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
  /** Seconds. */
  readonly duration: number | null;
  /** Bytes. */
  readonly fileSize: number | null;
  readonly width: number | null;
  readonly height: number | null;
}

export interface EncodingRecord extends Owned {
  readonly videoNativeId: string;
  readonly status: EncodingStatus;
  readonly rawStatus: string;
  readonly progress: number;
  readonly profileName: string | null;
  readonly profileNativeId: string | null;
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
  readonly errorMessage: string | null;
}

export interface ProfileRecord extends Owned {
  readonly name: string;
  readonly title: string | null;
  readonly extname: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
}

/** What a provider account can do: clients read it from `Account.capabilities` before asking. */
export enum Capability {
  LIST_VIDEOS = 'LIST_VIDEOS',
  FILTER_VIDEOS_BY_STATUS = 'FILTER_VIDEOS_BY_STATUS',
  CREATE_VIDEO_FROM_URL = 'CREATE_VIDEO_FROM_URL',
  DELETE_VIDEO = 'DELETE_VIDEO',
  DELETE_VIDEO_SOURCE = 'DELETE_VIDEO_SOURCE',
  VIDEO_METADATA = 'VIDEO_METADATA',
  ENCODINGS = 'ENCODINGS',
  CREATE_ENCODING = 'CREATE_ENCODING',
  RETRY_ENCODING = 'RETRY_ENCODING',
  CANCEL_ENCODING = 'CANCEL_ENCODING',
  DELETE_ENCODING = 'DELETE_ENCODING',
  PROFILES = 'PROFILES',
  MANAGE_PROFILES = 'MANAGE_PROFILES',
  NOTIFICATIONS = 'NOTIFICATIONS',
  SIGNED_UPLOAD_PARAMS = 'SIGNED_UPLOAD_PARAMS',
  RESUMABLE_UPLOAD = 'RESUMABLE_UPLOAD',
  UPLOAD_FILE = 'UPLOAD_FILE',
  DIRECT_UPLOAD = 'DIRECT_UPLOAD',
}
