import type { IncomingMessage, ServerResponse } from 'node:http';
import { processRequest } from 'graphql-upload-minimal';
import { VidmeshError } from '../errors';
import type { Refusal } from './errors';
import { PacedBody, type UploadPace } from './upload-pace';

/** The GraphQL multipart request spec (graphql-upload-minimal), with the limits of DESIGN §4 and the body's pace. */
export interface MultipartLimits extends UploadPace {
  readonly maxUploadBytes: number;
  readonly maxFilesPerRequest: number;
}

export type MultipartResult = { readonly body: unknown } | Refusal;

/** `operations` and `map` are JSON, never media. */
const MAX_FIELD_BYTES = 1024 * 1024;
/** How long the rest of a refused body is read and dropped before the connection is cut. */
const DRAIN_MS = 2_000;

export function isMultipart(contentType: string | undefined): boolean {
  return /^multipart\/form-data\s*;/i.test(contentType ?? '');
}

/** The CSRF rule lives in csrf.ts, checked before a multipart body is read. */
export { hasPreflightHeader } from './csrf';

/** Once the answer is out, drops what is left of the body for a moment, then cuts the connection. */
export function cutOffAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (req.complete) return;
    req.unpipe();
    req.resume();
    const timer = setTimeout(() => req.socket.destroy(), DRAIN_MS);
    timer.unref();
    req.once('end', () => clearTimeout(timer));
    req.once('close', () => clearTimeout(timer));
  });
}

/**
 * Reads a multipart GraphQL request up to its files: answers the operation with `Upload` values
 * whose streams are read by the resolvers as the body arrives. Files past the per-request count and
 * bodies announced larger than the limits allow are refused before the body is read (so are
 * requests without a preflight header: csrf.ts, in the front).
 */
export async function readMultipartRequest(req: IncomingMessage, res: ServerResponse, limits: MultipartLimits): Promise<MultipartResult> {
  cutOffAfterAnswer(req, res);
  const declared = Number(req.headers['content-length']);
  const ceiling = limits.maxUploadBytes * limits.maxFilesPerRequest + 2 * MAX_FIELD_BYTES + 64 * 1024;
  if (Number.isFinite(declared) && declared > ceiling) {
    return { status: 413, code: 'UPLOAD_TOO_LARGE', message: `the request body is larger than the ${limits.maxUploadBytes} bytes per file this gateway accepts` };
  }
  try {
    // read at the client's pace, not under a flat deadline: long uploads live, stalled ones are cut (upload-pace.ts)
    const body = new PacedBody(req, res, limits) as unknown as IncomingMessage;
    const operations = await processRequest(body, res, {
      maxFieldSize: MAX_FIELD_BYTES,
      // no maxFileSize: on its limit the library unpipes the file stream and its reader stalls; the
      // resolvers' byte counter cuts the file off instead (UPLOAD_TOO_LARGE), the rest is drained
      maxFiles: limits.maxFilesPerRequest,
    });
    if (Array.isArray(operations)) return { status: 400, code: 'BAD_USER_INPUT', message: 'batched operations are not supported' };
    return { body: operations };
  } catch (error) {
    if (error instanceof VidmeshError) return { status: (error.extensions.http as { status?: number } | undefined)?.status ?? 400, code: error.code, message: error.message };
    const status = (error as { status?: number }).status ?? 400;
    const message = error instanceof Error ? error.message : 'malformed multipart request';
    if (/max file uploads exceeded/.test(message)) {
      return { status: 413, code: 'BAD_USER_INPUT', message: `at most ${limits.maxFilesPerRequest} file(s) per request` };
    }
    return { status: status >= 400 && status < 500 ? status : 400, code: 'BAD_USER_INPUT', message: `malformed multipart request: ${message}` };
  }
}
