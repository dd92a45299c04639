import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';

/** Bytes the emulator serves back: small ones in memory, big uploads spooled to a temporary file. */
export interface Media {
  readonly size: number;
  /** Hex SHA-256 of uploaded bytes (absent for demo media), for tests that a file arrived whole. */
  readonly sha256?: string;
  readonly contentType: string;
  open(): Readable;
  /** Bytes `start`..`end` inclusive, read from where they are; media without it are cut from `open()`. */
  openRange?(start: number, end: number): Readable;
}

export class MemoryMedia implements Media {
  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
    readonly sha256?: string,
  ) {}

  get size(): number {
    return this.bytes.length;
  }

  open(): Readable {
    return Readable.from([this.bytes]);
  }

  openRange(start: number, end: number): Readable {
    return Readable.from([this.bytes.subarray(start, end + 1)]);
  }
}

class FileMedia implements Media {
  constructor(
    readonly path: string,
    readonly size: number,
    readonly contentType: string,
    readonly sha256?: string,
  ) {}

  open(): Readable {
    return createReadStream(this.path);
  }

  openRange(start: number, end: number): Readable {
    return createReadStream(this.path, { start, end });
  }
}

/** Where uploads above the memory limit go; removed with the emulator. */
export class MediaSpool {
  private dir: string | null = null;
  private counter = 0;

  constructor(readonly memoryLimit = 4 * 1024 * 1024) {}

  /** The temporary directory, once an upload needed it. */
  get directory(): string | null {
    return this.dir;
  }

  writer(contentType: string): MediaWriter {
    return new MediaWriter(this, contentType);
  }

  nextPath(): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'vidmesh-ziggeo-'));
    return join(this.dir, `upload-${++this.counter}`);
  }

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/** Collects one upload: in memory up to the spool's limit, then to a file, with back-pressure. */
export class MediaWriter {
  private chunks: Buffer[] = [];
  private size = 0;
  private file: { path: string; stream: WriteStream } | null = null;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly spool: MediaSpool,
    private contentType: string,
  ) {}

  async write(chunk: Buffer): Promise<void> {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (!this.file && this.size <= this.spool.memoryLimit) {
      this.chunks.push(chunk);
      return;
    }
    if (!this.file) {
      const path = this.spool.nextPath();
      this.file = { path, stream: createWriteStream(path) };
      for (const c of this.chunks) this.file.stream.write(c);
      this.chunks = [];
    }
    if (!this.file.stream.write(chunk)) await new Promise<void>((resolve) => this.file!.stream.once('drain', resolve));
  }

  async finish(contentType = this.contentType): Promise<Media> {
    this.contentType = contentType;
    const sha256 = this.hash.digest('hex');
    if (!this.file) return new MemoryMedia(Buffer.concat(this.chunks, this.size), contentType, sha256);
    const { path, stream } = this.file;
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return new FileMedia(path, this.size, contentType, sha256);
  }

  abort(): void {
    this.file?.stream.destroy();
    this.chunks = [];
  }
}

/** An 8×8 grey baseline JPEG (DC-only, one-symbol Huffman tables): the snapshot of streams without an image. */
export const PLACEHOLDER_JPEG = Buffer.from([
  0xff,
  0xd8,
  0xff,
  0xdb,
  0x00,
  0x43,
  0x00,
  ...new Array<number>(64).fill(1),
  0xff,
  0xc0,
  0x00,
  0x0b,
  0x08,
  0x00,
  0x08,
  0x00,
  0x08,
  0x01,
  0x01,
  0x11,
  0x00,
  0xff,
  0xc4,
  0x00,
  0x14,
  0x00,
  0x01,
  ...new Array<number>(15).fill(0),
  0x00,
  0xff,
  0xc4,
  0x00,
  0x14,
  0x10,
  0x01,
  ...new Array<number>(15).fill(0),
  0x00,
  0xff,
  0xda,
  0x00,
  0x08,
  0x01,
  0x01,
  0x00,
  0x00,
  0x3f,
  0x00,
  0x3f,
  0xff,
  0xd9,
]);

/** Demo "video" bytes: an MP4 `ftyp` box and a deterministic payload, like the vectors' fixture (spec §11). */
export function demoVideoBytes(token: string, size: number): Buffer {
  const head = Buffer.from('000000186674797069736f6d0000020069736f6d6d703432', 'hex');
  const body = Buffer.alloc(Math.max(0, size - head.length));
  const label = Buffer.from(`vidmesh ziggeo demo ${token}\r\n--not-a-boundary\u00ff`, 'latin1');
  for (let i = 0; i < body.length; i++) body[i] = label[i % label.length]!;
  return Buffer.concat([head, body]);
}

/** The content type of a stream's `video_type` (spec §6.2). */
export function videoContentType(videoType: string): string {
  return videoType === 'webm' ? 'video/webm' : videoType === 'mov' ? 'video/quicktime' : `video/${videoType || 'mp4'}`;
}

/**
 * Where one `Range` header falls on `size` bytes, as S3 answers it: a span, `unsatisfiable` (416),
 * or null for the whole file — no header, another unit, a malformed one, or several ranges (S3
 * ignores multi-range requests). RFC 9110 §14.1.2.
 */
export function mediaRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(?:(\d+)-(\d*)|-(\d+))$/i.exec((header ?? '').trim());
  if (!m) return null;
  const big = (digits: string) => Math.min(Number(digits), Number.MAX_SAFE_INTEGER);
  if (m[3] !== undefined) {
    const suffix = big(m[3]);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? null : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const first = big(m[1]!);
  const last = m[2] === '' ? null : big(m[2]!);
  if (last !== null && last < first) return null;
  return first >= size ? 'unsatisfiable' : { start: first, end: Math.min(last ?? size - 1, size - 1) };
}

/** Drops the bytes before `start` and stops after `end`, for media that cannot open a range themselves. */
async function* cut(source: Readable, start: number, end: number): AsyncGenerator<Buffer> {
  let offset = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    const from = Math.max(0, start - offset);
    const to = Math.min(chunk.length, end + 1 - offset);
    offset += chunk.length;
    if (to > from) yield chunk.subarray(from, to);
    if (offset > end) return;
  }
}

/**
 * A media answer as a static origin (S3, CloudFront) gives it: `Accept-Ranges: bytes` always (2.30
 * also needs it to take the body as bytes, spec §10.2.3), one `Range` answered 206 with
 * `Content-Range`, a range past the end 416 with `Content-Range: bytes *\/size`, and `HEAD` the same
 * headers without a body. `done` logs the status as soon as the headers are out.
 */
export async function sendMedia(req: IncomingMessage, res: ServerResponse, media: Media, done: (status: number) => void): Promise<void> {
  // Range is defined for GET only (RFC 9110 §14.2)
  const range = req.method === 'GET' ? mediaRange(req.headers.range, media.size) : null;
  if (range === 'unsatisfiable') {
    const body = Buffer.from('{"error": "Requested Range Not Satisfiable"}');
    res.writeHead(416, { 'content-type': 'application/json', 'content-range': `bytes */${media.size}`, 'content-length': String(body.length) });
    done(416);
    return void res.end(body);
  }
  const headers = { 'content-type': media.contentType, 'accept-ranges': 'bytes' };
  if (range) {
    res.writeHead(206, { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${media.size}`, 'content-length': String(range.end - range.start + 1) });
  } else {
    res.writeHead(200, { ...headers, 'content-length': String(media.size) });
  }
  done(res.statusCode); // logged when answered, not when the last byte has left
  if (req.method === 'HEAD') return void res.end();
  if (!range) return pipeline(media.open(), res);
  if (media.openRange) return pipeline(media.openRange(range.start, range.end), res);
  return pipeline(media.open(), (source: Readable) => cut(source, range.start, range.end), res);
}
