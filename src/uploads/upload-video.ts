import type { Readable } from 'node:stream';
import type { FileUpload } from 'graphql-upload-minimal';
import type { ProviderDatasource } from '../datasources/types';
import type { UploadVideoInput } from '../datasources/upload-types';
import type { VideoRecord } from '../domain/types';
import { badUserInput, unsupported } from '../errors';
import { recordUploadBytes } from '../observability/metrics';
import { spoolBody, streamedBody, uploadTooLarge, type SpooledBody } from './body';
import type { UploadProgress } from './sessions';
import type { Uploads } from './service';

export interface UploadVideoRequest {
  readonly source: ProviderDatasource;
  readonly file: Promise<FileUpload>;
  /** The size the client declares; absent: the file is spooled to disk to learn it. */
  readonly fileSize?: number | null;
  readonly video: UploadVideoInput;
  readonly uploadId?: string | null;
}

/** A base name fit for provider parameters and multipart headers. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f"]/g, '_').slice(-255);
  return base === '' ? 'file' : base;
}

/**
 * Streams one client file to the provider (DESIGN §7 uploads): size first from the client or a
 * spool file on disk, progress in the upload session, the spool removed whatever happens.
 */
export async function uploadVideo(uploads: Uploads, request: UploadVideoRequest): Promise<{ video: VideoRecord; progress: UploadProgress }> {
  const { source } = request;
  if (!source.uploadVideo) throw unsupported('file uploads', source.accountId, source.provider);
  const max = uploads.limits.maxUploadBytes;
  const declared = request.fileSize ?? null;
  if (declared !== null && (!Number.isSafeInteger(declared) || declared <= 0)) throw badUserInput('fileSize: a whole number of bytes above 0', { field: 'fileSize' });
  if (declared !== null && declared > max) throw uploadTooLarge(max);
  const progress = uploads.sessions.start(source.accountId, 'file', request.uploadId);
  let stream: Readable | null = null;
  let spooled: SpooledBody | null = null;
  try {
    // the multipart parser rejects a file the map names but the body never sent: the client's mistake
    const file = await Promise.resolve(request.file).catch((error: unknown) => {
      throw badUserInput(`file: ${error instanceof Error ? error.message : 'not received'}`, { field: 'file' });
    });
    const meta = { fileName: cleanFileName(file.filename), contentType: file.mimetype || null };
    uploads.sessions.update(progress, { fileName: meta.fileName, bytesTotal: declared });
    stream = file.createReadStream();
    const received = (bytes: number) => uploads.sessions.update(progress, { bytesReceived: bytes });
    const body = declared !== null ? streamedBody(stream, declared, max, meta, received) : (spooled = await spoolBody(stream, max, meta, received));
    if (body.size === 0) throw badUserInput('the file is empty', { field: 'file' });
    uploads.sessions.update(progress, { state: 'SENDING', bytesTotal: body.size });
    let counted = 0;
    const sent = (bytes: number) => {
      uploads.sessions.update(progress, { bytesSent: bytes });
      if (bytes > counted) recordUploadBytes(source.accountId, bytes - counted);
      counted = Math.max(counted, bytes);
    };
    const video = await source.uploadVideo(request.video, body, { progress: sent });
    uploads.sessions.update(progress, { state: 'COMPLETED', bytesSent: body.size, videoId: video.nativeId });
    return { video, progress };
  } catch (error) {
    uploads.sessions.update(progress, { state: 'FAILED', error: error instanceof Error ? error.message : 'upload failed' });
    stream?.destroy();
    throw error;
  } finally {
    await spooled?.dispose();
  }
}
