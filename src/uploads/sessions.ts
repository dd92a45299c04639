import { badUserInput } from '../errors';
import { readJson, ThrottledWriter, type StateLogger, type StateStore } from '../state';
import { uniqueId } from '../tokens';
import { parseProgress, recordOf, type UploadProgress } from './session-record';

export type { UploadProgress, UploadState } from './session-record';

export type ProgressChange = Partial<Omit<UploadProgress, 'id' | 'account' | 'startedAt'>>;

/** A client-chosen id: long enough not to be guessed by accident, short enough to log. */
export const UPLOAD_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface UploadSessionsOptions {
  /** Records live this long after their last write: an hour after the upload ends. */
  readonly ttlMs?: number;
  /** At most one progress write per upload per interval (the last is always written). */
  readonly intervalMs?: number;
  /** Uploads running in this process at once. */
  readonly maxRunning?: number;
  /** A final state the store refused is tried again for this long, then given up (logged). */
  readonly finalRetryMs?: number;
  /** Milliseconds since the epoch: the times clients see (deadlines here run on the monotonic clock). */
  readonly now?: () => number;
  readonly logger?: StateLogger;
}

interface Running {
  readonly key: string;
  readonly progress: UploadProgress;
  readonly writer: ThrottledWriter;
  warned: boolean;
}

/**
 * Each API key has its own id space (issue 20 §9): an id another key uses is neither refused nor
 * revealed to this one, and no key can squat ids for the others. `null` is the gateway without keys.
 */
const key = (owner: string | null, id: string): string => `upload:${owner === null ? '-' : `k.${encodeURIComponent(owner)}`}:${id}`;
// background retries must not keep a process alive on their own; a caller waiting in settle() does
const sleep = (ms: number, keepAlive = false) => new Promise<void>((resolve) => (keepAlive ? setTimeout(resolve, ms) : setTimeout(resolve, ms).unref()));

/**
 * Upload sessions in the shared state store (DESIGN §7 state): any replica reads any upload's
 * progress, a client's `uploadId` is taken once across replicas (`setIfAbsent`) in its API key's
 * own id space, progress writes
 * are throttled (the last always written), and a record lives `ttlMs` after its last write. The
 * store failing mid-upload does not fail the upload: progress is dropped, the final state is written
 * when the store is back (tried for `finalRetryMs`).
 */
export class UploadSessions {
  /** By store key (the owner's id space and the id). */
  private readonly running = new Map<string, Running>();
  /** The store key of each upload running here. */
  private readonly keys = new WeakMap<UploadProgress, string>();
  /** Final states not yet stored, by upload id: written again until `finalRetryMs` has passed. */
  private readonly unsaved = new Map<string, Promise<void>>();
  private readonly ttlMs: number;
  private readonly intervalMs: number;
  private readonly maxRunning: number;
  private readonly finalRetryMs: number;
  private readonly now: () => number;
  private closing = false;
  private stopped = false;

  constructor(
    private readonly store: StateStore,
    private readonly options: UploadSessionsOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.intervalMs = options.intervalMs ?? 250;
    this.maxRunning = options.maxRunning ?? 1000;
    this.finalRetryMs = options.finalRetryMs ?? 5 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** True once the gateway started shutting down: uploads failing now were cut by it. */
  get isClosing(): boolean {
    return this.closing;
  }

  /**
   * Takes the id (the client's, or a new one) in `owner`'s id space (the API key's name; null
   * without keys) in the store; STATE_UNAVAILABLE when it cannot be reached.
   */
  async start(account: string, fileName: string, id?: string | null, owner: string | null = null): Promise<UploadProgress> {
    if (id != null && !UPLOAD_ID.test(id)) throw badUserInput('uploadId: 8 to 64 letters, digits, "-" or "_"', { field: 'uploadId' });
    if (this.running.size >= this.maxRunning) throw badUserInput('too many uploads in progress; try again later');
    const uploadId = id ?? uniqueId();
    const at = new Date(this.now());
    const progress: UploadProgress = {
      id: uploadId,
      account,
      fileName,
      state: 'RECEIVING',
      bytesReceived: 0,
      bytesSent: 0,
      bytesTotal: null,
      startedAt: at,
      updatedAt: at,
      videoId: null,
      error: null,
    };
    const stored = key(owner, uploadId);
    if (this.running.has(stored) || !(await this.store.setIfAbsent(stored, recordOf(progress), this.ttlMs))) {
      throw badUserInput(`uploadId "${uploadId}" is already in use`, { field: 'uploadId' });
    }
    const entry: Running = { key: stored, progress, warned: false, writer: undefined as unknown as ThrottledWriter };
    const writer = new ThrottledWriter(this.store, stored, { ttlMs: this.ttlMs, intervalMs: this.intervalMs, onError: (error) => this.warnOnce(entry, error) });
    this.running.set(stored, Object.assign(entry, { writer }));
    this.keys.set(progress, stored);
    return progress;
  }

  /** A change while the upload runs: seen here at once, in the store within `intervalMs`. */
  update(progress: UploadProgress, change: ProgressChange): void {
    Object.assign(progress, change, { updatedAt: new Date(this.now()) });
    const stored = this.keys.get(progress);
    if (stored !== undefined) this.running.get(stored)?.writer.write(recordOf(progress));
  }

  /**
   * The upload's last change (COMPLETED or FAILED), written before this returns when the store
   * answers; otherwise written later, in the background, and this returns anyway.
   */
  async finish(progress: UploadProgress, change: ProgressChange): Promise<void> {
    Object.assign(progress, change, { updatedAt: new Date(this.now()) });
    const stored = this.keys.get(progress);
    const entry = stored === undefined ? undefined : this.running.get(stored);
    if (!entry) return;
    this.running.delete(entry.key);
    const record = recordOf(progress);
    // through the writer: a progress write still in flight cannot land after the final state
    entry.writer.write(record);
    try {
      await entry.writer.flush();
    } catch (error) {
      this.warnOnce(entry, error);
      this.retryFinal(entry.key, progress.id, record);
    }
  }

  /** `owner`'s upload as this process knows it (running here) or as the store has it; null when unknown or expired. */
  async get(id: string, owner: string | null = null): Promise<UploadProgress | null> {
    if (!UPLOAD_ID.test(id)) return null;
    const stored = key(owner, id);
    const local = this.running.get(stored);
    if (local) return local.progress;
    return (await readJson(this.store, stored, parseProgress)) ?? null;
  }

  /** From now on, uploads that fail were cut by the shutdown (their record says so). */
  beginShutdown(): void {
    this.closing = true;
  }

  /**
   * Waits (at most `boundMs`) for uploads still running here to end, their provider sessions
   * deleted and their final state written; then tries unsaved final states once more.
   */
  async settle(boundMs: number): Promise<void> {
    const until = performance.now() + boundMs;
    while ((this.running.size > 0 || this.unsaved.size > 0) && performance.now() < until) await sleep(Math.min(25, Math.max(1, until - performance.now())), true);
  }

  /** Stops retrying final states (the store is closing); what is still unsaved is logged as lost. */
  stop(): void {
    this.stopped = true;
  }

  private retryFinal(stored: string, id: string, record: string): void {
    const until = performance.now() + this.finalRetryMs;
    const attempt = async (): Promise<void> => {
      for (let delay = 100; !this.stopped && performance.now() < until; delay = Math.min(delay * 2, 2000)) {
        await sleep(delay);
        try {
          await this.store.set(stored, record, this.ttlMs);
          this.options.logger?.info({ uploadId: id }, 'upload state stored after the state store came back');
          return;
        } catch {
          // still unreachable: the next attempt waits longer
        }
      }
      this.options.logger?.warn({ uploadId: id, retriedMs: this.finalRetryMs }, 'upload state could not be stored; given up');
    };
    const pending = attempt().finally(() => {
      if (this.unsaved.get(stored) === pending) this.unsaved.delete(stored);
    });
    this.unsaved.set(stored, pending);
  }

  /** One line per upload: during an outage every progress write fails. */
  private warnOnce(entry: Running, error: unknown): void {
    if (entry.warned) return;
    entry.warned = true;
    const cause = (error as { cause?: unknown }).cause ?? error;
    this.options.logger?.warn(
      { uploadId: entry.progress.id, err: { message: cause instanceof Error ? cause.message : String(cause) } },
      'upload progress not stored: state store unavailable',
    );
  }
}
