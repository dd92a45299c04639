import type { Readable } from 'node:stream';
import type { FileUpload } from 'graphql-upload-minimal';
import type { UploadBody, UploadHooks } from '../domain/upload';
import { badUserInput, VidmeshError } from '../errors';
import { redactText } from '../errors/format';
import { recordUploadBytes } from '../observability/metrics';
import { SOURCE_FAILED_MESSAGE } from '../upstream';
import { positiveInt } from '../domain/validate';
import { spoolBody, streamedBody, uploadTooLarge, type SpooledBody } from './body';
import type { UploadProgress } from './sessions';
import type { Uploads } from './service';

/** One client file of a multipart request, as a mutation receives it. */
export interface FileRequest {
  readonly file: Promise<FileUpload>;
  /** The size the client declares; absent: the file is spooled to disk to learn it. */
  readonly fileSize?: number | null;
  readonly uploadId?: string | null;
  /** The API key's name (null without keys): `uploadId`s live in their key's own id space. */
  readonly owner?: string | null;
}

/**
 * What `uploadSession.error` may say: a gateway error's (redacted) message, as the mutation's own
 * error shows it; anything else is masked there, so it is masked here too.
 */
function shownError(error: unknown, closing: boolean): string {
  // the drain cut the request (or its provider call): say so rather than how the cut surfaced
  if (closing && !(error instanceof VidmeshError && (error.code === 'BAD_USER_INPUT' || error.code === 'UPLOAD_TOO_LARGE'))) return SHUTDOWN_REASON;
  // the drain cut the client's body: the provider call saw its source fail, which is not the client's doing here
  if (closing && error instanceof VidmeshError && error.message.endsWith(SOURCE_FAILED_MESSAGE)) return SHUTDOWN_REASON;
  return error instanceof VidmeshError ? redactText(error.message) : 'Internal server error';
}

/** How often a running upload's byte counts reach its stored record and the upload metric. */
const PROGRESS_EVERY_MS = 100;

/** What `uploadSession.error` says of an upload the gateway's shutdown cut. */
export const SHUTDOWN_REASON = 'the gateway shut down during the upload; send the file again';

/** A size a client declares: whole bytes above 0 (BAD_USER_INPUT), at most `max` (UPLOAD_TOO_LARGE). */
export function checkFileSize(size: number | null | undefined, max: number): void {
  positiveInt(size, 'fileSize');
  if (size != null && size > max) throw uploadTooLarge(max);
}

// the client's files already handed to a field: the multipart map may name one file at several paths
const readFiles = new WeakSet<FileUpload>();

/** The file's bytes, once: a second field given the same file is the client's mistake, not ours. */
function readOnce(file: FileUpload): Readable {
  if (readFiles.has(file))
    throw badUserInput('this file was already sent to another field of the operation: map each file to one field (send it again as another part)', { field: 'file' });
  readFiles.add(file);
  return file.createReadStream();
}

/** A base name fit for provider parameters and multipart headers. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f"]/g, '_').slice(-255);
  return base === '' ? 'file' : base;
}

/**
 * Streams one client file to a provider call (DESIGN §7 uploads): size first from the client or a
 * spool file on disk, progress in an upload session, bytes counted in the upload metric, the spool
 * removed whatever happens. `videoIdOf` names the provider's video the file went to.
 */
export async function sendFile<T>(
  uploads: Uploads,
  account: string,
  request: FileRequest,
  send: (body: UploadBody, hooks: UploadHooks) => Promise<T>,
  videoIdOf: (result: T) => string,
): Promise<{ result: T; progress: UploadProgress }> {
  const max = uploads.limits.maxUploadBytes;
  const declared = request.fileSize ?? null;
  checkFileSize(declared, max);
  const progress = await uploads.sessions.start(account, 'file', request.uploadId, request.owner ?? null);
  let stream: Readable | null = null;
  let spooled: SpooledBody | null = null;
  let flushProgress: () => void = () => undefined;
  try {
    // the multipart parser rejects a file the map names but the body never sent: the client's mistake
    const file = await Promise.resolve(request.file).catch((error: unknown) => {
      throw badUserInput(`file: ${error instanceof Error ? error.message : 'not received'}`, { field: 'file' });
    });
    const meta = { fileName: cleanFileName(file.filename), contentType: file.mimetype || null };
    uploads.sessions.update(progress, { fileName: meta.fileName, bytesTotal: declared });
    stream = readOnce(file);
    // per chunk, only the counts in memory change (seen at once by this process's reads); the
    // session record (JSON, to the store) and the metric follow at most every PROGRESS_EVERY_MS
    let lastReport = performance.now();
    let counted = 0;
    let timer: NodeJS.Timeout | null = null;
    const report = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      lastReport = performance.now();
      uploads.sessions.update(progress, {});
      if (progress.bytesSent > counted) recordUploadBytes(account, progress.bytesSent - counted);
      counted = Math.max(counted, progress.bytesSent);
    };
    flushProgress = report;
    // a report now when one is due, else one when it will be (the bytes may stop coming meanwhile)
    const changed = () => {
      const since = performance.now() - lastReport;
      if (since >= PROGRESS_EVERY_MS) report();
      else if (!timer) timer = setTimeout(report, PROGRESS_EVERY_MS - since).unref();
    };
    const received = (bytes: number) => {
      progress.bytesReceived = bytes;
      changed();
    };
    const body = declared !== null ? streamedBody(stream, declared, max, meta, received) : (spooled = await spoolBody(stream, max, meta, received));
    if (body.size === 0) throw badUserInput('the file is empty', { field: 'file' });
    uploads.sessions.update(progress, { state: 'SENDING', bytesTotal: body.size });
    const sent = (bytes: number) => {
      progress.bytesSent = bytes;
      changed();
    };
    const result = await send(body, { progress: sent });
    flushProgress();
    await uploads.sessions.finish(progress, { state: 'COMPLETED', bytesSent: body.size, videoId: videoIdOf(result) });
    return { result, progress };
  } catch (error) {
    flushProgress();
    stream?.destroy();
    await uploads.sessions.finish(progress, { state: 'FAILED', error: shownError(error, uploads.sessions.isClosing) });
    throw error;
  } finally {
    await spooled?.dispose();
  }
}
