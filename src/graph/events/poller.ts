import type { ProviderDatasource } from '../../domain/datasource';
import { EncodingStatus, VideoStatus, type EncodingRecord, type VideoRecord } from '../../domain/types';
import { VidmeshError } from '../../errors';
import { VideoEventType, type VideoEvent } from '../../events/types';

/** How often an account is polled: `minMs` while something processes, doubling up to `maxMs` when idle. */
export interface PollTiming {
  readonly minMs: number;
  readonly maxMs: number;
}

/** Newest videos an account-wide poll reads (one listing call; more would cost more calls per poll). */
export const POLL_WINDOW = 20;

interface Seen {
  readonly status: EncodingStatus;
  readonly progress: number;
}

const FINAL_ENCODING = new Set([EncodingStatus.READY, EncodingStatus.FAILED, EncodingStatus.CANCELLED]);
const ACTIVE_VIDEO = new Set([VideoStatus.PENDING, VideoStatus.UPLOADING, VideoStatus.PROCESSING]);

export const isFinalEncoding = (status: EncodingStatus): boolean => FINAL_ENCODING.has(status);

/**
 * Polls one account that sends no notifications (Dailymotion, or an account whose notifications are
 * not set up) while someone subscribes to it, and publishes what changed as normalized events
 * (`source: 'polling'`). Calls per poll: for account-wide interest one listing of the newest
 * POLL_WINDOW videos (Dailymotion and Ziggeo list their assets/streams with them), plus one
 * `getEncodingsByVideo` batch for watched videos and listed videos still processing.
 */
export class AccountPoller {
  private accountWide = 0;
  private readonly watched = new Map<string, number>();
  /** Encodings per video as last seen; absent: not seen yet (its first poll is a baseline). */
  private readonly encodings = new Map<string, Map<string, Seen>>();
  private readonly videoStatus = new Map<string, VideoStatus>();
  private readonly gone = new Set<string>();
  /** Newest creation time listed so far: a video listed later and newer is a new video. */
  private newest: number | null = null;
  private listed = false;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private interval: number;
  private enabled = false;
  /** Polls made, for tests and metrics. */
  polls = 0;

  constructor(
    readonly source: ProviderDatasource,
    private readonly publish: (event: VideoEvent) => Promise<unknown>,
    private readonly timing: PollTiming,
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.interval = timing.minMs;
  }

  get interest(): number {
    return this.accountWide + this.watched.size;
  }

  /** Polling now (interest, notifications not set up). */
  get running(): boolean {
    return this.enabled;
  }

  /** A subscriber's interest: the whole account (`video` null) or one video. Answers its release. */
  watch(video: string | null): () => void {
    if (video === null) this.accountWide++;
    else this.watched.set(video, (this.watched.get(video) ?? 0) + 1);
    // a new subscriber wants news soon: back to the fast pace
    this.interval = this.timing.minMs;
    if (this.enabled && !this.polling) this.schedule(this.timing.minMs);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (video === null) this.accountWide--;
      else {
        const left = (this.watched.get(video) ?? 1) - 1;
        if (left > 0) this.watched.set(video, left);
        else {
          this.watched.delete(video);
          if (!this.videoStatus.has(video)) this.encodings.delete(video);
        }
      }
    };
  }

  /** What a subscriber just read of a video's encodings: the first poll compares with it, so no change is missed. */
  seed(video: string, encodings: readonly EncodingRecord[]): void {
    if (this.encodings.has(video)) return;
    this.encodings.set(video, new Map(encodings.map((e) => [e.nativeId, { status: e.status, progress: e.progress }])));
  }

  start(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.interval = this.timing.minMs;
    if (!this.polling) this.schedule(0);
  }

  stop(): void {
    this.enabled = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    // polling never keeps the process alive: the gateway's close stops it
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (!this.enabled || this.interest === 0) return;
    this.polling = true;
    let busy = false;
    try {
      busy = await this.pollOnce();
    } catch (error) {
      this.onError(error);
    } finally {
      this.polling = false;
    }
    this.interval = busy ? this.timing.minMs : Math.min(this.timing.maxMs, Math.max(this.interval * 2, this.timing.minMs));
    if (this.enabled && this.interest > 0) this.schedule(this.interval);
  }

  /** One poll: reads, compares, publishes in order. Answers whether something is still processing. */
  async pollOnce(): Promise<boolean> {
    this.polls++;
    const lists = new Map<string, readonly EncodingRecord[] | Error>();
    const fresh = new Set<string>();
    const created: VideoEvent[] = [];
    const fetch = new Set([...this.watched.keys()].filter((id) => !this.gone.has(id)));
    let busy = false;
    if (this.accountWide > 0) {
      const videos = await this.source.listVideos({ offset: 0, count: POLL_WINDOW, reads: { status: true } });
      // an account that listed no video so far (a new one): whatever it lists now is new
      const emptyBefore = this.listed && this.videoStatus.size === 0;
      for (const video of videos) {
        const before = this.videoStatus.get(video.nativeId);
        const isNew = before === undefined && this.listed && (emptyBefore || this.newerThanSeen(video));
        if (isNew) {
          fresh.add(video.nativeId);
          created.push(this.event(VideoEventType.CREATED, video.nativeId));
        } else if (
          before !== undefined &&
          (before === VideoStatus.PENDING || before === VideoStatus.UPLOADING) &&
          (video.status === VideoStatus.PROCESSING || video.status === VideoStatus.READY)
        ) {
          created.push(this.event(VideoEventType.SOURCE_UPLOADED, video.nativeId));
        }
        this.videoStatus.set(video.nativeId, video.status);
        if (ACTIVE_VIDEO.has(video.status)) busy = true;
        const embedded = this.source.embeddedEncodings?.(video);
        if (embedded) lists.set(video.nativeId, embedded);
        else if (ACTIVE_VIDEO.has(video.status) || isNew || this.unfinished(video.nativeId) || !this.encodings.has(video.nativeId)) fetch.add(video.nativeId);
      }
      for (const video of videos) {
        const t = video.createdAt?.getTime();
        if (t !== undefined && (this.newest === null || t > this.newest)) this.newest = t;
      }
      this.listed = true;
    }
    const need = [...fetch].filter((id) => !lists.has(id));
    if (need.length > 0) {
      const answers = await this.source.getEncodingsByVideo(need);
      need.forEach((id, i) => lists.set(id, answers[i]!));
    }
    const events = [...created];
    for (const [video, list] of lists) {
      if (list instanceof Error) {
        if (list instanceof VidmeshError && list.code === 'NOT_FOUND' && this.watched.has(video) && !this.gone.has(video)) {
          this.gone.add(video);
          this.encodings.delete(video);
          events.push(this.event(VideoEventType.DELETED, video));
        }
        continue;
      }
      if (this.diff(video, list, fresh.has(video), events)) busy = true;
    }
    for (const event of events) await this.publish(event);
    return busy;
  }

  private newerThanSeen(video: VideoRecord): boolean {
    const t = video.createdAt?.getTime();
    return t !== undefined && this.newest !== null && t > this.newest;
  }

  private unfinished(video: string): boolean {
    const seen = this.encodings.get(video);
    return seen !== undefined && [...seen.values()].some((e) => !isFinalEncoding(e.status));
  }

  /** Events for what changed since the last poll; a video's first poll is its baseline (unless it is new). */
  private diff(video: string, list: readonly EncodingRecord[], fresh: boolean, out: VideoEvent[]): boolean {
    const before = this.encodings.get(video) ?? (fresh ? new Map<string, Seen>() : undefined);
    const now = new Map<string, Seen>();
    let busy = false;
    for (const encoding of list) {
      now.set(encoding.nativeId, { status: encoding.status, progress: encoding.progress });
      if (!isFinalEncoding(encoding.status)) busy = true;
      if (before === undefined) continue;
      const prev = before.get(encoding.nativeId);
      if (prev && prev.status === encoding.status && prev.progress === encoding.progress) continue;
      if (prev && isFinalEncoding(prev.status) && prev.status === encoding.status) continue;
      const type =
        encoding.status === EncodingStatus.READY
          ? VideoEventType.ENCODING_COMPLETED
          : isFinalEncoding(encoding.status)
            ? VideoEventType.ENCODING_FAILED
            : VideoEventType.ENCODING_PROGRESS;
      out.push(this.event(type, video, encoding));
    }
    this.encodings.set(video, now);
    return busy;
  }

  private event(type: VideoEventType, video: string, encoding?: EncodingRecord): VideoEvent {
    const state = encoding ? `:${encoding.status}:${encoding.progress}:${encoding.updatedAt?.getTime() ?? ''}` : '';
    return {
      // the same change seen by two replicas' pollers has one id: the bus publishes it once
      id: `poll:${this.source.accountId}:${video}:${encoding?.nativeId ?? ''}:${type}${state}`,
      type,
      accountId: this.source.accountId,
      provider: this.source.provider,
      videoNativeId: video,
      ...(encoding && { encodingNativeId: encoding.nativeId, progress: type === VideoEventType.ENCODING_COMPLETED ? 100 : encoding.progress }),
      at: new Date(this.now()).toISOString(),
      source: 'polling',
    };
  }
}
