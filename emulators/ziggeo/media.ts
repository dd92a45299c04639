import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';

/** Bytes the emulator serves back: small ones in memory, big uploads spooled to a temporary file. */
export interface Media {
  readonly size: number;
  /** Hex SHA-256 of uploaded bytes (absent for demo media), for tests that a file arrived whole. */
  readonly sha256?: string;
  readonly contentType: string;
  open(): Readable;
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
  0xff, 0xd8,
  0xff, 0xdb, 0x00, 0x43, 0x00, ...new Array<number>(64).fill(1),
  0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00,
  0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, ...new Array<number>(15).fill(0), 0x00,
  0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, ...new Array<number>(15).fill(0), 0x00,
  0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,
  0x3f,
  0xff, 0xd9,
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
