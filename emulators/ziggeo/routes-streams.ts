import { streamOf, videoOf, type Handler, type RouteContext } from './context';
import { empty, HttpError, json } from './http';
import { renderStream } from './render';
import { mediaReply, typeOf } from './routes-videos';
import { parseStates } from './states';
import type { StoredStream, StoredVideo } from './store';

/** Streams (ziggeo spec §5.2): create, attach image/video (multipart or the 2.30 upload flow), bind. */

const render = (ctx: RouteContext, stream: StoredStream) => renderStream(ctx.store, stream, ctx.now);

/** The video part of a multipart attach: it starts processing and becomes the default stream (spec §5.2 notes). */
function attachVideo(ctx: RouteContext, video: StoredVideo, stream: StoredStream): void {
  const file = ctx.args.file;
  if (!file) throw new HttpError(400, 'file is required');
  ctx.store.attachVideo(video, stream, file.media, ctx.now, typeOf(file.filename, ctx.args.text('video_type')));
}

function attachImage(ctx: RouteContext, stream: StoredStream): void {
  const file = ctx.args.file;
  if (!file) throw new HttpError(400, 'file is required');
  const ext = typeOf(file.filename);
  const guessed = ext === 'png' ? 'image/png' : ext === 'gif' ? 'image/gif' : 'image/jpeg';
  const type = file.contentType && file.contentType !== 'application/octet-stream' ? file.contentType : guessed;
  stream.image = { size: file.media.size, sha256: file.media.sha256, contentType: type, open: () => file.media.open() };
}

/** 2.30 step 3 (spec §3.6): the upload must have arrived on the S3-like leg. */
function confirm(ctx: RouteContext, kind: 'video' | 'image') {
  const video = videoOf(ctx);
  const stream = streamOf(ctx, video);
  const upload = [...ctx.store.uploads.values()].find((u) => u.streamToken === stream.token && u.kind === kind && u.media);
  if (!upload?.media) throw new HttpError(400, `no ${kind} was uploaded for this stream`);
  ctx.store.uploads.delete(upload.key);
  if (kind === 'video') ctx.store.attachVideo(video, stream, upload.media, ctx.now);
  else stream.image = upload.media;
  return json(render(ctx, stream));
}

export const streamRoutes: [string, Handler][] = [
  [
    'GET /v1/videos/:video/streams',
    (ctx) => {
      const states = parseStates(ctx.args.text('states'));
      if (states === null) throw new HttpError(400, 'states names an unknown state');
      const streams = videoOf(ctx).streams.filter((s) => !states || states.has(ctx.store.streamState(s, ctx.now)));
      return json(streams.map((s) => render(ctx, s)));
    },
  ],
  [
    'POST /v1/videos/:video/streams',
    (ctx) => {
      const video = videoOf(ctx);
      const stream = ctx.store.newStream(video, ctx.now);
      if (ctx.args.file) attachVideo(ctx, video, stream);
      return json(render(ctx, stream));
    },
  ],
  [
    'POST /v1/videos/:video/streams-upload-url',
    (ctx) => {
      const video = videoOf(ctx);
      const stream = ctx.store.newStream(video, ctx.now, { uploading: true, videoType: typeOf(null, ctx.args.text('video_type')) });
      return json({ url_data: ctx.openUpload(video, stream, 'video'), stream: render(ctx, stream) });
    },
  ],
  ['GET /v1/videos/:video/streams/:stream', (ctx) => json(render(ctx, streamOf(ctx)))],
  [
    'DELETE /v1/videos/:video/streams/:stream',
    (ctx) => {
      const video = videoOf(ctx);
      ctx.store.deleteStream(video, streamOf(ctx, video));
      return empty();
    },
  ],
  ['GET /v1/videos/:video/streams/:stream/video', (ctx) => mediaReply(ctx, streamOf(ctx), 'video')],
  ['GET /v1/videos/:video/streams/:stream/image', (ctx) => mediaReply(ctx, streamOf(ctx), 'image')],
  [
    'POST /v1/videos/:video/streams/:stream/video',
    (ctx) => {
      const video = videoOf(ctx);
      const stream = streamOf(ctx, video);
      attachVideo(ctx, video, stream);
      return json(render(ctx, stream));
    },
  ],
  [
    'POST /v1/videos/:video/streams/:stream/image',
    (ctx) => {
      const stream = streamOf(ctx);
      attachImage(ctx, stream);
      return json(render(ctx, stream));
    },
  ],
  [
    'POST /v1/videos/:video/streams/:stream/video-upload-url',
    (ctx) => {
      const video = videoOf(ctx);
      const stream = streamOf(ctx, video);
      if (!stream.video) stream.uploading = true;
      stream.videoType = typeOf(null, ctx.args.text('video_type') ?? stream.videoType);
      return json({ url_data: ctx.openUpload(video, stream, 'video'), stream: render(ctx, stream) });
    },
  ],
  [
    // 2.30 sends the extension under the key `None` here (its bug, spec §3.6): ignored like any unknown key
    'POST /v1/videos/:video/streams/:stream/image-upload-url',
    (ctx) => {
      const video = videoOf(ctx);
      const stream = streamOf(ctx, video);
      return json({ url_data: ctx.openUpload(video, stream, 'image'), stream: render(ctx, stream) });
    },
  ],
  ['POST /v1/videos/:video/streams/:stream/confirm-video', (ctx) => confirm(ctx, 'video')],
  ['POST /v1/videos/:video/streams/:stream/confirm-image', (ctx) => confirm(ctx, 'image')],
  [
    'POST /v1/videos/:video/streams/:stream/push',
    (ctx) => {
      const stream = streamOf(ctx);
      stream.pushes.push(ctx.args.required('pushservicetoken'));
      return json(render(ctx, stream));
    },
  ],
  [
    'POST /v1/videos/:video/streams/:stream/bind',
    (ctx) => {
      const video = videoOf(ctx);
      const stream = streamOf(ctx, video);
      video.defaultStream = stream.token;
      return json(render(ctx, stream));
    },
  ],
  [
    'POST /v1/videos/:video/streams/:stream/subtitle',
    (ctx) => {
      const stream = streamOf(ctx);
      const lang = ctx.args.required('lang');
      stream.subtitles.push({ lang, label: ctx.args.text('label') ?? lang, data: ctx.args.required('data') });
      return json(render(ctx, stream));
    },
  ],
];
