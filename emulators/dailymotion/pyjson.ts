/**
 * Replies as CloudKey's Python 2.7 server writes them with `json.dumps` defaults (dailymotion spec
 * §3.6): `", "` and `": "` separators, ensure_ascii, floats by repr. The emulator's own encoder,
 * written from the spec, not the gateway's.
 */

/** What a reply holds: plain JSON values (integral numbers are Python ints). */
export type ReplyJson = null | boolean | number | string | readonly ReplyJson[] | { readonly [key: string]: ReplyJson | undefined };

const SHORT: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** ensure_ascii: printable ASCII kept, short escapes, everything else `\uxxxx` per UTF-16 unit (lowercase hex). */
function quoted(text: string): string {
  return `"${text.replace(/[^\x20-\x7e]|["\\]/g, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

/** Python 2.7 float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16 (spec §3.6). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  const power = Number(exponent);
  if (power < -4 || power >= 16) return `${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  let fixed: string;
  if (power < 0) fixed = `0.${'0'.repeat(-power - 1)}${digits}`;
  else if (digits.length > power + 1) fixed = `${digits.slice(0, power + 1)}.${digits.slice(power + 1)}`;
  else fixed = `${digits}${'0'.repeat(power + 1 - digits.length)}.0`;
  return negative ? `-${fixed}` : fixed;
}

export function pythonJson(value: ReplyJson | undefined): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return String(value);
    case 'number':
      // integral numbers were ints on the Python side: all their digits, no exponent
      return Number.isInteger(value) ? BigInt(value).toString() : floatRepr(value);
    case 'string':
      return quoted(value);
  }
  if (Array.isArray(value)) return `[${(value as readonly ReplyJson[]).map(pythonJson).join(', ')}]`;
  const members = Object.entries(value as { readonly [key: string]: ReplyJson | undefined }).filter(([, v]) => v !== undefined);
  return `{${members.map(([k, v]) => `${quoted(k)}: ${pythonJson(v)}`).join(', ')}}`;
}
