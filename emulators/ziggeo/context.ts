import { HttpError, type Args, type Reply } from './http';
import type { AppState, StoredStream, StoredVideo, ZiggeoStore } from './store';

/** What a route handler gets: the authenticated application, the clock's now, the arguments. */
export interface RouteContext {
  readonly store: ZiggeoStore;
  readonly app: AppState;
  /** Milliseconds since the epoch on the emulator clock. */
  readonly now: number;
  readonly args: Args;
  readonly params: Readonly<Record<string, string>>;
  /** Opens an S3-like upload slot and answers its `url_data` (ziggeo spec §3.6 step 1). */
  openUpload(video: StoredVideo, stream: StoredStream, kind: 'video' | 'image'): { url: string; fields: Record<string, string> };
}

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

/** Unknown video, stream or token → 404 with a JSON body (spec §10.1.10). */
export function videoOf(ctx: RouteContext): StoredVideo {
  const video = ctx.store.findVideo(ctx.app, ctx.params.video!);
  if (!video) throw new HttpError(404, 'Not Found');
  return video;
}

export function streamOf(ctx: RouteContext, video = videoOf(ctx)): StoredStream {
  const stream = ctx.store.findStream(video, ctx.params.stream!);
  if (!stream) throw new HttpError(404, 'Not Found');
  return stream;
}

/** Comma-separated tags; an empty value or `None` clears them. */
export function parseTags(text: string | undefined): string[] | null | undefined {
  if (text === undefined) return undefined;
  if (text === '' || text === 'None') return null;
  const tags = text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return tags.length ? tags : null;
}

/** Unique among the application's videos, and not a path-breaking string. */
export function checkVideoKey(ctx: RouteContext, key: string | null | undefined, self?: StoredVideo): void {
  if (key == null) return;
  if (/[/?#\s]/.test(key) || key.length > 256) throw new HttpError(400, 'key may not hold "/", "?", "#" or spaces');
  const other = ctx.store.findVideo(ctx.app, key);
  if (other && other !== self) throw new HttpError(400, `key "${key}" is already in use`);
}
