import type { ProfileValue } from './presets';

/** The records of the emulator's state per cloud. Statuses are derived from the clock when read (lifecycle.ts). */

export interface Failure {
  readonly errorClass: string;
  readonly errorMessage: string;
}

/** A file received by multipart or an upload session: size and SHA-256, never the bytes. */
export interface ReceivedFile {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

export interface StoredCloud {
  readonly id: string;
  readonly accessKey: string;
  name: string;
  s3VideosBucket: string;
  s3PrivateAccess: boolean;
  url: string;
  priority: number;
  createdAt: number;
  updatedAt: number;
  /** Telestream factories only (telestream spec §5); absent until set. */
  uploadOriginalVideo?: boolean;
}

export interface StoredVideo {
  readonly id: string;
  readonly cloudId: string;
  createdAt: number;
  updatedAt: number;
  /** When the source is stored: `processing` before, `success` or `fail` (with `failure`) after. */
  readyAt: number;
  failure: Failure | null;
  sourceUrl: string | null;
  originalFilename: string | null;
  extname: string;
  path: string;
  pathFormat: string | null;
  payload: string | null;
  mimeType: string;
  videoCodec: string;
  audioCodec: string;
  width: number;
  height: number;
  fps: number;
  /** Milliseconds (spec §4.2). */
  duration: number;
  fileSize: number;
  sourceDeleted: boolean;
  upload: ReceivedFile | null;
  /** Metadata given by a test; derived from the fields above when null. */
  metadata: Record<string, string | number> | null;
}

export interface StoredEncoding {
  readonly id: string;
  readonly cloudId: string;
  readonly videoId: string;
  profileId: string;
  profileName: string;
  extname: string;
  path: string;
  width: number | null;
  height: number | null;
  createdAt: number;
  updatedAt: number;
  /** Queued until then. */
  startsAt: number;
  /** Full encoding time; progress is measured against it. */
  durationMs: number;
  /** Done then: `success`, or `fail` when `failure` is set (equal to `startsAt`: failed unstarted). */
  endsAt: number;
  failure: Failure | null;
  cancelledAt: number | null;
  /** What a successful run leaves: `files` and their total `file_size`. */
  files: string[];
  fileSize: number;
}

export interface StoredProfile {
  readonly id: string;
  readonly cloudId: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Every other field (`title`, `preset_name`, `extname`, `width`, …) with its wire value. */
  fields: Record<string, ProfileValue>;
}

export interface StoredNotifications {
  url: string | null;
  delay: number;
  events: Record<string, boolean>;
  /** Telestream only (telestream spec §5); absent until set. */
  sendVideoPayload?: boolean;
  /** When `url` last changed (emulator clock): callbacks tell what happens from then on (notifier.ts). */
  urlSetAt?: number;
}

export interface CloudState {
  readonly cloud: StoredCloud;
  readonly videos: Map<string, StoredVideo>;
  readonly encodings: Map<string, StoredEncoding>;
  readonly profiles: Map<string, StoredProfile>;
  readonly notifications: StoredNotifications;
}

export interface Timing {
  /** Source download of a video created from a `source_url`. */
  readonly downloadMs: number;
  readonly queueMs: number;
  readonly encodingMs: number;
}

export type VideoInit = Partial<Omit<StoredVideo, 'cloudId'>>;

export interface EncodingInit {
  readonly id?: string;
  readonly at?: number;
  readonly startsAt?: number;
  readonly durationMs?: number;
  readonly endsAt?: number;
  /** `null` forces success even for a failed source; absent: fails with the source (VideoStatusInvalid). */
  readonly failure?: Failure | null;
  readonly cancelledAt?: number | null;
  readonly profileId?: string;
  readonly profileName?: string;
  readonly files?: string[];
  readonly fileSize?: number;
}

export const NOTIFICATION_EVENTS = ['video_created', 'video_encoded', 'encoding_progress', 'encoding_completed'] as const;

/** Encodings of a failed source fail too (spec: "If the video has failed, the encoding will fail as well"). */
export const SOURCE_FAILED: Failure = { errorClass: 'VideoStatusInvalid', errorMessage: 'The original video is in error state and can not be processed' };

/** Encodings made after `DELETE /videos/{id}/source.json` have nothing to encode. */
export const SOURCE_DELETED: Failure = { errorClass: 'FileNotFound', errorMessage: "The original video file doesn't exist in storage" };

/** One Panda cloud's credentials as the emulator knows them (demo or `--accounts`). */
export interface PandaEmulatorAccount {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly cloudId: string;
  readonly cloudName?: string;
}
