import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parseUrlEncoded } from '../common/form';
import { readBody } from '../common/http';
import { boundaryOf, readMultipart, type PartSink } from '../common/multipart';
import { badRequest, fileTooLarge } from './errors';
import type { ReceivedFile } from './records';

/** Parameters of one API request: query string plus a urlencoded or multipart body (panda spec §2.2, §9.1). */
export interface RequestParams {
  /** The query string exactly as received (after `?`), for signature candidate (a) of spec §9.3.13. */
  readonly rawQuery: string;
  /** Every parameter of query and body, decoded (`+` → space), in order. */
  readonly pairs: readonly (readonly [string, string])[];
  /** The multipart part named `file`, hashed as it streamed (never held whole). */
  readonly file: ReceivedFile | null;
  /** The last value given for `key`. */
  get(key: string): string | undefined;
}

const FORM_LIMIT = 1024 * 1024;

export function requestParams(rawQuery: string, pairs: [string, string][], file: ReceivedFile | null): RequestParams {
  return {
    rawQuery,
    pairs,
    file,
    get(key) {
      for (let i = pairs.length - 1; i >= 0; i--) if (pairs[i]![0] === key) return pairs[i]![1];
      return undefined;
    },
  };
}

/** A sink that hashes a file part and counts its bytes; over `limit` it keeps reading but stops hashing. */
export function hashingSink(name: string, limit: number | null, done: (file: ReceivedFile, tooLarge: boolean) => void): PartSink {
  const hash = createHash('sha256');
  let size = 0;
  return {
    write(chunk) {
      size += chunk.length;
      if (limit === null || size <= limit) hash.update(chunk);
    },
    end() {
      done({ name, size, sha256: hash.digest('hex') }, limit !== null && size > limit);
    },
  };
}

/** Reads a multipart body: text fields as pairs, the part named `file` hashed; other files are drained. */
export async function readMultipartParams(req: IncomingMessage, boundary: string, maxFileSize: number | null): Promise<{ pairs: [string, string][]; file: ReceivedFile | null }> {
  let file: ReceivedFile | null = null;
  let tooLarge = false;
  const fields = await readMultipart(req, boundary, (part) => {
    if (part.filename === null) return null;
    if (part.name !== 'file') return { write() {}, end() {} };
    return hashingSink(part.filename || 'upload', maxFileSize, (received, over) => {
      file = received;
      tooLarge = over;
    });
  });
  if (tooLarge && maxFileSize !== null) throw fileTooLarge(maxFileSize);
  return { pairs: fields, file };
}

export async function readParams(req: IncomingMessage, rawQuery: string, maxFileSize: number | null): Promise<RequestParams> {
  const pairs = parseUrlEncoded(rawQuery);
  const type = req.headers['content-type'] ?? '';
  const boundary = boundaryOf(type);
  if (boundary) {
    const body = await readMultipartParams(req, boundary, maxFileSize);
    return requestParams(rawQuery, [...pairs, ...body.pairs], body.file);
  }
  const body = await readBody(req, FORM_LIMIT);
  if (body === null) throw badRequest('The request body is too large');
  // other clients send POST/PUT params as a form body (gem, SDK before 2012; spec §2.2)
  if (/^application\/x-www-form-urlencoded/i.test(type)) pairs.push(...parseUrlEncoded(body.toString('utf8')));
  return requestParams(rawQuery, pairs, null);
}
