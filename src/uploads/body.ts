import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UPLOAD_STAGE_BYTES, type UploadBody } from '../domain/upload';
import { badUserInput, VidmeshError } from '../errors';
import { makeSpoolDir, removeSpoolDir } from './spool';

export const uploadTooLarge = (max: number): VidmeshError =>
  new VidmeshError('UPLOAD_TOO_LARGE', `the file is larger than the ${max} bytes this gateway accepts`, { httpStatus: 413, extra: { maxBytes: max } });

/**
 * Counts bytes as they pass and fails the stream once they exceed `max` (UPLOAD_TOO_LARGE) or,
 * when `exact` is given, once they exceed it or end short of it (BAD_USER_INPUT).
 */
export class ByteCounter extends Transform {
  bytes = 0;

  constructor(
    private readonly max: number,
    private readonly exact: number | null,
    private readonly onBytes: (total: number) => void = () => undefined,
  ) {
    super({ readableHighWaterMark: UPLOAD_STAGE_BYTES, writableHighWaterMark: UPLOAD_STAGE_BYTES });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.max) return callback(uploadTooLarge(this.max));
    if (this.exact !== null && this.bytes > this.exact) return callback(badUserInput(`the file is larger than its declared size ${this.exact}`, { field: 'fileSize' }));
    this.onBytes(this.bytes);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.exact !== null && this.bytes !== this.exact)
      return callback(badUserInput(`the file has ${this.bytes} bytes, not its declared size ${this.exact}`, { field: 'fileSize' }));
    callback();
  }
}

/** The client's file stream read once, as it arrives: the size is the one the client declared. */
export function streamedBody(source: Readable, size: number, max: number, meta: { fileName: string; contentType: string | null }, onBytes?: (n: number) => void): UploadBody {
  if (size > max) {
    source.resume();
    throw uploadTooLarge(max);
  }
  let opened = false;
  return {
    ...meta,
    size,
    reopenable: false,
    open() {
      if (opened) throw new Error('a streamed upload body can be read once');
      opened = true;
      const counter = new ByteCounter(max, size, onBytes);
      // the count may fail before the provider request reads the stream: the error is kept on the
      // destroyed stream for that reader, not thrown as an unhandled 'error' event (a process crash)
      counter.on('error', () => undefined);
      source.once('error', (error) => counter.destroy(error));
      return source.pipe(counter);
    },
  };
}

/** A spooled body: the file on disk, read again as often as a resume needs, removed by `dispose`. */
export interface SpooledBody extends UploadBody {
  dispose(): Promise<void>;
}

/**
 * Writes the client's stream to a temporary file (never to memory) to learn its size, cutting it
 * off at `max` bytes: the protocols that need the size first get it without trusting the client.
 */
export async function spoolBody(source: Readable, max: number, meta: { fileName: string; contentType: string | null }, onBytes?: (n: number) => void): Promise<SpooledBody> {
  const dir = await makeSpoolDir();
  const path = join(dir, 'file');
  const dispose = () => removeSpoolDir(dir);
  const counter = new ByteCounter(max, null, onBytes);
  try {
    await pipeline(source, counter, createWriteStream(path));
  } catch (error) {
    source.resume();
    await dispose();
    throw error;
  }
  return { ...meta, size: counter.bytes, reopenable: true, open: () => createReadStream(path, { highWaterMark: UPLOAD_STAGE_BYTES }), dispose };
}
