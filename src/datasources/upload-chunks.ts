import { Readable } from 'node:stream';

/** Reads `source` in pieces of exactly `size` bytes (the last one shorter), each buffered once. */
export async function* fixedChunks(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const chunk of source) {
    let rest = chunk;
    while (length + rest.length >= size) {
      const take = size - length;
      pending.push(rest.subarray(0, take));
      yield pending.length === 1 ? pending[0]! : Buffer.concat(pending, size);
      rest = rest.subarray(take);
      pending = [];
      length = 0;
    }
    if (rest.length > 0) {
      pending.push(rest);
      length += rest.length;
    }
  }
  if (length > 0) yield Buffer.concat(pending, length);
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
