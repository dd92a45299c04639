import { eventId, MalformedNotification, notificationEvent, type InboundNotification } from '../../events/receiver-types';
import { VideoEventType, type VideoEvent } from '../../events/types';
import { ZiggeoDatasource } from './datasource';
import { streamNativeId } from './map';
import { confirmWebhook } from './webhooks';

/**
 * Ziggeo webhook callbacks (ziggeo spec §5.4; the payload is not in the spec, the emulator's
 * [INFER] form is read): `{"event_type", "time", "data"}` as a JSON body (`jsonheader`, `json`) or a
 * form with bracketed keys (`form`). `webhook_validation` carries the code that confirms the hook;
 * video events carry the video, whose default stream is the encoding.
 */

const TOKEN = /^[A-Za-z0-9_.-]{1,128}$/;

type Json = Record<string, unknown>;

/** `a[b][c]=v` pairs → nested objects (values stay text). */
function unflatten(form: URLSearchParams): Json {
  const root: Json = {};
  for (const [key, value] of form) {
    const path = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (!path) throw new MalformedNotification('form: malformed key');
    const names = [path[1]!, ...[...path[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    let node = root;
    names.slice(0, -1).forEach((name) => {
      const next = node[name];
      node = typeof next === 'object' && next !== null ? (next as Json) : ((node[name] = {}) as Json);
    });
    node[names.at(-1)!] = value;
  }
  return root;
}

function payloadOf(body: Buffer, contentType: string | undefined): Json {
  const text = body.toString('utf8');
  const looksJson = /^\s*\{/.test(text) || /json/i.test(contentType ?? '');
  if (!looksJson) return unflatten(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Json;
  } catch {
    // reported below
  }
  throw new MalformedNotification('body: not a JSON object');
}

function objectAt(value: unknown, key: string): Json {
  const inner = typeof value === 'object' && value !== null ? (value as Json)[key] : undefined;
  if (typeof inner !== 'object' || inner === null) throw new MalformedNotification(`${key}: missing`);
  return inner as Json;
}

function tokenAt(value: Json, key: string): string {
  const token = value[key];
  if (typeof token !== 'string' || !TOKEN.test(token)) throw new MalformedNotification(`${key}: missing or not a token`);
  return token;
}

/** Unix seconds, as Ziggeo's objects carry them; absent or odd → null. */
function seconds(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n * 1000 : null;
}

const VIDEO_EVENTS = new Set(['video_create', 'video_processing', 'video_ready', 'video_fail', 'video_delete']);

export function parseZiggeoNotification(body: Buffer, contentType: string | undefined): InboundNotification {
  const payload = payloadOf(body, contentType);
  const event = payload.event_type;
  if (typeof event !== 'string' || !/^[a-z][a-z0-9_]{0,63}$/.test(event)) throw new MalformedNotification('event_type: missing');
  const data = objectAt(payload, 'data');
  const time = seconds(payload.time);

  if (event === 'webhook_validation') {
    const webhookId = tokenAt(data, 'webhook_id');
    const code = tokenAt(data, 'validation_code');
    return {
      name: event,
      async events(ctx) {
        if (!(ctx.source instanceof ZiggeoDatasource)) return [];
        await confirmWebhook(ctx.source, webhookId, code);
        ctx.confirmed(webhookId);
        return [];
      },
    };
  }
  // an event this gateway does not know: acknowledged, so it is not retried
  if (!VIDEO_EVENTS.has(event)) return { name: 'unknown', events: () => Promise.resolve([]) };

  const video = objectAt(data, 'video');
  const videoToken = tokenAt(video, 'token');
  const main = typeof video.default_stream === 'object' && video.default_stream !== null ? (video.default_stream as Json) : null;
  const streamToken = main ? tokenAt(main, 'token') : null;
  return {
    name: event,
    events(ctx) {
      const at = time ?? ctx.now();
      const id = (...parts: string[]) => eventId('ziggeo', ctx.source.accountId, event, videoToken, streamToken, ...parts);
      const encoding = streamToken === null ? {} : { encodingNativeId: streamNativeId(videoToken, streamToken) };
      const one = (type: VideoEventType, extra: { progress?: number; encoding?: boolean } = {}, suffix = ''): VideoEvent =>
        notificationEvent(ctx.source, type, {
          id: id(suffix),
          videoNativeId: videoToken,
          ...(extra.encoding ? encoding : {}),
          ...(extra.progress !== undefined && { progress: extra.progress }),
          at,
        });
      switch (event) {
        case 'video_create':
          return Promise.resolve([one(VideoEventType.CREATED)]);
        case 'video_processing':
          // media arrived and the stream is being processed: Ziggeo tells no percentage
          return Promise.resolve([
            one(VideoEventType.SOURCE_UPLOADED, {}, 'source'),
            ...(streamToken ? [one(VideoEventType.ENCODING_PROGRESS, { progress: 0, encoding: true })] : []),
          ]);
        case 'video_ready':
          return Promise.resolve([one(VideoEventType.ENCODING_COMPLETED, { progress: 100, encoding: true })]);
        case 'video_fail':
          return Promise.resolve([one(VideoEventType.ENCODING_FAILED, { encoding: true })]);
        default:
          return Promise.resolve([one(VideoEventType.DELETED)]);
      }
    },
  };
}
