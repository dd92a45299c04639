/**
 * The canonical query shared by Panda and Telestream (panda spec §3.4, telestream spec §2.5):
 * pairs sorted by raw key code point, keys and values escaped RFC 3986 "unreserved only".
 */

/** One signed parameter. `base` marks the legacy bracket form `base[key]=value` (panda spec §2.4). */
export interface QueryPair {
  readonly key: string;
  readonly value: string;
  readonly base?: string;
  /** Keys the SDK sorted on; defaults to `[base, key]` for bracket pairs and `[key]` otherwise. */
  readonly sortPath?: readonly string[];
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;
/** What `encodeURIComponent` leaves as is but RFC 3986 "unreserved only" escapes. */
const SUB_DELIMS_KEPT = /[!'()*]/g;
const percentOf = (char: string): string => '%' + char.charCodeAt(0).toString(16).toUpperCase();

/**
 * Escapes every UTF-8 byte outside `A-Z a-z 0-9 - . _ ~` as `%XX` with uppercase hex:
 * `encodeURIComponent` (UTF-8, uppercase hex) plus the five characters it keeps, ~3× faster than
 * a loop per character. A string with a lone surrogate, which it refuses, goes through the loop:
 * Node's UTF-8 encoding turns the surrogate into the replacement character, whose bytes are escaped.
 */
export function escapeUnreserved(text: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    return escapeByCharacter(text);
  }
  return encoded.replace(SUB_DELIMS_KEPT, percentOf);
}

function escapeByCharacter(text: string): string {
  let out = '';
  for (const char of text) {
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    for (const byte of Buffer.from(char, 'utf8')) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Compares by Unicode code point (JS `<` compares UTF-16 units, which differs for astral characters). */
export function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

function sortPathOf(pair: QueryPair): readonly string[] {
  return pair.sortPath ?? (pair.base === undefined ? [pair.key] : [pair.base, pair.key]);
}

function compareSortPaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = compareCodePoints(a[i]!, b[i]!);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Renders one pair: `key=value`, or `base[key]=value` with base and brackets left raw. */
export function renderPair(pair: QueryPair): string {
  const key = escapeUnreserved(pair.key);
  return (pair.base === undefined ? key : `${pair.base}[${key}]`) + '=' + escapeUnreserved(pair.value);
}

/** The canonical query string: sorted, escaped, joined with `&`, no leading `?`. */
export function canonicalQuery(pairs: readonly QueryPair[]): string {
  return [...pairs]
    .sort((a, b) => compareSortPaths(sortPathOf(a), sortPathOf(b)))
    .map(renderPair)
    .join('&');
}
