import type { ExecutionResult } from 'graphql';
import type { ProviderDatasource } from '../../domain/datasource';
import type { EncodingRecord, VideoRecord } from '../../domain/types';
import { AccountLoaders } from '../common/loaders';
import { VideoEventType, type VideoEvent } from '../../events/types';
import type { VidmeshError } from '../../errors';

/** What some subscriber of an event selects: the video and encoding are loaded only when one does. */
export interface Wants {
  readonly video: boolean;
  readonly encoding: boolean;
}

const ignore = (): void => undefined;

/**
 * The loaders of one burst of events, shared by every subscriber: one loader set per account (every
 * field: subscribers select differently), so N subscribers × M events of a burst cost one batch per
 * account. A burst's records are read once; the next burst gets fresh loaders (states have moved on).
 */
export class BurstLoaders {
  private readonly sets = new Map<string, AccountLoaders>();
  private readonly encodings = new Map<string, Promise<EncodingRecord>>();

  forAccount(source: ProviderDatasource): AccountLoaders {
    let set = this.sets.get(source.accountId);
    if (set === undefined) this.sets.set(source.accountId, (set = new AccountLoaders(source)));
    return set;
  }

  video(source: ProviderDatasource, nativeId: string): Promise<VideoRecord> {
    return this.forAccount(source).video.load(nativeId);
  }

  /**
   * Where the video carries its encodings (Dailymotion assets, Ziggeo streams) and is loaded anyway,
   * the encoding comes from it: no second call.
   */
  encoding(source: ProviderDatasource, videoNativeId: string, nativeId: string, withVideo: boolean): Promise<EncodingRecord> {
    const key = `${source.accountId}\u0000${nativeId}`;
    let found = this.encodings.get(key);
    if (found === undefined) {
      const loaders = this.forAccount(source);
      found =
        withVideo && source.embeddedEncodings
          ? loaders.video.load(videoNativeId).then(
              () => loaders.encoding.load(nativeId),
              () => loaders.encoding.load(nativeId),
            )
          : loaders.encoding.load(nativeId);
      this.encodings.set(key, found);
    }
    return found;
  }
}

/** One event as a subscription executes it: the root value of `videoEvents` / `encodingProgress`. */
export interface EventPayload {
  readonly event: VideoEvent;
  /** The loaders of the event's burst (null for an event made up without one). */
  readonly loaders: BurstLoaders | null;
  /** Set on the last payload of a subscriber that could not keep up: the field answers this error. */
  readonly failure?: VidmeshError;
  /**
   * The event's results by audience (shared-results.ts): one payload per event and burst is handed to
   * every subscriber, so subscribers of one audience execute it once. Absent: executed alone.
   */
  readonly results?: Map<string, Promise<ExecutionResult>>;
}

interface Pending {
  readonly event: VideoEvent;
  video: boolean;
  encoding: boolean;
  readonly targets: ((payload: EventPayload) => void)[];
}

/**
 * Collects the events arriving within `windowMs` (a burst: one notification batch, one poll, a Redis
 * message train), starts their loads together, then hands each event to its subscribers in arrival
 * order, one payload per event for all of them. Subscribers' executions then find the records in the
 * burst's loaders, and subscribers of one audience share the execution (shared-results.ts).
 */
export class BurstBatcher {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;
  /** Bursts flushed, for tests. */
  bursts = 0;

  constructor(
    private readonly sourceOf: (accountId: string) => ProviderDatasource | undefined,
    private readonly windowMs: number,
  ) {}

  stage(event: VideoEvent, wants: Wants, deliver: (payload: EventPayload) => void): void {
    let entry = this.pending.get(event.id);
    if (entry === undefined) this.pending.set(event.id, (entry = { event, video: false, encoding: false, targets: [] }));
    entry.video ||= wants.video;
    entry.encoding ||= wants.encoding;
    entry.targets.push(deliver);
    if (this.timer === null) {
      this.timer = setTimeout(() => this.flush(), this.windowMs);
      this.timer.unref();
    }
  }

  /** Starts every load of the burst in the same tick (one DataLoader batch per account), then delivers. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const burst = [...this.pending.values()];
    this.pending = new Map();
    if (burst.length === 0) return;
    this.bursts++;
    const loaders = new BurstLoaders();
    for (const { event, video, encoding } of burst) {
      const source = this.sourceOf(event.accountId);
      // a deleted video has nothing left to read
      if (source === undefined || event.type === VideoEventType.DELETED) continue;
      if (video) loaders.video(source, event.videoNativeId).catch(ignore);
      if (encoding && event.encodingNativeId !== undefined) loaders.encoding(source, event.videoNativeId, event.encodingNativeId, video).catch(ignore);
    }
    for (const { event, targets } of burst) {
      const payload: EventPayload = { event, loaders, results: new Map() };
      for (const deliver of targets) deliver(payload);
    }
  }

  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
