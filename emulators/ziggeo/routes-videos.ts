import { checkVideoKey, parseTags, videoOf, type Handler, type RouteContext } from './context';
import { empty, HttpError, json, type Args, type Reply } from './http';
import { MemoryMedia, PLACEHOLDER_JPEG } from './media';
import { renderVideo } from './render';
import { parseStates } from './states';
import type { StoredStream, StoredVideo } from './store';

/** Videos (ziggeo spec §5.1), with the emulator's conventions marked [INFER]. */

const PLACEHOLDER = new MemoryMedia(PLACEHOLDER_JPEG, 'image/jpeg');
const MAX_LIMIT = 100;

const render = (ctx: RouteContext, video: StoredVideo) => renderVideo(ctx.store, ctx.app, video, ctx.now);

/** The update/create fields, all checked before anything changes (DESIGN §8). */
export function videoPatch(ctx: RouteContext, args: Args, self?: StoredVideo): (video: StoredVideo) => void {
  const key = args.nullableText('key');
  checkVideoKey(ctx, key, self);
  const tags = parseTags(args.text('tags'));
  const minDuration = args.int('min_duration');
  const maxDuration = args.int('max_duration');
  const volatile = args.bool('volatile');
  const expirationDays = args.int('expiration_days');
  const expireOn = args.nullableText('expire_on');
  if (expireOn && !/^\d{4}-\d{2}-\d{2}$/.test(expireOn)) throw new HttpError(400, 'expire_on must be YYYY-MM-DD');
  const approvedText = args.text('approved');
  const approved = approvedText === undefined ? undefined : approvedText === 'None' ? null : args.bool('approved');
  return (video) => {
    if (key !== undefined) video.key = key;
    if (tags !== undefined) video.tags = tags;
    if (minDuration !== undefined) video.minDuration = minDuration;
    if (maxDuration !== undefined) video.maxDuration = maxDuration;
    if (volatile !== undefined) video.volatile = volatile;
    if (expirationDays !== undefined) video.expirationDays = expirationDays;
    if (expireOn !== undefined) video.expireOn = expireOn;
    if (approved !== undefined) video.approved = approved ?? null;
  };
}

/** `states` (names or numbers) and `tags` (all of them) [INFER: spec §12.2]. */
function filtered(ctx: RouteContext): StoredVideo[] {
  const states = parseStates(ctx.args.text('states'));
  if (states === null) throw new HttpError(400, 'states names an unknown state');
  const tags = parseTags(ctx.args.text('tags')) ?? [];
  return [...ctx.app.videos.values()].filter((v) => (!states || states.has(ctx.store.videoState(v, ctx.now))) && tags.every((t) => v.tags?.includes(t)));
}

/** Oldest first; `reverse` gives newest first [INFER]. `limit` defaults to 50, at most 100 (README). */
const index: Handler = (ctx) => {
  const limit = ctx.args.int('limit', 1) ?? 50;
  const skip = ctx.args.int('skip') ?? 0;
  const videos = filtered(ctx).sort((a, b) => a.created - b.created || a.token.localeCompare(b.token));
  if (ctx.args.bool('reverse')) videos.reverse();
  return json(videos.slice(skip, skip + Math.min(limit, MAX_LIMIT)).map((v) => render(ctx, v)));
};

/** Unknown tokens are left out of the answer [INFER]. */
function bulk(ctx: RouteContext): StoredVideo[] {
  const ids = ctx.args
    .required('tokens_or_keys')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (ids.length > MAX_LIMIT) throw new HttpError(400, `at most ${MAX_LIMIT} tokens_or_keys`);
  return ids.flatMap((id) => {
    const video = ctx.store.findVideo(ctx.app, id);
    return video ? [video] : [];
  });
}

/** A new video with one stream; with a file (1.17 multipart, spec §3.4) it starts processing. */
const create: Handler = (ctx) => {
  const patch = videoPatch(ctx, ctx.args);
  const video = ctx.store.newVideo(ctx.app, ctx.now);
  patch(video);
  const stream = ctx.store.newStream(video, ctx.now);
  const file = ctx.args.file;
  if (file) ctx.store.attachVideo(video, stream, file.media, ctx.now, typeOf(file.filename, ctx.args.text('video_type')));
  return json(render(ctx, video));
};

export function typeOf(filename: string | null, explicit?: string): string {
  const ext = explicit ?? (filename?.includes('.') ? filename.split('.').pop() : undefined);
  return (ext ?? 'mp4').toLowerCase();
}

/** 2.30 step 1 (spec §3.6): the video and its stream exist at once, the stream waiting for the upload. */
const uploadUrl: Handler = (ctx) => {
  const patch = videoPatch(ctx, ctx.args);
  const video = ctx.store.newVideo(ctx.app, ctx.now);
  patch(video);
  const stream = ctx.store.newStream(video, ctx.now, { uploading: true, videoType: typeOf(null, ctx.args.text('video_type')) });
  return json({ url_data: ctx.openUpload(video, stream, 'video'), video: render(ctx, video) });
};

/** The bytes of a stream, or 404 while it has none; images fall back to a snapshot once READY. */
export function mediaReply(ctx: RouteContext, stream: StoredStream | undefined, kind: 'video' | 'image'): Reply {
  if (!stream) throw new HttpError(404, 'Not Found');
  if (kind === 'video') {
    if (!stream.video) throw new HttpError(404, 'Not Found');
    return { kind: 'media', media: stream.video };
  }
  if (stream.image) return { kind: 'media', media: stream.image };
  if (ctx.store.streamState(stream, ctx.now) !== 'READY') throw new HttpError(404, 'Not Found');
  return { kind: 'media', media: PLACEHOLDER };
}

export const videoRoutes: [string, Handler][] = [
  ['GET /v1/videos', index],
  ['GET /v1/videos/count', (ctx) => json({ count: filtered(ctx).length })],
  ['POST /v1/videos', create],
  ['POST /v1/videos-upload-url', uploadUrl],
  ['POST /v1/videos/get_bulk', (ctx) => json(bulk(ctx).map((v) => render(ctx, v)))],
  [
    'POST /v1/videos/update_bulk',
    (ctx) => {
      const videos = bulk(ctx);
      const patches = videos.map((v) => videoPatch(ctx, ctx.args, v));
      videos.forEach((v, i) => patches[i]!(v));
      return json(videos.map((v) => render(ctx, v)));
    },
  ],
  [
    'POST /v1/videos/stats_bulk',
    (ctx) => {
      const videos = bulk(ctx);
      const plays = videos.reduce((n, v) => n + v.plays, 0);
      return json(ctx.args.bool('summarize') ? { plays } : videos.map((v) => ({ token: v.token, plays: v.plays })));
    },
  ],
  ['GET /v1/videos/:video', (ctx) => json(render(ctx, videoOf(ctx)))],
  [
    'POST /v1/videos/:video',
    (ctx) => {
      const video = videoOf(ctx);
      videoPatch(ctx, ctx.args, video)(video);
      return json(render(ctx, video));
    },
  ],
  [
    'DELETE /v1/videos/:video',
    (ctx) => {
      ctx.store.deleteVideo(ctx.app, videoOf(ctx));
      return empty();
    },
  ],
  ['GET /v1/videos/:video/video', (ctx) => mediaReply(ctx, ctx.store.mainStream(videoOf(ctx)), 'video')],
  ['GET /v1/videos/:video/image', (ctx) => mediaReply(ctx, ctx.store.mainStream(videoOf(ctx)), 'image')],
  [
    'POST /v1/videos/:video/push',
    (ctx) => {
      const video = videoOf(ctx);
      video.pushes.push(ctx.args.required('pushservicetoken'));
      return json(render(ctx, video));
    },
  ],
  ['GET /v1/videos/:video/stats', (ctx) => json({ plays: videoOf(ctx).plays })],
  [
    'POST /v1/videos/:video/effect',
    (ctx) => {
      const video = videoOf(ctx);
      video.effects.push(ctx.args.required('effectprofiletoken'));
      return json(render(ctx, video));
    },
  ],
  [
    'POST /v1/videos/:video/metaprofile',
    (ctx) => {
      const video = videoOf(ctx);
      video.effects.push(ctx.args.required('metaprofiletoken'));
      return json(render(ctx, video));
    },
  ],
  ['POST /v1/videos/:video/analytics', (ctx) => (videoOf(ctx), json([]))],
];
