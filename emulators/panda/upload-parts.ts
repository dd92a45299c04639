import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../common/http';
import { badRequest } from './errors';
import type { ReceivedFile } from './records';

/**
 * Multi-chunk upload state (telestream spec §6): parts arrive in any order and concurrently; the file
 * is hashed in order as parts extend the hashed prefix, so only parts that arrived ahead of it are
 * held. A re-sent part already here is ignored (idempotent).
 */
export class PartSet {
  private readonly ahead = new Map<number, Buffer>();
  private readonly here = new Set<number>();
  private readonly hash = createHash('sha256');
  private hashed = 0;
  readonly count: number;

  constructor(
    readonly fileSize: number,
    readonly partSize: number,
  ) {
    this.count = Math.ceil(fileSize / partSize);
  }

  lengthOf(index: number): number {
    return Math.min(this.partSize, this.fileSize - index * this.partSize);
  }

  missing(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) if (!this.here.has(i)) out.push(i);
    return out;
  }

  put(index: number, body: Buffer): void {
    if (this.here.has(index)) return;
    this.here.add(index);
    this.ahead.set(index, body);
    for (let next = this.ahead.get(this.hashed); next !== undefined; next = this.ahead.get(this.hashed)) {
      this.hash.update(next);
      this.ahead.delete(this.hashed++);
    }
  }

  /** The assembled file's identity, once every part is here. */
  assemble(name: string): ReceivedFile {
    return { name, size: this.fileSize, sha256: this.hash.digest('hex') };
  }
}

/** Reads one part: `X-Part` in range, body exactly the part's length (spec §6.2). */
export async function readPart(req: IncomingMessage, parts: PartSet): Promise<{ index: number; body: Buffer }> {
  const header = req.headers['x-part'];
  const text = Array.isArray(header) ? header[0] : header;
  if (text === undefined || !/^\d+$/.test(text) || Number(text) >= parts.count) {
    req.resume();
    throw badRequest(`X-Part must be a part number from 0 to ${parts.count - 1}`);
  }
  const index = Number(text);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > parts.partSize) throw badRequest(`part ${index} is longer than part_size ${parts.partSize}`);
  }
  if (size !== parts.lengthOf(index)) throw badRequest(`part ${index} has ${size} bytes, expected ${parts.lengthOf(index)}`);
  return { index, body: Buffer.concat(chunks) };
}

/** GET location: an empty body when complete, else `missing_parts` (spec §6.4). */
export function answerPartStatus(res: ServerResponse, parts: PartSet | null): void {
  const missing = parts?.missing() ?? [];
  if (missing.length === 0) res.writeHead(200, { 'content-length': '0' }).end();
  else sendJson(res, 200, { missing_parts: missing, status: 'uploading' });
}
