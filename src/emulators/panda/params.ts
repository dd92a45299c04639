import type { IncomingMessage } from 'node:http';
import { createHash } from 'node:crypto';
import { readBody } from '../common/http';
import { boundaryOf, readMultipart } from '../common/multipart';
import type { ReceivedParams } from './verify';

/** A file part received with a request, hashed as it streams (never held whole). */
export interface ReceivedFile {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

export interface RequestParams extends ReceivedParams {
  get(key: string): string | undefined;
  readonly file: ReceivedFile | null;
}

const FORM_LIMIT = 1024 * 1024;

function decode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/** `k=v&…` → decoded pairs; throws URIError on malformed escapes. */
export function parseForm(text: string): [string, string][] {
  if (text === '') return [];
  return text.split('&').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
  });
}

/** Parameters from the query string and a urlencoded or multipart body (panda spec §2.2, §9.1). */
export async function readParams(req: IncomingMessage, rawQuery: string): Promise<RequestParams> {
  const pairs = parseForm(rawQuery);
  let file: ReceivedFile | null = null;
  const type = req.headers['content-type'] ?? '';
  const boundary = boundaryOf(type);
  if (boundary) {
    const fields = await readMultipart(req, boundary, (part) => {
      if (part.filename === null) return null;
      const hash = createHash('sha256');
      let size = 0;
      return {
        write(chunk) {
          size += chunk.length;
          hash.update(chunk);
        },
        end() {
          file = { name: part.filename ?? 'upload', size, sha256: hash.digest('hex') };
        },
      };
    });
    pairs.push(...fields);
  } else if (/^application\/x-www-form-urlencoded/i.test(type)) {
    const body = await readBody(req, FORM_LIMIT);
    if (body === null) throw new RangeError('form body too large');
    pairs.push(...parseForm(body.toString('utf8')));
  } else {
    await readBody(req, FORM_LIMIT);
  }
  return {
    rawQuery,
    pairs,
    file,
    get: (key) => {
      for (let i = pairs.length - 1; i >= 0; i--) if (pairs[i]![0] === key) return pairs[i]![1];
      return undefined;
    },
  };
}
