import type { StoredEncoding, StoredVideo } from './records';

/**
 * States derived from the clock when read (no timers run): a video is `processing` until its source
 * is stored (`readyAt`), then `success` or `fail`; an encoding is queued until `startsAt`
 * (`processing`, progress 0, `started_encoding_at` ""), processing until `endsAt` with progress
 * growing 0 → 99, then `success` (100) or `fail` (panda spec §4.2, §4.3).
 */

export type VideoStatus = 'processing' | 'success' | 'fail';
export type EncodingStatus = 'processing' | 'success' | 'fail' | 'cancelled';

export function videoStatus(video: StoredVideo, now: number): VideoStatus {
  if (now < video.readyAt) return 'processing';
  return video.failure ? 'fail' : 'success';
}

export interface EncodingState {
  readonly status: EncodingStatus;
  /** 0–99 while processing, 100 once successful. */
  readonly progress: number;
  /** When encoding started; null while queued or when it never ran (failed source, cancelled in queue). */
  readonly startedAt: number | null;
  /** When it reached its current state (for `updated_at`). */
  readonly since: number;
}

function progressAt(e: StoredEncoding, at: number): number {
  if (at <= e.startsAt || e.durationMs <= 0) return 0;
  return Math.min(99, Math.floor(((at - e.startsAt) / e.durationMs) * 100));
}

/** Whether the encoder ever ran: encodings of a failed source fail without starting (VideoStatusInvalid). */
const ran = (e: StoredEncoding, at: number) => e.endsAt > e.startsAt && at >= e.startsAt;

export function encodingState(e: StoredEncoding, now: number): EncodingState {
  if (e.cancelledAt !== null) {
    const at = Math.min(e.cancelledAt, e.endsAt);
    return { status: 'cancelled', progress: progressAt(e, at), startedAt: ran(e, at) ? e.startsAt : null, since: e.cancelledAt };
  }
  if (now < e.startsAt) return { status: 'processing', progress: 0, startedAt: null, since: e.createdAt };
  if (now < e.endsAt) return { status: 'processing', progress: progressAt(e, now), startedAt: e.startsAt, since: e.startsAt };
  if (e.failure) return { status: 'fail', progress: progressAt(e, e.endsAt), startedAt: ran(e, e.endsAt) ? e.startsAt : null, since: e.endsAt };
  return { status: 'success', progress: 100, startedAt: e.startsAt, since: e.endsAt };
}

/** Cancel applies to an encoding still queued or processing (our rule: spec §4.3 leaves it open). */
export const canCancel = (e: StoredEncoding, now: number) => encodingState(e, now).status === 'processing';

/** Retry applies to a failed encoding (spec §4.3 "Retry a failed encoding") and to a cancelled one. */
export const canRetry = (e: StoredEncoding, now: number) => ['fail', 'cancelled'].includes(encodingState(e, now).status);
