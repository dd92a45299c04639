/**
 * The Python text forms the Ziggeo SDK puts on the wire: `str()` of form values (ziggeo spec §3.3)
 * and `json.dumps` defaults for client auth tokens (spec §8 step 3). Pure.
 */

/** A value callers may give the SDK-shaped calls; objects keep their insertion order. */
export type PyValue = string | number | boolean | null | readonly PyValue[] | { readonly [key: string]: PyValue };

/** Which interpreter's text forms: 1.17 ran on CPython 2.7, 2.30 on CPython 3.11 (spec §0.1). */
export type PyDialect = '1.17' | '2.30';

function shortestDigits(x: number): { digits: string; exponent: number } {
  const [mantissa, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  return { digits: mantissa.replace('.', ''), exponent: Number(exp) };
}

/** Integers as Python prints them: all digits, also beyond 2^53 where JS would switch to exponents. */
export const pyInt = (n: number): string => (Number.isSafeInteger(n) ? String(n) : BigInt(n).toString());

const pad2 = (n: number): string => `${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;

/** Python `repr(float)` (2.7 and 3.x): shortest round-trip digits, exponent form outside 1e-4 ≤ |x| < 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(x);
  const decpt = exponent + 1;
  if (decpt <= -4 || decpt > 16) {
    const rest = digits.slice(1);
    return `${sign}${digits[0]}${rest ? `.${rest}` : ''}e${pad2(exponent)}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** `|x|` to `count` significant digits, ties to even as C's printf does (JS `toExponential` rounds ties up). */
function roundedDigits(x: number, count: number): { digits: string; exponent: number } {
  // 100 significant digits are the exact expansion for any double above ~1e-37
  const [mantissa, exp] = Math.abs(x).toExponential(99).split('e') as [string, string];
  const exact = mantissa.replace('.', '');
  const rest = exact.slice(count);
  let kept = BigInt(exact.slice(0, count));
  if (rest[0]! > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || kept % 2n === 1n))) kept += 1n;
  const text = kept.toString();
  return text.length > count ? { digits: text.slice(0, count), exponent: Number(exp) + 1 } : { digits: text, exponent: Number(exp) };
}

/** Python 2 `str(float)`: `%.12g` plus `.0` on integral results (spec §3.3: `0.1+0.2` → `0.3`). */
export function py2FloatStr(x: number): string {
  if (!Number.isFinite(x)) return pyFloatRepr(x);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const { digits: raw, exponent } = roundedDigits(x, 12);
  const digits = raw.replace(/0+$/, '');
  let text: string;
  if (exponent < -4 || exponent >= 12) text = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${pad2(exponent)}`;
  else if (exponent < 0) text = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  else if (digits.length > exponent + 1) text = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  else text = `${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
  return (x < 0 ? '-' : '') + text;
}

function pyStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** Python 3 `repr()` of a value: what `str()` of a list or dict puts in a form (spec §3.3 pitfall). */
export function pyRepr(value: PyValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? pyInt(value) : pyFloatRepr(value);
  if (typeof value === 'string') return pyStringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: PyValue });
  return `{${entries.map(([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/** Python `str()` of a form value: `True`/`False`/`None`, ints in decimal, floats per interpreter (spec §3.3). */
export function pyStr(value: PyValue, dialect: PyDialect): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && !Number.isInteger(value)) return dialect === '1.17' ? py2FloatStr(value) : pyFloatRepr(value);
  return pyRepr(value);
}

function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    // ensure_ascii: every UTF-16 unit outside space..~ as \uXXXX, astral ones as their surrogates
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Python `json.dumps(value)` with default settings: `", "` and `": "` separators, ASCII only (spec §8 step 3). */
export function pyJsonDumps(value: PyValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return Number.isInteger(value) ? pyInt(value) : pyFloatRepr(value);
  }
  if (typeof value === 'string') return jsonString(value);
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: PyValue });
  return `{${entries.map(([k, v]) => `${jsonString(k)}: ${pyJsonDumps(v)}`).join(', ')}}`;
}
