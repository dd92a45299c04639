import type { IncomingMessage } from 'node:http';
import type { Media, MediaSpool, MediaWriter } from './media';
import { boundaryOf, MultipartError, readMultipart } from '../common/multipart';

/** A request the emulator refuses: `{"error": message}` with a standard reason phrase (ziggeo spec §10.1.10). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Reply =
  | { readonly kind: 'json'; readonly status?: number; readonly body: unknown }
  | { readonly kind: 'empty'; readonly status?: number }
  | { readonly kind: 'media'; readonly media: Media };

export const json = (body: unknown, status?: number): Reply => ({ kind: 'json', body, status });
export const empty = (status?: number): Reply => ({ kind: 'empty', status });

export interface UploadedFile {
  readonly media: Media;
  readonly filename: string | null;
  readonly contentType: string | null;
}

/** Form or multipart arguments with the SDK's Python spellings understood (spec §10.1.5). */
export class Args {
  constructor(
    private readonly map: ReadonlyMap<string, string>,
    readonly file: UploadedFile | null = null,
  ) {}

  has(key: string): boolean {
    return this.map.has(key);
  }

  text(key: string): string | undefined {
    return this.map.get(key);
  }

  required(key: string): string {
    const value = this.map.get(key);
    if (value === undefined || value === '') throw new HttpError(400, `${key} is required`);
    return value;
  }

  /** `True`/`False` as Python prints them, and `true`/`false`/`1`/`0`. */
  bool(key: string): boolean | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    if (/^(true|1)$/i.test(value)) return true;
    if (/^(false|0)$/i.test(value)) return false;
    throw new HttpError(400, `${key} must be a boolean`);
  }

  /** `None` (Python's null), `null` and the empty string clear a nullable number. */
  int(key: string, min = 0): number | null | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    if (value === '' || value === 'None' || value === 'null') return null;
    if (!/^-?\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
      throw new HttpError(400, `${key} must be a whole number ≥ ${min}`);
    }
    return Number(value);
  }

  /** A nullable text: `None` clears. */
  nullableText(key: string): string | null | undefined {
    const value = this.map.get(key);
    return value === undefined ? undefined : value === 'None' || value === '' ? null : value;
  }
}

const FORM_LIMIT = 1024 * 1024;

async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The arguments of a request: query (less `_method`) overlaid with the urlencoded or multipart body
 * (`+` is a space, any key order, unknown keys kept). A multipart file part is streamed to `spool`.
 */
export async function readArgs(req: IncomingMessage, query: URLSearchParams, spool: MediaSpool): Promise<Args> {
  const map = new Map<string, string>();
  for (const [k, v] of query) if (k !== '_method') map.set(k, v);
  if (req.method === 'GET' || req.method === 'HEAD') {
    req.resume();
    return new Args(map);
  }
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) {
    for (const [k, v] of new URLSearchParams((await readLimited(req, FORM_LIMIT)).toString('utf8'))) map.set(k, v);
    return new Args(map);
  }
  const held: { upload?: { writer: MediaWriter; filename: string | null; contentType: string | null } } = {};
  try {
    const fields = await readMultipart(req, boundary, (part) => {
      if (part.filename === null || held.upload) return null;
      const writer = spool.writer(part.contentType ?? 'application/octet-stream');
      held.upload = { writer, filename: part.filename, contentType: part.contentType };
      return { write: (chunk) => writer.write(chunk), end: () => undefined };
    });
    for (const [k, v] of fields) map.set(k, v);
  } catch (error) {
    held.upload?.writer.abort();
    if (error instanceof MultipartError) throw new HttpError(400, `malformed multipart body: ${error.message}`);
    throw error;
  }
  if (!held.upload) return new Args(map);
  const media = await held.upload.writer.finish();
  return new Args(map, { media, filename: held.upload.filename, contentType: held.upload.contentType });
}
