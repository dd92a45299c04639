import { Readable, Transform, type TransformCallback } from 'node:stream';
import { UPLOAD_STAGE_BYTES, type UploadBody, type UploadHooks } from '../domain/upload';

/**
 * A fixed set of equal buffers reused for upload chunks: a chunk's memory comes back as soon as the
 * provider has it, instead of waiting for a garbage collection (which lets RSS grow by many chunks).
 */
export class BufferPool {
  private readonly free: Buffer[] = [];
  private readonly waiting: ((buffer: Buffer) => void)[] = [];
  private readonly all = new Set<ArrayBufferLike>();

  constructor(
    readonly bufferBytes: number,
    /** Buffers are made when first needed, at most this many. */
    private readonly count: number,
  ) {}

  acquire(): Promise<Buffer> {
    const buffer = this.free.pop();
    if (buffer) return Promise.resolve(buffer);
    if (this.all.size < this.count) {
      const made = Buffer.allocUnsafeSlow(this.bufferBytes);
      this.all.add(made.buffer);
      return Promise.resolve(made);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Gives back the buffer a chunk (or any view of it) was cut from; other buffers are ignored. */
  release(view: Buffer): void {
    if (!this.all.has(view.buffer)) return;
    const buffer = Buffer.from(view.buffer, 0, this.bufferBytes);
    const next = this.waiting.shift();
    if (next) next(buffer);
    else this.free.push(buffer);
  }
}

/**
 * Reads `source` in pieces of exactly `size` bytes (the last one shorter). With a `pool`, each piece
 * is copied into a pool buffer the consumer must `release`; without, each is a new buffer.
 */
export async function* fixedChunks(source: AsyncIterable<Buffer>, size: number, pool?: BufferPool): AsyncGenerator<Buffer> {
  if (pool && pool.bufferBytes < size) throw new Error('pool buffers smaller than the chunk size');
  let target: Buffer | null = null;
  let pending: Buffer[] = [];
  let length = 0;
  const take = async (piece: Buffer) => {
    if (pool) {
      target ??= await pool.acquire();
      piece.copy(target, length);
    } else pending.push(piece);
    length += piece.length;
  };
  const cut = (): Buffer => {
    const out = pool ? target!.subarray(0, length) : pending.length === 1 ? pending[0]! : Buffer.concat(pending, length);
    target = null;
    pending = [];
    length = 0;
    return out;
  };
  for await (const chunk of source) {
    let rest = chunk;
    while (length + rest.length >= size) {
      const need = size - length;
      await take(rest.subarray(0, need));
      rest = rest.subarray(need);
      yield cut();
    }
    if (rest.length > 0) await take(rest);
  }
  if (length > 0) yield cut();
}

/** Passes chunks on as they are, calling `onBytes` with the running count (one stage, no generator). */
class Counting extends Transform {
  private bytes = 0;

  constructor(private readonly onBytes: (bytes: number) => void) {
    super({ readableHighWaterMark: UPLOAD_STAGE_BYTES, writableHighWaterMark: UPLOAD_STAGE_BYTES });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.onBytes(this.bytes);
    callback(null, chunk);
  }
}

/** `source` piped into `stage`: a source error fails the stage, and a reader gone early (the request failed) lets the source go. */
function pipedThrough(source: Readable, stage: Transform): Readable {
  source.once('error', (error) => stage.destroy(error));
  stage.once('close', () => {
    if (!source.readableEnded) source.unpipe(stage);
  });
  return source.pipe(stage);
}

/** The body's bytes as they are read, reported to `progress` (single-request uploads). */
export function countingStream(source: Readable, progress: (bytes: number) => void): Readable {
  return pipedThrough(source, new Counting(progress));
}

/**
 * `head`, then `source`'s chunks as they come, then `tail`: a multipart body around a streamed file,
 * as one Transform (no copies, no generator). A source of more or fewer than `size` bytes fails the
 * stream with `wrongSize(seen)`.
 */
export function framedStream(head: Buffer, source: Readable | Buffer, tail: Buffer, size: number, wrongSize: (seen: number, early: boolean) => Error): Readable {
  if (Buffer.isBuffer(source)) return Readable.from([head, source, tail], { objectMode: false });
  let seen = 0;
  const framed = new Transform({
    readableHighWaterMark: UPLOAD_STAGE_BYTES,
    writableHighWaterMark: UPLOAD_STAGE_BYTES,
    transform(chunk: Buffer | string, _encoding, callback) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      seen += bytes.length;
      if (seen > size) return callback(wrongSize(seen, false));
      callback(null, bytes);
    },
    flush(callback) {
      if (seen !== size) return callback(wrongSize(seen, true));
      callback(null, tail);
    },
  });
  framed.push(head);
  return pipedThrough(source, framed);
}

/**
 * Sends a body in one request (protocols without resumable sessions). When the connection breaks
 * before every byte was read, the provider kept nothing: a spooled body is sent again from its
 * start, at most `maxResumes` times. A failure after the last byte is not retried (it may have
 * created something).
 */
export async function sendWhole<T>(body: UploadBody, hooks: UploadHooks, send: (stream: Readable) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let read = 0;
    const source = body.open();
    const stream = countingStream(source, (bytes) => {
      read = bytes;
      hooks.progress(bytes);
    });
    try {
      return await send(stream);
    } catch (error) {
      // whatever comes next, this pass's streams are done; the file or client stream is destroyed
      // itself: a counting stream never read never reaches the stream under it
      stream.destroy();
      source.destroy();
      const broken = (error as { code?: string }).code === 'PROVIDER_UNAVAILABLE' && read < body.size;
      if (!broken || !body.reopenable || attempt >= (hooks.maxResumes ?? 3)) throw error;
    }
  }
}

/**
 * The last `capacity` bytes handed to a connection, so that what the provider did not get before the
 * connection broke can be sent again (bytes in socket buffers are lost with it). The bytes are copied
 * into one ring buffer, made on the first write: holding the chunks themselves kept each of them alive
 * long enough to reach V8's old generation, which only a full collection frees — about one
 * mark-compact per 64 MiB sent (14 instead of 1 for a 1 GiB Panda upload, ~0.5 s of CPU per GiB);
 * the copy costs a memcpy.
 */
export class ReplayWindow {
  private ring: Buffer | null = null;
  /** Absolute offset just past the last byte written. */
  private end = 0;

  constructor(readonly capacity: number) {}

  get written(): number {
    return this.end;
  }

  write(chunk: Buffer): void {
    const capacity = this.capacity;
    if (capacity > 0 && chunk.length > 0) {
      this.ring ??= Buffer.allocUnsafeSlow(capacity);
      // of a chunk larger than the ring, only its last `capacity` bytes can be asked for again
      const piece = chunk.length > capacity ? chunk.subarray(chunk.length - capacity) : chunk;
      const at = (this.end + chunk.length - piece.length) % capacity;
      const first = Math.min(piece.length, capacity - at);
      piece.copy(this.ring, at, 0, first);
      if (first < piece.length) piece.copy(this.ring, 0, first);
    }
    this.end += chunk.length;
  }

  /** A copy of the bytes at absolute offsets `[from, end)`; null when they are no longer held. */
  copyFrom(from: number): Buffer | null {
    if (from > this.end || from < 0 || from < this.end - this.capacity) return null;
    const length = this.end - from;
    const out = Buffer.allocUnsafe(length);
    if (length === 0) return out;
    const at = from % this.capacity;
    const first = Math.min(length, this.capacity - at);
    this.ring!.copy(out, 0, at, at + first);
    if (first < length) this.ring!.copy(out, first, 0, length - first);
    return out;
  }
}
