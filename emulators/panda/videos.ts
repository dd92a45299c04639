import { badRequest, fileTooLarge, missingParams } from './errors';
import { videoStatus } from './lifecycle';
import { cloudOf, noRoute, ok, paginate, type ApiReply, type RouteContext } from './route-context';
import type { CloudState, StoredVideo } from './records';
import { renderEncoding, renderMetadata, renderVideo } from './wire';
import { encodingsOf } from './encodings';

import { checkVideoOptions, createVideo, findVideo, videoOptions, type VideoSource } from './video-records';

function newestFirst(a: StoredVideo, b: StoredVideo): number {
  return Math.floor(b.createdAt / 1000) - Math.floor(a.createdAt / 1000) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function videoRoutes(ctx: RouteContext): ApiReply {
  const { store, method, segments, params: p, now } = ctx;
  const state = cloudOf(ctx);
  if (segments.length === 1 && method === 'GET') {
    const status = p.get('status');
    // the order is not documented: newest first (created_at, then id) lets clients page and merge
    const videos = [...state.videos.values()].filter((v) => !status || videoStatus(v, now) === status).sort(newestFirst);
    return ok(paginate(videos, p).map((v) => renderVideo(v, now)));
  }
  if (segments.length === 1 && method === 'POST') {
    const sourceUrl = p.get('source_url');
    if (!p.file && !sourceUrl) throw missingParams('file or source_url');
    if (p.file && ctx.maxFileSize !== null && p.file.size > ctx.maxFileSize) throw fileTooLarge(ctx.maxFileSize);
    const options = videoOptions(p);
    const profiles = checkVideoOptions(store, state, options);
    const source: VideoSource = p.file ? { kind: 'file', file: p.file } : { kind: 'url', url: sourceUrl! };
    return ok(renderVideo(createVideo(store, state, source, profiles, options), now));
  }
  if (segments[1] === 'upload' && segments.length === 2 && method === 'POST') return openUploadSession(ctx, state);
  if (segments.length < 2) throw noRoute(ctx);
  const video = findVideo(state, segments[1]!);
  if (segments.length === 2 && method === 'GET') return ok(renderVideo(video, now));
  if (segments.length === 2 && method === 'DELETE') {
    store.deleteVideo(state.cloud.id, video.id);
    return ok({ deleted: true });
  }
  if (segments.length === 3 && segments[2] === 'encodings' && method === 'GET') return ok(encodingsOf(state, p, now, video.id).map((e) => renderEncoding(e, now)));
  if (segments.length === 3 && segments[2] === 'metadata' && method === 'GET') return ok(renderMetadata(video, now));
  if (segments.length === 3 && segments[2] === 'source' && method === 'DELETE') {
    // only the stored source file goes (spec §4.2); the video and its encodings stay
    video.sourceDeleted = true;
    video.updatedAt = now;
    return ok({ deleted: true });
  }
  throw noRoute(ctx);
}

/**
 * POST /videos/upload.json (spec §6.1, §9.4.16): 201 with an absolute location on this server.
 * Without `profiles` or `use_all_profiles` the video gets no encodings ([UNCONFIRMED]: the default
 * `use_all_profiles=false` reads so, and the SDK sends `profiles=h264` for that reason).
 */
function openUploadSession(ctx: RouteContext, state: CloudState): ApiReply {
  const p = ctx.params;
  const fileSize = p.get('file_size');
  const fileName = p.get('file_name');
  if (!fileSize || !fileName) throw missingParams('file_size, file_name');
  if (!/^\d+$/.test(fileSize) || !Number.isSafeInteger(Number(fileSize)) || Number(fileSize) < 1) throw badRequest('file_size must be a positive integer');
  if (ctx.maxFileSize !== null && Number(fileSize) > ctx.maxFileSize) throw fileTooLarge(ctx.maxFileSize);
  const options = videoOptions(p);
  checkVideoOptions(ctx.store, state, options, false);
  const id = ctx.uploads.open(state.cloud.id, fileName, Number(fileSize), options, p.get('multi_chunk') === 'true');
  return ok({ id, location: `${ctx.origin}/upload/session?id=${id}`, ...ctx.uploads.partsOf(id) }, 201);
}
