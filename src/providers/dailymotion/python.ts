/**
 * The Python 2.7 text forms the CloudKey SDK puts on the wire and into its hashes
 * (dailymotion spec §0, §3.4, §3.6, §7.3). Pure functions, pinned by the vectors.
 */

/** A Python float whose lexical form must survive: `1.0` is a float, `1` an int (dailymotion spec §3.4). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** A JSON-like value as Python's json.dumps sees it; integral numbers are ints, PyFloat marks floats. */
export type PyJson = null | boolean | number | bigint | string | PyFloat | readonly PyJson[] | { readonly [key: string]: PyJson | undefined };

/** The exact decimal expansion of a finite positive double: value = 0.digits × 10^point. */
function exactDecimal(x: number): { digits: string; point: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2 = biased - 1075;
  if (biased === 0) exp2 = -1074;
  else mantissa |= 1n << 52n;
  let digits: string;
  let point: number;
  if (exp2 >= 0) {
    digits = (mantissa << BigInt(exp2)).toString();
    point = digits.length;
  } else {
    digits = (mantissa * 5n ** BigInt(-exp2)).toString();
    point = digits.length + exp2;
  }
  const trimmed = digits.replace(/0+$/, '');
  return { digits: trimmed === '' ? '0' : trimmed, point };
}

/** Rounds the exact expansion to `precision` significant digits, half to even as C's printf does. */
function roundDigits(digits: string, point: number, precision: number): { digits: string; point: number } {
  if (digits.length <= precision) return { digits, point };
  const keep = digits.slice(0, precision);
  const rest = digits.slice(precision);
  const half = rest[0]! > '5' || (rest[0] === '5' && /[1-9]/.test(rest.slice(1)));
  const tie = rest[0] === '5' && !/[1-9]/.test(rest.slice(1));
  const up = half || (tie && Number(keep[keep.length - 1]) % 2 === 1);
  if (!up) return { digits: keep, point };
  const bumped = (BigInt(keep) + 1n).toString();
  return bumped.length > precision ? { digits: bumped.slice(0, precision), point: point + 1 } : { digits: bumped, point };
}

function place(digits: string, point: number): string {
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

const exponentText = (exp: number): string => `e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;

function special(x: number): string | null {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  return null;
}

/** Python 2 `str(float)`: `%.12g`, then `.0` when the text has no `.`, `e`, `inf` or `nan` (spec §3.4). */
export function pyFloatStr(x: number): string {
  const s = special(x);
  if (s !== null) return s;
  const sign = x < 0 ? '-' : '';
  const exact = exactDecimal(Math.abs(x));
  const r = roundDigits(exact.digits, exact.point, 12);
  const digits = r.digits.replace(/0+$/, '') || '0';
  const exp = r.point - 1;
  let text: string;
  if (exp < -4 || exp >= 12) text = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}${exponentText(exp)}`;
  else text = place(digits, r.point);
  return sign + (/[.e]/.test(text) ? text : `${text}.0`);
}

/** Python 2.7 `repr(float)`: shortest round-trip digits, exponent when exp < -4 or exp >= 16 (spec §3.6). */
export function pyFloatRepr(x: number): string {
  const s = special(x);
  if (s !== null) return s;
  const sign = x < 0 ? '-' : '';
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(x).toExponential());
  const digits = (m![1]! + (m![2] ?? '')).replace(/0+$/, '') || '0';
  const exp = Number(m![3]);
  if (exp < -4 || exp >= 16) return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}${exponentText(exp)}`;
  const text = place(digits, exp + 1);
  return sign + (text.includes('.') ? text : `${text}.0`);
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** json.dumps string with ensure_ascii: `\uXXXX` lowercase for everything outside 0x20..0x7E (spec §3.6). */
export function pyJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * CPython 2.7 `json.dumps` with its defaults: `", "` and `": "` separators, ensure_ascii, floats by
 * repr (spec §3.6). Object keys keep insertion order, or `order` for the top level; undefined drops.
 */
export function pyJson(value: PyJson | undefined, order?: readonly string[]): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('NaN and Infinity are not JSON');
    return Number.isInteger(value) ? BigInt(value).toString() : pyFloatRepr(value);
  }
  if (typeof value === 'string') return pyJsonString(value);
  if (value instanceof PyFloat) {
    if (!Number.isFinite(value.value)) throw new RangeError('NaN and Infinity are not JSON');
    return pyFloatRepr(value.value);
  }
  if (Array.isArray(value)) return `[${(value as readonly PyJson[]).map((v) => pyJson(v)).join(', ')}]`;
  const record = value as { readonly [key: string]: PyJson | undefined };
  const keys = order ? [...order.filter((k) => k in record), ...Object.keys(record).filter((k) => !order.includes(k))] : Object.keys(record);
  const parts = keys.filter((k) => record[k] !== undefined).map((k) => `${pyJsonString(k)}: ${pyJson(record[k])}`);
  return `{${parts.join(', ')}}`;
}

/** Python 2.7 `urllib.quote_plus` over UTF-8: `A-Za-z0-9_.-` kept, space → `+`, rest `%XX` upper (spec §7.3). */
export function quotePlus(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    if ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x2e || byte === 0x2d) {
      out += String.fromCharCode(byte);
    } else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The inverse of quotePlus (`+` is a space), for the emulator reading `rf=` (spec §7.8). */
export function unquotePlus(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '+') bytes.push(0x20);
    else if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** base64 keeping `=` padding; urlsafe swaps `+/` for `-_` (spec §7.4). Node's base64url drops padding. */
export function urlsafeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

export function urlsafeBase64Decode(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}
