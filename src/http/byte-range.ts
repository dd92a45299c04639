import type { Readable } from 'node:stream';

/**
 * Byte ranges of RFC 9110 §14 for the download route: the one range a client asks, how it falls on
 * a file of known length, the provider's `Content-Range`, and a cut of a stream that ignored it.
 */

/** One `bytes=` range-spec: `first-last` (`last` open when null), or the last `suffix` bytes. */
export type ByteRange = { readonly first: number; readonly last: number | null } | { readonly suffix: number };

/** Bytes `start`..`end` (inclusive) of a file of `total` bytes; `total` null when the provider did not say. */
export interface ByteSpan {
  readonly start: number;
  readonly end: number;
  readonly total: number | null;
}

// ranges-specifier = range-unit "=" range-set; 1#range-spec lets empty list elements and OWS around commas
const SPEC = /^(?:(\d+)-(\d*)|-(\d+))$/;

/** Past any real file, so a huge position compares right without losing safe-integer arithmetic. */
const toPosition = (digits: string) => Math.min(Number(digits), Number.MAX_SAFE_INTEGER);

/**
 * The single range a `Range` header asks for; null when it is absent, malformed, in another unit,
 * or asks several ranges — all of which the route answers with the whole file (RFC 9110 §14.2 lets a
 * server ignore Range; several ranges would need multipart/byteranges, which players do not send).
 */
export function parseRange(header: string | undefined): ByteRange | null {
  if (header === undefined) return null;
  const eq = header.indexOf('=');
  if (eq < 0 || header.slice(0, eq).trim().toLowerCase() !== 'bytes') return null;
  const specs = header
    .slice(eq + 1)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (specs.length !== 1) return null;
  const m = SPEC.exec(specs[0]!);
  if (!m) return null;
  if (m[3] !== undefined) return { suffix: toPosition(m[3]) };
  const first = toPosition(m[1]!);
  const last = m[2] === '' ? null : toPosition(m[2]!);
  return last !== null && last < first ? null : { first, last };
}

/** The range as a `Range` header value, for a provider that can answer it itself. */
export function rangeHeader(range: ByteRange): string {
  return 'suffix' in range ? `bytes=-${range.suffix}` : `bytes=${range.first}-${range.last ?? ''}`;
}

/**
 * Where the range falls on a file of `total` bytes (RFC 9110 §14.1.2): a span, `unsatisfiable` (416),
 * or `whole` for a zero-length file, whose only satisfiable form (a suffix) still cannot be a 206.
 */
export function resolveRange(range: ByteRange, total: number): ByteSpan | 'unsatisfiable' | 'whole' {
  if ('suffix' in range) {
    if (range.suffix === 0) return 'unsatisfiable';
    if (total === 0) return 'whole';
    return { start: Math.max(0, total - range.suffix), end: total - 1, total };
  }
  if (range.first >= total) return 'unsatisfiable';
  return { start: range.first, end: Math.min(range.last ?? total - 1, total - 1), total };
}

/** A provider's `Content-Range: bytes a-b/total` (or `/*`) on a 206; null when it is not one. */
export function parseContentRange(value: string | undefined): ByteSpan | null {
  const m = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15}|\*)$/i.exec(value?.trim() ?? '');
  if (!m) return null;
  const [start, end] = [Number(m[1]), Number(m[2])];
  const total = m[3] === '*' ? null : Number(m[3]);
  if (end < start || (total !== null && end >= total)) return null;
  return { start, end, total };
}

/** The length a 416's `Content-Range: bytes *\/total` gives; null when it gives none. */
export function parseUnsatisfiedRange(value: string | undefined): number | null {
  const m = /^bytes \*\/(\d{1,15})$/i.exec(value?.trim() ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Bytes `start`..`end` of a stream read in order: the bytes before are dropped as they pass, and
 * the source is destroyed once the span is out (returning from `for await` does that), so nothing
 * is buffered and the rest is never read. A source that ends short is an error, which breaks the
 * response off rather than leave the client waiting for its `Content-Length`.
 */
export async function* sliceOf(source: Readable, start: number, end: number): AsyncGenerator<Buffer> {
  let skip = start;
  let left = end - start + 1;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    let piece = chunk;
    if (skip > 0) {
      if (piece.length <= skip) {
        skip -= piece.length;
        continue;
      }
      piece = piece.subarray(skip);
      skip = 0;
    }
    if (piece.length >= left) {
      yield piece.subarray(0, left);
      return;
    }
    left -= piece.length;
    yield piece;
  }
  throw new Error('the provider’s body ended before the requested range');
}
