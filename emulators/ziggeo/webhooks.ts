import { Deliveries, type Delivery, type DeliveryOptions } from '../common/deliveries';
import { renderVideo } from './render';
import type { StateName } from './states';
import type { AppState, StoredWebhook, ZiggeoStore } from './store';

/**
 * Webhook deliveries (ziggeo spec §5.4: `target_url`, `encoding`, `events`, confirmed with the
 * validation code "sent to the webhook when created"). The payload format is not in the spec; ours
 * [INFER]: `{"event_type", "time", "data": {...}}` — `data.video` for video events,
 * `data.webhook_id` + `data.validation_code` for `webhook_validation` — as a JSON body
 * (`jsonheader`: `Content-Type: application/json`; `json`: the same text under `text/plain`) or as
 * a form with bracketed keys (`form`: `data[video][token]=…`). Events: `video_create`,
 * `video_processing` (media received), `video_ready`, `video_fail`, `video_delete`.
 */

export const WEBHOOK_ENCODINGS = ['jsonheader', 'json', 'form'];
export const WEBHOOK_EVENTS = ['video_create', 'video_processing', 'video_ready', 'video_fail', 'video_delete'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number] | 'webhook_validation';

export interface ZiggeoNotifierOptions extends DeliveryOptions {
  /** How often states are compared (default 250 ms of wall time). */
  readonly tickMs?: number;
}

interface Seen {
  stream: string | null;
  processing: boolean;
  done: boolean;
  last: Record<string, unknown>;
}

export class ZiggeoNotifier {
  readonly deliveries: Deliveries;
  private readonly seen = new Map<AppState, Map<string, Seen>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: ZiggeoStore,
    private readonly now: () => number,
    options: ZiggeoNotifierOptions = {},
  ) {
    this.deliveries = new Deliveries(options);
    // what exists at start (demo data) is not news
    for (const app of store.apps.values()) this.compare(app, now(), false);
    this.timer = setInterval(() => this.tick(), options.tickMs ?? 250);
    this.timer.unref();
  }

  tick(): void {
    const now = this.now();
    for (const app of this.store.apps.values()) {
      for (const hook of app.webhooks.values()) {
        if (hook.validationSent) continue;
        hook.validationSent = true;
        this.deliveries.send(encode(hook, 'webhook_validation', now, { webhook_id: hook.id, validation_code: hook.validationCode }));
      }
      this.compare(app, now, true);
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.deliveries.close();
  }

  private compare(app: AppState, now: number, tell: boolean): void {
    let seen = this.seen.get(app);
    if (!seen) this.seen.set(app, (seen = new Map<string, Seen>()));
    const emit = (event: WebhookEvent, video: Record<string, unknown>) => {
      if (!tell) return;
      for (const hook of app.webhooks.values()) {
        if (hook.confirmed && (hook.events.length === 0 || hook.events.includes(event))) this.deliveries.send(encode(hook, event, now, { video }));
      }
    };
    for (const video of app.videos.values()) {
      const rendered = renderVideo(this.store, app, video, now);
      const main = this.store.mainStream(video);
      const state: StateName = this.store.videoState(video, now);
      let s = seen.get(video.token);
      if (!s) {
        seen.set(video.token, (s = { stream: null, processing: false, done: false, last: rendered }));
        emit('video_create', rendered);
        if (!tell) Object.assign(s, { stream: main?.token ?? null, processing: state !== 'EMPTY' && state !== 'UPLOADING', done: state === 'READY' || state === 'FAILED' });
      }
      s.last = rendered;
      // new media on another stream (a resubmission) is processed and told again
      if ((main?.token ?? null) !== s.stream) Object.assign(s, { stream: main?.token ?? null, processing: false, done: false });
      if (!s.processing && (state === 'PROCESSING' || state === 'READY' || state === 'FAILED')) {
        s.processing = true;
        emit('video_processing', rendered);
      }
      if (!s.done && (state === 'READY' || state === 'FAILED')) {
        s.done = true;
        emit(state === 'READY' ? 'video_ready' : 'video_fail', rendered);
      }
    }
    for (const [token, s] of seen) {
      if (app.videos.has(token)) continue;
      seen.delete(token);
      emit('video_delete', s.last);
    }
  }
}

/** One callback in the hook's encoding. */
export function encode(hook: StoredWebhook, event: WebhookEvent, now: number, data: Record<string, unknown>): Delivery {
  const payload = { event_type: event, time: Math.floor(now / 1000), data };
  if (hook.encoding === 'form') {
    const form = new URLSearchParams();
    flatten(payload, '', form);
    return { url: hook.targetUrl, contentType: 'application/x-www-form-urlencoded', body: form.toString(), event };
  }
  const contentType = hook.encoding === 'jsonheader' ? 'application/json' : 'text/plain; charset=utf-8';
  return { url: hook.targetUrl, contentType, body: JSON.stringify(payload), event };
}

/** `{a: {b: [1]}}` → `a[b][0]=1`; null → empty text. */
function flatten(value: unknown, prefix: string, out: URLSearchParams): void {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}[${key}]` : key, out);
    return;
  }
  out.append(prefix, value == null ? '' : typeof value === 'string' ? value : JSON.stringify(value));
}
