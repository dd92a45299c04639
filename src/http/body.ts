import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Refusal } from './errors';
import { isMultipart, readMultipartRequest, type MultipartLimits } from './multipart';

/** JSON request bodies are operations and variables, never media. */
export const MAX_JSON_BODY = 1024 * 1024;

/** A GraphQL request's body as Apollo takes it (parsed JSON, multipart operations, or text it refuses), or a refusal. */
export type RequestBody = { readonly body: unknown } | Refusal;

async function readText(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
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
