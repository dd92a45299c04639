import { Readable } from 'node:stream';
import type { UploadBody, UploadHooks } from './upload-types';

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

/** The body's bytes as they are read, reported to `progress` (single-request uploads). */
export function countingStream(source: AsyncIterable<Buffer>, progress: (bytes: number) => void): Readable {
  let bytes = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      bytes += chunk.length;
      progress(bytes);
      yield chunk;
    }
  }
  return Readable.from(counted(), { objectMode: false });
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
    const stream = countingStream(body.open(), (bytes) => {
      read = bytes;
      hooks.progress(bytes);
    });
    try {
      return await send(stream);
    } catch (error) {
      const broken = (error as { code?: string }).code === 'PROVIDER_UNAVAILABLE' && read < body.size;
      if (!broken || !body.reopenable || attempt >= (hooks.maxResumes ?? 3)) throw error;
      stream.destroy();
    }
  }
}

/**
 * The last `capacity` bytes handed to a connection, so that what the provider did not get before the
 * connection broke can be sent again (bytes in socket buffers are lost with it).
 */
export class ReplayWindow {
  private readonly ring: Buffer;
  /** Absolute offset just past the last byte written. */
  private end = 0;

  constructor(readonly capacity: number) {
    this.ring = Buffer.allocUnsafeSlow(capacity);
  }

  get written(): number {
    return this.end;
  }

  write(chunk: Buffer): void {
    let data = chunk.length > this.capacity ? chunk.subarray(chunk.length - this.capacity) : chunk;
    const skipped = chunk.length - data.length;
    let at = (this.end + skipped) % this.capacity;
    while (data.length > 0) {
      const n = Math.min(data.length, this.capacity - at);
      data.copy(this.ring, at, 0, n);
      data = data.subarray(n);
      at = (at + n) % this.capacity;
    }
    this.end += chunk.length;
  }

  /** A copy of the bytes at absolute offsets `[from, end)`; null when they are no longer held. */
  copyFrom(from: number): Buffer | null {
    if (from < this.end - this.capacity || from > this.end) return null;
    const out = Buffer.allocUnsafe(this.end - from);
    let at = from % this.capacity;
    for (let filled = 0; filled < out.length; ) {
      const n = Math.min(out.length - filled, this.capacity - at);
      this.ring.copy(out, filled, at, at + n);
      filled += n;
      at = (at + n) % this.capacity;
    }
    return out;
  }
}
