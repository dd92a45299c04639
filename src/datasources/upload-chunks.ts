import { Readable } from 'node:stream';

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

/** Pulls the next item while the current one is in use: reading and sending overlap. */
export async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = source.next();
  next.catch(() => undefined);
  try {
    for (;;) {
      const item = await next;
      if (item.done) return;
      next = source.next();
      next.catch(() => undefined);
      yield item.value;
    }
  } finally {
    await source.return(undefined).catch(() => undefined);
  }
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
