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

/** An upload session as stored: JSON, dates as epoch milliseconds. */
interface StoredProgress {
  readonly id: string;
  readonly account: string;
  readonly fileName: string;
  readonly state: UploadState;
  readonly bytesReceived: number;
  readonly bytesSent: number;
  readonly bytesTotal: number | null;
  readonly startedAt: number;
  readonly updatedAt: number;
  readonly videoId: string | null;
  readonly error: string | null;
}

const STATES: readonly string[] = ['RECEIVING', 'SENDING', 'COMPLETED', 'FAILED'];

export function recordOf(p: UploadProgress): string {
  const stored: StoredProgress = { ...p, startedAt: p.startedAt.getTime(), updatedAt: p.updatedAt.getTime() };
  return JSON.stringify(stored);
}

const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const text = (v: unknown): v is string => typeof v === 'string';
const orNull = <T>(v: unknown, is: (v: unknown) => v is T): boolean => v === null || is(v);

/** The record's shape checked (another replica, maybe of another version, wrote it); undefined when not one. */
export function parseProgress(raw: unknown): UploadProgress | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<keyof StoredProgress, unknown>;
  if (!text(r.id) || !text(r.account) || !text(r.fileName) || !text(r.state) || !STATES.includes(r.state)) return undefined;
  if (!count(r.bytesReceived) || !count(r.bytesSent) || !orNull(r.bytesTotal, count) || !count(r.startedAt) || !count(r.updatedAt)) return undefined;
  if (!orNull(r.videoId, text) || !orNull(r.error, text)) return undefined;
  return {
    id: r.id,
    account: r.account,
    fileName: r.fileName,
    state: r.state as UploadState,
    bytesReceived: r.bytesReceived,
    bytesSent: r.bytesSent,
    bytesTotal: r.bytesTotal as number | null,
    startedAt: new Date(r.startedAt),
    updatedAt: new Date(r.updatedAt),
    videoId: r.videoId as string | null,
    error: r.error as string | null,
  };
}
