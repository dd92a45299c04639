import type { Readable } from 'node:stream';
import { providerError } from '../../upstream';
import type { TelestreamClient } from './client';
import type { TelestreamParams } from './sign';
import { wireVideo, type WireUploadSession } from './wire';
import type { z } from 'zod';
import { BufferPool, fixedChunks } from '../../upstream/upload-chunks';
import type { UploadBody, UploadHooks } from '../../domain/upload';

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

export interface SendOptions {
  /** Resumes of one part after a broken connection (default 0: the first failure ends `send`). */
  readonly maxResumes?: number;
  /** Called with a part's length once the server has it. */
  readonly onPart?: (bytes: number) => void;
}

/** Yields `[part number, bytes]` in ascending order from a Buffer or a Readable (spec §6.2). */
async function* partsOf(source: UploadSource, partSize: number, pool?: BufferPool): AsyncGenerator<[number, Buffer]> {
  if (Buffer.isBuffer(source)) {
    for (let i = 0; i * partSize < source.length; i++) yield [i, source.subarray(i * partSize, (i + 1) * partSize)];
    return;
  }
  let index = 0;
  for await (const part of fixedChunks(source as AsyncIterable<Buffer>, partSize, pool)) yield [index++, part];
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

  /** A session opened earlier (by a browser's ticket): only its status and abort are of use. */
  static at(client: TelestreamClient, location: string): TelestreamUploadSession {
    return new TelestreamUploadSession(client, location, 1, 0, 1);
  }

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
  async send(source: UploadSource, only?: readonly number[], options: SendOptions = {}): Promise<void> {
    const wanted = only ? new Set(only) : null;
    this.status = 'uploading';
    const inFlight = new Set<Promise<void>>();
    let failure: Error | null = null;
    try {
      // the parts in flight and the one being read: their memory is reused, not left to the GC
      const pool = new BufferPool(this.partSize, this.concurrency + 1);
      for await (const [index, body] of partsOf(source, this.partSize, pool)) {
        if (failure) break;
        if (wanted && !wanted.has(index)) {
          pool.release(body);
          continue;
        }
        const p: Promise<void> = this.sendPartResuming(index, body, options).then(
          () => {
            inFlight.delete(p);
            pool.release(body);
            options.onPart?.(body.length);
          },
          (error: unknown) => {
            failure ??= asError(error);
            inFlight.delete(p);
          },
        );
        inFlight.add(p);
        if (inFlight.size >= this.concurrency) await Promise.race(inFlight);
      }
    } catch (error) {
      failure ??= asError(error);
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
    const json = safeJson(response.body) as { missing_parts?: unknown } | null;
    if (json === null || typeof json !== 'object') throw providerError(this.client.target, 'PROVIDER_UNAVAILABLE', 'upload session answered malformed JSON');
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

  /**
   * Sends one part; when the connection breaks, asks the session what is missing (spec §6.4) and
   * sends the part again only if it is, at most `maxResumes` times.
   */
  private async sendPartResuming(index: number, body: Buffer, options: SendOptions): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.sendPart(index, body);
      } catch (error) {
        if ((error as { code?: string }).code !== 'PROVIDER_UNAVAILABLE' || attempt >= (options.maxResumes ?? 0)) throw error;
        if (!(await this.missingParts()).includes(index)) return;
      }
    }
  }

  private async sendPart(index: number, body: Buffer): Promise<void> {
    const headers = {
      'content-type': 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-part': String(index),
      'content-length': String(body.length),
    };
    const response = await this.client.sendToUploadSession(this.location, headers, body, 'POST');
    if (response.status >= 400)
      throw providerError(
        this.client.target,
        response.status === 404 ? 'NOT_FOUND' : response.status >= 500 ? 'PROVIDER_UNAVAILABLE' : 'PROVIDER_REJECTED',
        `part ${index} answered HTTP ${response.status}`,
      );
    // The part that completes the file answers the Video, status `processing` (spec §6.3).
    const parsed = wireVideo.safeParse(safeJson(response.body));
    if (parsed.success && parsed.data.status === 'processing') {
      this.video = parsed.data;
      this.status = 'uploaded';
    }
  }
}

/** What `send` throws: the first failure, as an Error even when a stream rejected with something else. */
const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}

/** Parts in flight at once for uploads through the gateway: bounds memory to a few parts. */
export const GATEWAY_PART_CONCURRENCY = 4;

/**
 * A whole upload through a multi-part session (spec §6): parts sent as they arrive, broken parts
 * re-sent when the session reports them missing, the session deleted when the upload fails.
 */
export async function uploadInParts(client: TelestreamClient, input: UploadSessionInput, body: UploadBody, hooks: UploadHooks): Promise<z.infer<typeof wireVideo>> {
  const session = await TelestreamUploadSession.create(client, input, GATEWAY_PART_CONCURRENCY);
  let sent = 0;
  const options: SendOptions = { maxResumes: hooks.maxResumes ?? 3, onPart: (bytes) => hooks.progress((sent += bytes)) };
  try {
    await session.send(body.open(), undefined, options);
    if (!session.video) {
      const missing = await session.missingParts();
      if (missing.length > 0 && body.reopenable) await session.send(body.open(), missing, options);
    }
    if (!session.video) throw providerError(client.target, 'PROVIDER_UNAVAILABLE', 'the upload session did not answer the video after the last part');
    return session.video;
  } catch (error) {
    if (session.status !== 'uploaded') await session.abort().catch(() => undefined);
    throw error;
  }
}
