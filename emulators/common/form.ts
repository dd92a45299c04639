/** `application/x-www-form-urlencoded` text, or a query string, read the way web servers read it. */

function decodeComponent(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/**
 * `k=v&k2=v2` → decoded `[key, value]` pairs in order (`+` is a space, a bare `k` has an empty
 * value, empty elements are skipped). Throws `URIError` on a malformed escape or invalid UTF-8.
 */
export function parseUrlEncoded(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(eq < 0 ? [decodeComponent(part), ''] : [decodeComponent(part.slice(0, eq)), decodeComponent(part.slice(eq + 1))]);
  }
  return pairs;
}

/** Splits a request target into its path and raw query (the text after the first `?`, untouched). */
export function splitTarget(target: string): { path: string; rawQuery: string } {
  const q = target.indexOf('?');
  return q < 0 ? { path: target, rawQuery: '' } : { path: target.slice(0, q), rawQuery: target.slice(q + 1) };
}
