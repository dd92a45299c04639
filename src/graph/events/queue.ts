import { VideoEventType, type VideoEvent } from '../../events/types';

/** What a subscriber's queue holds: the event and whatever travels with it (the burst's loaders). */
export interface Queued {
  readonly event: VideoEvent;
}

/** Progress of one encoding: a later progress replaces an earlier one still waiting. */
const isProgress = (e: VideoEvent): boolean => e.type === VideoEventType.ENCODING_PROGRESS && e.encodingNativeId !== undefined;

/** The encoding an event is about, or its video for video-level events. */
const encodingKey = (e: VideoEvent): string => `${e.accountId}\u0000${e.videoNativeId}\u0000${e.encodingNativeId ?? ''}`;
const videoKey = (e: VideoEvent): string => `${e.accountId}\u0000${e.videoNativeId}`;

/**
 * A bounded FIFO per subscriber. A progress event replaces the progress of the same encoding still
 * waiting, in its place, when nothing else about that encoding waits after it (latest wins, order
 * kept); final events (completed, failed, deleted) are never dropped. `push` answers false when the
 * queue is full and nothing could be coalesced: the consumer is too slow and is to be disconnected.
 */
export class SubscriberQueue<T extends Queued> {
  /** Slots from `head` on; a slot is null once taken. Positions are absolute (`base` + index). */
  private items: (T | null)[] = [];
  private base = 0;
  private head = 0;
  private count = 0;
  /** Absolute position of the last waiting event about an encoding (or about a video, for video-level events). */
  private readonly lastAbout = new Map<string, number>();
  private readonly lastVideoLevel = new Map<string, number>();
  /** Events replaced by a later progress, since creation (tests, metrics). */
  coalesced = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.count;
  }

  push(item: T): boolean {
    const e = item.event;
    const about = encodingKey(e);
    if (isProgress(e)) {
      const at = this.lastAbout.get(about);
      const waiting = at === undefined ? null : this.items[at - this.base];
      const videoLevel = this.lastVideoLevel.get(videoKey(e)) ?? -1;
      if (at !== undefined && waiting && isProgress(waiting.event) && at > videoLevel) {
        this.items[at - this.base] = item;
        this.coalesced++;
        return true;
      }
    }
    if (this.count >= this.capacity) return false;
    const position = this.base + this.items.length;
    this.items.push(item);
    this.count++;
    this.lastAbout.set(about, position);
    if (e.encodingNativeId === undefined) this.lastVideoLevel.set(videoKey(e), position);
    return true;
  }

  shift(): T | undefined {
    while (this.head < this.items.length) {
      const index = this.head++;
      const item = this.items[index];
      if (!item) continue;
      this.items[index] = null;
      this.count--;
      const position = this.base + index;
      const about = encodingKey(item.event);
      if (this.lastAbout.get(about) === position) this.lastAbout.delete(about);
      const video = videoKey(item.event);
      if (this.lastVideoLevel.get(video) === position) this.lastVideoLevel.delete(video);
      this.compact();
      return item;
    }
    return undefined;
  }

  clear(): void {
    this.base += this.items.length;
    this.items = [];
    this.head = 0;
    this.count = 0;
    this.lastAbout.clear();
    this.lastVideoLevel.clear();
  }

  /** Taken slots are dropped once they are most of the array (positions are absolute, so maps stay valid). */
  private compact(): void {
    if (this.head < 64 || this.head * 2 < this.items.length) return;
    this.items = this.items.slice(this.head);
    this.base += this.head;
    this.head = 0;
  }
}
