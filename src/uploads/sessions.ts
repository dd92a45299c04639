import { randomUUID } from 'node:crypto';
import { badUserInput } from '../errors';

export type UploadState = 'RECEIVING' | 'SENDING' | 'COMPLETED' | 'FAILED';

/** What a client can see of one upload while it runs and for a while after. */
export interface UploadProgress {
  readonly id: string;
  readonly account: string;
  fileName: string;
  state: UploadState;
  /** Bytes read from the client. */
  bytesReceived: number;
  /** Bytes the provider has (resumable sessions) or was sent (single requests). */
  bytesSent: number;
  /** Known once the client declared it or the file was spooled. */
  bytesTotal: number | null;
  readonly startedAt: Date;
  updatedAt: Date;
  /** The provider's id of the created video. */
  videoId: string | null;
  error: string | null;
}

/** A client-chosen id: long enough not to be guessed by accident, short enough to log. */
export const UPLOAD_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Uploads of one gateway, in memory: bounded (the oldest finished ones go first) and expiring
 * `ttlMs` after their last change, so polling clients can read the outcome.
 */
export class UploadSessions {
  private readonly byId = new Map<string, UploadProgress>();

  constructor(
    private readonly max = 1000,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  start(account: string, fileName: string, id?: string | null): UploadProgress {
    this.prune();
    if (id != null && !UPLOAD_ID.test(id)) throw badUserInput('uploadId: 8 to 64 letters, digits, "-" or "_"', { field: 'uploadId' });
    const key = id ?? randomUUID();
    if (this.byId.has(key)) throw badUserInput(`uploadId "${key}" is already in use`, { field: 'uploadId' });
    if (this.byId.size >= this.max) {
      const oldest = [...this.byId.values()].find((p) => p.state === 'COMPLETED' || p.state === 'FAILED');
      if (!oldest) throw badUserInput('too many uploads in progress; try again later');
      this.byId.delete(oldest.id);
    }
    const at = new Date(this.now());
    const progress: UploadProgress = { id: key, account, fileName, state: 'RECEIVING', bytesReceived: 0, bytesSent: 0, bytesTotal: null, startedAt: at, updatedAt: at, videoId: null, error: null };
    this.byId.set(key, progress);
    return progress;
  }

  update(progress: UploadProgress, change: Partial<Omit<UploadProgress, 'id' | 'account' | 'startedAt'>>): void {
    Object.assign(progress, change, { updatedAt: new Date(this.now()) });
  }

  get(id: string): UploadProgress | null {
    this.prune();
    return this.byId.get(id) ?? null;
  }

  private prune(): void {
    const limit = this.now() - this.ttlMs;
    for (const [id, p] of this.byId) if ((p.state === 'COMPLETED' || p.state === 'FAILED') && p.updatedAt.getTime() < limit) this.byId.delete(id);
  }
}
