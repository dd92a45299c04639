import type { Readable } from 'node:stream';
import { providerError } from '../http';
import type { TelestreamClient } from './client';
import type { TelestreamParams } from './sign';
import { wireVideo, type WireUploadSession } from './wire';
import type { z } from 'zod';

/** The bytes of a file: whole, or streamed in order (each pass of a resume needs a fresh stream). */
export type UploadSource = Buffer | Readable;

export type UploadStatus = 'initialized' | 'uploading' | 'uploaded' | 'aborted' | 'error';

export interface UploadSessionInput {
  readonly fileName: string;
  readonly fileSize: number;
  /** Default `h264`, as the SDK (telestream spec §6.1). */
  readonly profiles?: string;
  /** Extra signed keywords, e.g. `payload`. */
  readonly extra?: TelestreamParams;
}

/** Yields `[part number, bytes]` in ascending order from a Buffer or a Readable (spec §6.2). */
async function* partsOf(source: UploadSource, partSize: number): AsyncGenerator<[number, Buffer]> {
  if (Buffer.isBuffer(source)) {
    for (let i = 0; i * partSize < source.length; i++) yield [i, source.subarray(i * partSize, (i + 1) * partSize)];
    return;
  }
  let pending: Buffer[] = [];
  let size = 0;
  let index = 0;
  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    while (size + buf.length >= partSize) {
      const take = partSize - size;
      pending.push(buf.subarray(0, take));
      yield [index++, Buffer.concat(pending)];
      buf = buf.subarray(take);
      pending = [];
      size = 0;
    }
    if (buf.length) {
      pending.push(buf);
      size += buf.length;
    }
  }
  if (size > 0) yield [index, Buffer.concat(pending)];
}

/**
 * The multi-part resumable upload of telestream spec §6: parts POSTed to the unsigned `location`
 * by `concurrency` workers, a GET to learn what is missing, re-sends of only those parts, DELETE to abort.
 */
export class TelestreamUploadSession {
  status: UploadStatus = 'initialized';
  video: z.infer<typeof wireVideo> | null = null;

  private constructor(
    private readonly client: TelestreamClient,
    readonly location: string,
    readonly partSize: number,
    readonly parts: number,
    readonly concurrency: number,
  ) {}

  /** POST /videos/upload.json with `multi_chunk=true` (spec §6.1). */
  static async create(client: TelestreamClient, input: UploadSessionInput, concurrency = 8): Promise<TelestreamUploadSession> {
    const s: WireUploadSession = await client.createUploadSession({
      ...input.extra,
      file_size: input.fileSize,
      file_name: input.fileName,
      profiles: input.profiles ?? 'h264',
      multi_chunk: 'true',
    });
    return new TelestreamUploadSession(client, s.location, s.part_size, s.parts, Math.max(1, concurrency));
  }

  /**
   * Sends the parts of `source` (only those in `only` when given), at most `concurrency` at once,
   * reading the source no faster than the workers send. Rejects on the first failed part or source error.
   */
  async send(source: UploadSource, only?: readonly number[]): Promise<void> {
    const wanted = only ? new Set(only) : null;
    this.status = 'uploading';
    const inFlight = new Set<Promise<void>>();
    let failure: unknown = null;
    try {
      for await (const [index, body] of partsOf(source, this.partSize)) {
        if (failure) break;
        if (wanted && !wanted.has(index)) continue;
        const p: Promise<void> = this.sendPart(index, body).then(
          () => void inFlight.delete(p),
          (error: unknown) => {
            failure ??= error;
            inFlight.delete(p);
          },
        );
        inFlight.add(p);
        if (inFlight.size >= this.concurrency) await Promise.race(inFlight);
      }
    } catch (error) {
      failure ??= error;
    }
    await Promise.all(inFlight);
    if (failure) {
      if ((this.status as UploadStatus) !== 'uploaded') this.status = 'error';
      throw failure;
    }
  }

  /** GET location: empty body when complete, else the `missing_parts` list (spec §6.4). */
  async missingParts(): Promise<number[]> {
    const response = await this.client.sendToUploadSession(this.location, { accept: 'application/json' }, null, 'GET');
    const text = response.body.toString('utf8').trim();
    if (response.status >= 400) throw providerError(this.client.target, 'PROVIDER_REJECTED', `upload session answered HTTP ${response.status}`);
    if (text === '') return [];
    const json = JSON.parse(text) as { missing_parts?: unknown };
    return Array.isArray(json.missing_parts) ? json.missing_parts.filter((n): n is number => typeof n === 'number') : [];
  }

  /** Re-sends only what the server reports missing (spec §6.5), until nothing is. */
  async resume(source: UploadSource): Promise<void> {
    const missing = await this.missingParts();
    if (missing.length > 0) await this.send(source, missing);
  }

  /** DELETE location (spec §6.5); refused once uploaded, as the SDK does. */
  async abort(): Promise<void> {
    if (this.status === 'uploaded') throw providerError(this.client.target, 'PROVIDER_REJECTED', 'File already uploaded');
    await this.client.sendToUploadSession(this.location, {}, null, 'DELETE');
    this.status = 'aborted';
  }

  private async sendPart(index: number, body: Buffer): Promise<void> {
    const headers = {
      'content-type': 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-part': String(index),
      'content-length': String(body.length),
    };
    const response = await this.client.sendToUploadSession(this.location, headers, body, 'POST');
    if (response.status >= 400) throw providerError(this.client.target, response.status === 404 ? 'NOT_FOUND' : 'PROVIDER_REJECTED', `part ${index} answered HTTP ${response.status}`);
    // The part that completes the file answers the Video, status `processing` (spec §6.3).
    const parsed = wireVideo.safeParse(safeJson(response.body));
    if (parsed.success && parsed.data.status === 'processing') {
      this.video = parsed.data;
      this.status = 'uploaded';
    }
  }
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}
