import type { ProviderDatasource } from '../../domain/datasource';
import { EncodingStatus, type EncodingRecord } from '../../domain/types';
import { eventId, MalformedNotification, notificationEvent, type InboundContext, type InboundNotification } from '../../events/receiver-types';
import { VideoEventType, type VideoEvent } from '../../events/types';

/**
 * Panda's and Telestream's notification callbacks (panda spec §4.5, telestream spec §4): unsigned
 * form data, `event=video-created` (+ `video_id`, `encoding_ids[n]`), `video-encoded` (the same),
 * `encoding-progress` (+ `encoding_id`, `progress`), `encoding-complete` (+ `encoding_id`).
 * Progress names no video, completion no outcome: the encoding is read from the provider then
 * (after the 200), unless an earlier `video-created` told its video.
 */

const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

function field(form: URLSearchParams, key: string): string {
  const value = form.get(key);
  if (value === null || !ID.test(value)) throw new MalformedNotification(`${key}: missing or not an id`);
  return value;
}

/** `encoding_ids[0]=a&encoding_ids[1]=b`, `encoding_ids[]=a`, `encoding_ids=a,b`, or a JSON list: every form seen. */
function encodingIds(form: URLSearchParams): string[] {
  const ids: string[] = [];
  for (const [key, value] of form) {
    if (key !== 'encoding_ids' && !/^encoding_ids\[\d*\]$/.test(key)) continue;
    const items = value.startsWith('[') ? parseList(value) : value.split(',');
    for (const id of items.map((s) => s.trim()).filter(Boolean)) {
      if (!ID.test(id)) throw new MalformedNotification('encoding_ids: not ids');
      ids.push(id);
    }
  }
  return ids;
}

function parseList(text: string): string[] {
  try {
    const list: unknown = JSON.parse(text);
    if (Array.isArray(list) && list.every((x) => typeof x === 'string')) return list;
  } catch {
    // reported below
  }
  throw new MalformedNotification('encoding_ids: not a list');
}

/** The outcome of a finished encoding; null while it still runs (the delivery raced the state). */
function finalType(e: EncodingRecord): VideoEventType | null {
  if (e.status === EncodingStatus.READY) return VideoEventType.ENCODING_COMPLETED;
  if (e.status === EncodingStatus.FAILED || e.status === EncodingStatus.CANCELLED) return VideoEventType.ENCODING_FAILED;
  return null;
}

/** The same id from `encoding-complete` and `video-encoded`: one final event per encoding run. */
function finalEvent(source: ProviderDatasource, e: EncodingRecord, now: number): VideoEvent | null {
  const type = finalType(e);
  if (type === null) return null;
  const at = e.updatedAt ?? new Date(now);
  return notificationEvent(source, type, {
    id: eventId(source.provider, source.accountId, 'encoding-final', e.nativeId, at.toISOString()),
    videoNativeId: e.videoNativeId,
    encodingNativeId: e.nativeId,
    ...(type === VideoEventType.ENCODING_COMPLETED && { progress: 100 }),
    at,
  });
}

async function readEncoding(ctx: InboundContext, id: string): Promise<EncodingRecord> {
  const [found] = await ctx.source.getEncodings([id]);
  if (found === undefined || found instanceof Error) throw found ?? new Error('no encoding');
  ctx.videoOfEncoding.set(found.nativeId, found.videoNativeId);
  return found;
}

export function parseHmacQueryNotification(body: Buffer): InboundNotification {
  const form = new URLSearchParams(body.toString('utf8'));
  const event = form.get('event');
  switch (event) {
    case 'video-created': {
      const videoId = field(form, 'video_id');
      const encodings = encodingIds(form);
      return {
        name: event,
        events: (ctx) => {
          for (const e of encodings) ctx.videoOfEncoding.set(e, videoId);
          const id = eventId(ctx.source.provider, ctx.source.accountId, event, videoId);
          return Promise.resolve([notificationEvent(ctx.source, VideoEventType.CREATED, { id, videoNativeId: videoId, at: ctx.now() })]);
        },
      };
    }
    case 'encoding-progress': {
      const encodingId = field(form, 'encoding_id');
      const progress = Number(form.get('progress'));
      if (form.get('progress') === null || !Number.isFinite(progress) || progress < 0 || progress > 100) throw new MalformedNotification('progress: 0 to 100');
      return {
        name: event,
        async events(ctx) {
          const videoId = ctx.videoOfEncoding.get(encodingId) ?? (await readEncoding(ctx, encodingId)).videoNativeId;
          const id = eventId(ctx.source.provider, ctx.source.accountId, event, encodingId, progress);
          return [
            notificationEvent(ctx.source, VideoEventType.ENCODING_PROGRESS, {
              id,
              videoNativeId: videoId,
              encodingNativeId: encodingId,
              progress: Math.round(progress),
              at: ctx.now(),
            }),
          ];
        },
      };
    }
    case 'encoding-complete': {
      const encodingId = field(form, 'encoding_id');
      return {
        name: event,
        async events(ctx) {
          const final = finalEvent(ctx.source, await readEncoding(ctx, encodingId), ctx.now());
          return final ? [final] : [];
        },
      };
    }
    case 'video-encoded': {
      const videoId = field(form, 'video_id');
      encodingIds(form);
      return {
        name: event,
        async events(ctx) {
          const [encodings] = await ctx.source.getEncodingsByVideo([videoId]);
          if (encodings === undefined || encodings instanceof Error) throw encodings ?? new Error('no encodings');
          for (const e of encodings) ctx.videoOfEncoding.set(e.nativeId, e.videoNativeId);
          return encodings.map((e) => finalEvent(ctx.source, e, ctx.now())).filter((e): e is VideoEvent => e !== null);
        },
      };
    }
    default:
      if (event === null || !/^[a-z][a-z0-9_-]{0,63}$/.test(event)) throw new MalformedNotification('event: missing or not an event name');
      // an event this gateway does not know (a newer API): acknowledged, so it is not retried for 24 h
      return { name: 'unknown', events: () => Promise.resolve([]) };
  }
}
