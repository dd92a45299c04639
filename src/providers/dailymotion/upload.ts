import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { framedStream } from '../../upstream/upload-chunks';
import { badUserInput } from '../../errors';

/** A file to upload: a stream with its exact size (never buffered), or bytes (dailymotion spec §6). */
export interface UploadSource {
  readonly body: Readable | Buffer;
  /** Bytes; required so Content-Length is known up front (the SDK never sends chunked bodies, spec §3.1). */
  readonly size: number;
  /** The part's filename; the upload server answers `name` = this less its extension. */
  readonly fileName: string;
  /** The part's Content-Type; libcurl sends application/octet-stream (spec §6 step 3). */
  readonly contentType?: string | null;
}

export interface MultipartBody {
  readonly headers: Record<string, string>;
  readonly body: Readable;
  readonly boundary: string;
}

/** A filename fit for a quoted header parameter: no quotes, no line breaks, no path. */
export function partFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\r\n]/g, ' ').replace(/"/g, '%22');
  return clean === '' ? 'file' : clean;
}

/**
 * The single-part `multipart/form-data` body libcurl sends (spec §6 step 3): head, the bytes as they
 * stream, tail. A source that yields more or fewer bytes than `size` fails the request.
 */
export function multipartUpload(source: UploadSource, boundary = `------------------------${randomBytes(8).toString('hex')}`): MultipartBody {
  if (!Number.isSafeInteger(source.size) || source.size < 0) throw badUserInput('size must be a whole number of bytes', { field: 'size' });
  if (Buffer.isBuffer(source.body) && source.body.length !== source.size) throw badUserInput('size does not match the file', { field: 'size' });
  const contentType = source.contentType && /^[\x20-\x7e]+$/.test(source.contentType) ? source.contentType : 'application/octet-stream';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${partFileName(source.fileName)}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  const expected = source.size;
  const body = framedStream(head, source.body, tail, expected, (seen, early) =>
    early
      ? badUserInput(`the file has ${seen} bytes, not its declared size ${expected}`, { field: 'size' })
      : badUserInput(`the file is larger than its declared size ${expected}`, { field: 'size' }),
  );
  return {
    boundary,
    body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + expected + tail.length),
    },
  };
}
