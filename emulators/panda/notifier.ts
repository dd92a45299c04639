import { Deliveries, type DeliveryOptions } from '../common/deliveries';
import { encodingState, videoStatus } from './lifecycle';
import type { CloudState, StoredEncoding } from './records';
import type { PandaStore } from './store';
import { renderVideo } from './wire';

/**
 * The callbacks a cloud's notification settings ask for (panda spec §4.5, telestream spec §4/§5):
 * form data POSTed to `url` — `event=video-created` (+ `video_id`, `encoding_ids[n]`),
 * `encoding-progress` (+ `encoding_id`, `progress`), `encoding-complete` (+ `encoding_id`),
 * `video-encoded` (+ `video_id`, `encoding_ids[n]`) — each only when its `events` flag is on, after
 * `delay` seconds. States are derived from the clock when read (lifecycle.ts), so a ticker compares
 * what it sees with what it already told; only what happens after the URL is set is told.
 */

export interface NotifierOptions extends DeliveryOptions {
  /** How often states are compared (default 250 ms of wall time). */
  readonly tickMs?: number;
  /** An `encoding-progress` every this many percent (default 10; 0 → every change seen). */
  readonly progressStep?: number;
}

interface Told {
  readonly url: string;
  readonly created: Set<string>;
  readonly encoded: Set<string>;
  /** Per encoding: the run (its `startsAt`) and the last progress told; -1 none yet. */
  readonly progress: Map<string, { run: number; sent: number; complete: boolean }>;
}

export class PandaNotifier {
  readonly deliveries: Deliveries;
  private readonly told = new Map<string, Told>();
  private readonly timer: NodeJS.Timeout;
  private readonly step: number;

  constructor(
    private readonly store: PandaStore,
    options: NotifierOptions = {},
    /** Telestream adds the video itself when `send_video_payload` is on. */
    private readonly withVideoPayload = false,
  ) {
    this.deliveries = new Deliveries(options);
    this.step = Math.max(0, options.progressStep ?? 10);
    this.timer = setInterval(() => this.tick(), options.tickMs ?? 250);
    this.timer.unref();
  }

  /** Compares every notifying cloud once (the ticker calls it; tests may too). */
  tick(): void {
    const now = this.store.now();
    for (const state of this.store.clouds.values()) {
      const url = state.notifications.url;
      if (!url || url === 'null') {
        this.told.delete(state.cloud.id);
        continue;
      }
      const told = this.told.get(state.cloud.id);
      if (told === undefined || told.url !== url) {
        this.told.set(state.cloud.id, this.baseline(state, url, now));
        continue;
      }
      this.compare(state, told, now);
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.deliveries.close();
  }

  /** What exists when the URL is set counts as told: only later changes are posted. */
  private baseline(state: CloudState, url: string, now: number): Told {
    // the ticker may see the URL a little after it was set: what happened since is news
    const since = Math.min(now, state.notifications.urlSetAt ?? now);
    const before = [...state.videos.values()].filter((v) => v.createdAt < since).map((v) => v.id);
    const told: Told = { url, created: new Set(before), encoded: new Set(), progress: new Map() };
    for (const e of state.encodings.values()) {
      if (!told.created.has(e.videoId)) continue;
      const s = encodingState(e, since);
      told.progress.set(e.id, { run: e.startsAt, sent: s.startedAt === null ? -1 : s.progress, complete: s.status !== 'processing' });
    }
    for (const id of before) if (this.allDone(state, id, since)) told.encoded.add(id);
    this.compare(state, told, now);
    return told;
  }

  private compare(state: CloudState, told: Told, now: number): void {
    const on = state.notifications.events;
    for (const video of state.videos.values()) {
      if (told.created.has(video.id) || video.createdAt > now) continue;
      told.created.add(video.id);
      if (on.video_created) this.post(state, 'video-created', { video_id: video.id, ...this.encodingIds(state, video.id) }, video.id);
    }
    for (const e of sortedEncodings(state)) {
      if (!told.created.has(e.videoId)) continue;
      let t = told.progress.get(e.id);
      // a retried encoding runs again: its progress and completion are told again
      if (t === undefined || t.run !== e.startsAt) told.progress.set(e.id, (t = { run: e.startsAt, sent: -1, complete: false }));
      if (t.complete) continue;
      const s = encodingState(e, now);
      if (s.status === 'processing' && s.startedAt !== null && (t.sent < 0 || s.progress - t.sent >= Math.max(1, this.step))) {
        t.sent = s.progress;
        if (on.encoding_progress) this.post(state, 'encoding-progress', { encoding_id: e.id, progress: String(s.progress) }, e.videoId);
      }
      if (s.status !== 'processing') {
        t.complete = true;
        if (on.encoding_completed) this.post(state, 'encoding-complete', { encoding_id: e.id }, e.videoId);
        told.encoded.delete(e.videoId);
      }
    }
    for (const video of state.videos.values()) {
      if (!told.created.has(video.id) || told.encoded.has(video.id) || !this.allDone(state, video.id, now)) continue;
      told.encoded.add(video.id);
      if (on.video_encoded) this.post(state, 'video-encoded', { video_id: video.id, ...this.encodingIds(state, video.id) }, video.id);
    }
    for (const id of told.created) if (!state.videos.has(id)) told.created.delete(id);
  }

  /** A video with encodings, every one of them past processing, and its source stored (or failed). */
  private allDone(state: CloudState, videoId: string, now: number): boolean {
    const video = state.videos.get(videoId);
    if (!video || videoStatus(video, now) === 'processing') return false;
    const encodings = [...state.encodings.values()].filter((e) => e.videoId === videoId);
    return encodings.length > 0 && encodings.every((e) => encodingState(e, now).status !== 'processing');
  }

  /** `encoding_ids[0]=…&encoding_ids[1]=…`, the docs' form of a list (spec §2.4). */
  private encodingIds(state: CloudState, videoId: string): Record<string, string> {
    return Object.fromEntries(sortedEncodings(state, videoId).map((e, i) => [`encoding_ids[${i}]`, e.id]));
  }

  private post(state: CloudState, event: string, fields: Record<string, string>, videoId: string): void {
    const form = new URLSearchParams({ event, ...fields });
    const video = state.videos.get(videoId);
    if (this.withVideoPayload && state.notifications.sendVideoPayload && video) form.set('video', JSON.stringify(renderVideo(video, this.store.now())));
    const delivery = { url: state.notifications.url!, contentType: 'application/x-www-form-urlencoded', body: form.toString(), event };
    const delayMs = Math.max(0, state.notifications.delay) * 1000;
    if (delayMs === 0) return this.deliveries.send(delivery);
    setTimeout(() => this.deliveries.send(delivery), delayMs).unref();
  }
}

function sortedEncodings(state: CloudState, videoId?: string): StoredEncoding[] {
  return [...state.encodings.values()].filter((e) => videoId === undefined || e.videoId === videoId).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
