import type { Readable } from 'node:stream';

/**
 * A file on its way to a provider (DESIGN §7 uploads): its size is known before the first byte is
 * sent (declared by the client or learned by spooling to disk), its bytes are never whole in memory.
 */
export interface UploadBody {
  readonly size: number;
  readonly fileName: string;
  readonly contentType: string | null;
  /** True when `open` may be called again to re-read the file from its start (a spooled file). */
  readonly reopenable: boolean;
  open(): Readable;
}

/** The video an upload creates, in terms every provider maps to its own parameters. */
export interface UploadVideoInput {
  readonly title?: string | null;
  /** Profile names; `[]` for none; absent: the provider's default. */
  readonly profiles?: readonly string[] | null;
  readonly payload?: string | null;
  readonly pathFormat?: string | null;
}

/** What an upload reports while it runs. */
export interface UploadHooks {
  /** Bytes the provider has confirmed (resumable sessions) or been sent (single requests). */
  progress(bytesSent: number): void;
  /** Resumes after a broken provider connection, at most this many times (default 3). */
  readonly maxResumes?: number;
}

/**
 * Bytes each stream stage of an upload's path may hold before it pushes back: a few socket reads
 * (64 KiB each), so that stages do not run in lock step one chunk at a time; a few stages of this
 * stay far under the upload's memory budget.
 */
export const UPLOAD_STAGE_BYTES = 256 * 1024;
