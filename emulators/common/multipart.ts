/**
 * A streaming multipart/form-data reader for the uploads of both SDKs: dotted boundaries, the
 * `Content-Disposition: file` part of 1.17, binary content holding CRLF and boundary-like text
 * (ziggeo spec §10.1.6, §3.4, §3.5). File bytes go to a sink as they arrive, never all in memory.
 */

export interface PartInfo {
  /** `form-data` or `file`. */
  readonly disposition: string;
  readonly name: string;
  readonly filename: string | null;
  readonly contentType: string | null;
}

/** Receives one part's bytes; `null` from `onPart` makes the reader keep the part as a text field. */
export interface PartSink {
  write(chunk: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
}

export class MultipartError extends Error {}

const FIELD_LIMIT = 1024 * 1024;
const HEADER_LIMIT = 16 * 1024;

export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function parseHeaders(text: string): PartInfo {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const cd = headers.get('content-disposition') ?? '';
  const disposition = cd.split(';')[0]!.trim().toLowerCase();
  if (disposition !== 'form-data' && disposition !== 'file') throw new MultipartError(`unexpected Content-Disposition "${cd.slice(0, 60)}"`);
  const param = (key: string) => {
    const m = new RegExp(`;\\s*${key}=(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(cd);
    return m ? (m[1] ?? m[2] ?? '') : null;
  };
  const name = param('name');
  if (name === null) throw new MultipartError('a part without a name');
  return { disposition, name, filename: param('filename'), contentType: headers.get('content-type') ?? null };
}

/**
 * Reads `source` as multipart with `boundary`: text fields land in the returned list (in order),
 * parts for which `onPart` returns a sink are streamed to it.
 */
export async function readMultipart(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  boundary: string,
  onPart: (part: PartInfo) => PartSink | null,
): Promise<[string, string][]> {
  const delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  const fields: [string, string][] = [];
  let buffer = Buffer.from('\r\n', 'latin1');
  type State = 'preamble' | 'after' | 'headers' | 'body' | 'done';
  let state = 'preamble' as State;
  let part: PartInfo | null = null;
  let sink: PartSink | null = null;
  let field: Buffer[] = [];
  let fieldSize = 0;

  const emit = async (bytes: Buffer) => {
    if (bytes.length === 0) return;
    if (sink) return sink.write(bytes);
    fieldSize += bytes.length;
    if (fieldSize > FIELD_LIMIT) throw new MultipartError(`field "${part?.name}" too large`);
    field.push(bytes);
  };

  const step = async (): Promise<boolean> => {
    if (state === 'preamble' || state === 'body') {
      const at = buffer.indexOf(delimiter);
      if (at < 0) {
        const keep = delimiter.length - 1;
        if (state === 'body' && buffer.length > keep) {
          await emit(buffer.subarray(0, buffer.length - keep));
          buffer = buffer.subarray(buffer.length - keep);
        } else if (state === 'preamble' && buffer.length > keep) buffer = buffer.subarray(buffer.length - keep);
        return false;
      }
      if (state === 'body') {
        await emit(buffer.subarray(0, at));
        if (sink) await sink.end();
        else fields.push([part!.name, Buffer.concat(field).toString('utf8')]);
        sink = null;
        field = [];
        fieldSize = 0;
      }
      buffer = buffer.subarray(at + delimiter.length);
      state = 'after';
      return true;
    }
    if (state === 'after') {
      if (buffer.length < 2) return false;
      const next = buffer.subarray(0, 2).toString('latin1');
      if (next === '--') {
        state = 'done';
        return false;
      }
      const eol = buffer.indexOf('\r\n');
      if (eol < 0) return false;
      if (buffer.subarray(0, eol).toString('latin1').trim() !== '') throw new MultipartError('garbage after a boundary');
      buffer = buffer.subarray(eol + 2);
      state = 'headers';
      return true;
    }
    if (state === 'headers') {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buffer.length > HEADER_LIMIT) throw new MultipartError('part headers too large');
        return false;
      }
      part = parseHeaders(buffer.subarray(0, end).toString('utf8'));
      buffer = buffer.subarray(end + 4);
      sink = onPart(part);
      state = 'body';
      return true;
    }
    return false;
  };

  for await (const chunk of source) {
    if (state === 'done') continue;
    buffer = Buffer.concat([buffer, typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk]);
    while (await step());
  }
  while (state !== 'done' && (await step()));
  if (state !== 'done') throw new MultipartError('the body ends before the closing boundary');
  return fields;
}
