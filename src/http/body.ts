import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Refusal } from './errors';
import { isMultipart, readMultipartRequest, type MultipartLimits } from './multipart';

/** JSON request bodies are operations and variables, never media. */
export const MAX_JSON_BODY = 1024 * 1024;

/** A GraphQL request's body as Apollo takes it (parsed JSON, multipart operations, or text it refuses), or a refusal. */
export type RequestBody = { readonly body: unknown } | Refusal;

/**
 * The body as text; null past `limit`, the rest read and dropped, as leaving `for await` did (it
 * destroyed the request stream detached from its socket), so the refusal still reaches the client. With 'data'/'end'
 * listeners rather than `for await`: an async iterator costs a promise and a stream-finished
 * watcher per request, for a body that is one chunk nearly always.
 */
function readText(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: string | null, error?: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done(null);
        return void req.resume();
      }
      chunks.push(chunk);
    };
    const onEnd = () => done(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    const onError = (error: Error) => done(null, error);
    // closed before its end (the client left): what `for await` reported as a premature close
    const onClose = () => done(null, Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

export async function readRequestBody(req: IncomingMessage, res: ServerResponse, limits: MultipartLimits): Promise<RequestBody> {
  if (req.method !== 'POST') return { body: undefined };
  if (isMultipart(req.headers['content-type'])) return readMultipartRequest(req, res, limits);
  const text = await readText(req, MAX_JSON_BODY);
  if (text === null) return { status: 413, code: 'BAD_USER_INPUT', message: `request body over ${MAX_JSON_BODY} bytes` };
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return { body: text };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { status: 400, code: 'BAD_USER_INPUT', message: 'request body is not valid JSON' };
  }
}
