import type { IncomingMessage } from 'node:http';
import { createHash, timingSafeEqual, type Hash } from 'node:crypto';
import { boundaryOf, MultipartError, readMultipart } from '../common/multipart';
import type { DailymotionStore } from './store';

/** An answer of the non-RPC routes: upload, status, CDN. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string | Buffer;
  readonly headers?: Record<string, string>;
  /** The user the request concerned, for the request log. */
  readonly account?: string | null;
}

export const jsonAnswer = (status: number, body: unknown, account: string | null = null, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
  account,
});

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Python's os.path.splitext(basename)[0]: `video.3gp` → `video` (spec §6). */
export function baseName(filename: string): { name: string; ext: string } {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return { name: base, ext: '' };
  const ext = base.slice(dot + 1).toLowerCase();
  return { name: base.slice(0, dot), ext: /^[a-z0-9]{1,8}$/.test(ext) ? ext : '' };
}

/**
 * `POST /upload?uuid&seal[&target]` (dailymotion spec §6, §11 item 7): the part `file` is counted as it
 * streams, never kept; the answer is `{url, name, size}` with no envelope, or a redirect to `target`.
 */
export async function receiveUpload(store: DailymotionStore, req: IncomingMessage, query: URLSearchParams, origin: string): Promise<HttpAnswer> {
  const ticket = store.uploads.get(query.get('uuid') ?? '');
  if (!ticket || !sameText(ticket.seal, query.get('seal') ?? '')) {
    req.resume();
    return jsonAnswer(403, { error: 'invalid upload ticket' });
  }
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) {
    req.resume();
    return jsonAnswer(400, { error: 'expected multipart/form-data' }, ticket.owner);
  }
  ticket.state = 'uploading';
  ticket.received = 0;
  ticket.size = Number(req.headers['content-length'] ?? 0) || null;
  let file: { filename: string; size: number; hash: Hash } | null = null;
  try {
    await readMultipart(req, boundary, (head) => {
      if (head.name !== 'file' || head.filename === null || file) return null;
      const current = { filename: head.filename, size: 0, hash: createHash('sha256') };
      file = current;
      return {
        write: (chunk) => {
          current.size += chunk.length;
          current.hash.update(chunk);
          ticket.received += chunk.length;
        },
        end: () => undefined,
      };
    });
  } catch (error) {
    ticket.state = 'error';
    if (error instanceof MultipartError) return jsonAnswer(400, { error: `malformed multipart body: ${error.message}` }, ticket.owner);
    throw error;
  }
  const received = file as { filename: string; size: number; hash: Hash } | null;
  if (!received) {
    ticket.state = 'error';
    return jsonAnswer(400, { error: 'missing file field' }, ticket.owner);
  }
  const { name, ext } = baseName(received.filename);
  const path = `/uploads/${ticket.uuid}${ext ? `.${ext}` : ''}`;
  store.files.set(path, { path, name, size: received.size, sha256: received.hash.digest('hex') });
  ticket.state = 'done';
  const body = { url: `${origin}${path}`, name, size: received.size };
  if (ticket.target === null) return jsonAnswer(200, body, ticket.owner);
  const back = new URLSearchParams({ url: body.url, name, size: String(body.size) });
  const location = `${ticket.target}${ticket.target.includes('?') ? '&' : '?'}${back.toString()}`;
  return jsonAnswer(302, body, ticket.owner, { location });
}

/** `GET /upload/status?uuid[&callback]`: `{state, received, size}`, JSONP when asked (spec §6, unconfirmed). */
export function uploadStatus(store: DailymotionStore, query: URLSearchParams): HttpAnswer {
  const ticket = store.uploads.get(query.get('uuid') ?? '');
  if (!ticket) return jsonAnswer(404, { error: 'unknown upload' });
  const body = JSON.stringify({ state: ticket.state, received: ticket.received, size: ticket.size });
  const callback = query.get('callback');
  if (callback && /^[\w.$]+$/.test(callback)) return { status: 200, body: `${callback}(${body})`, headers: { 'content-type': 'application/javascript' }, account: ticket.owner };
  return { status: 200, body, headers: { 'content-type': 'application/json' }, account: ticket.owner };
}
