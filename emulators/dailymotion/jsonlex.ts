/** A number received with `.` or an exponent: a Python float, whatever its value (`1.0` is not `1`). */
export class LexFloat {
  constructor(readonly value: number) {}
}

/**
 * JSON as Python's json module reads it, keeping what JavaScript loses: a number written with `.`
 * or an exponent is a float (LexFloat), others are ints (bigint when unsafe). The auth check
 * normalizes exactly this (dailymotion spec §3.4, §11 item 3).
 */
export type LexJson = null | boolean | number | bigint | string | LexFloat | LexJson[] | { [key: string]: LexJson };
/** The same value as plain JavaScript, for the method handlers. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const WS = new Set([' ', '\t', '\n', '\r']);
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function setOwn<T>(target: { [key: string]: T }, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function parseLexicalJson(text: string): LexJson {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${i}`);
  };
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const literal = (word: string, value: LexJson): LexJson => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail('unexpected token');
  };
  const string = (): string => {
    i++;
    let out = '';
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('unterminated string');
      if (ch === '"') break;
      if (ch! < ' ') fail('control character in string');
      if (ch === '\\') {
        const e = text[i + 1]!;
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (ESCAPES[e] !== undefined) {
          out += ESCAPES[e];
          i += 2;
        } else fail('bad escape');
      } else {
        out += ch;
        i++;
      }
    }
    i++;
    return out;
  };
  const number = (): LexJson => {
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail('unexpected token');
    i += m[0].length;
    if (m[1] !== undefined || m[2] !== undefined) return new LexFloat(Number(m[0]));
    const n = Number(m[0]);
    return Number.isSafeInteger(n) ? n : BigInt(m[0]);
  };
  const value = (): LexJson => {
    skip();
    const ch = text[i];
    if (ch === '{') {
      i++;
      const out: { [key: string]: LexJson } = {};
      skip();
      if (text[i] === '}') return (i++, out);
      for (;;) {
        skip();
        if (text[i] !== '"') fail('expected a key');
        const key = string();
        skip();
        if (text[i++] !== ':') fail('expected ":"');
        setOwn(out, key, value());
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return (i++, out);
        else fail('expected "," or "}"');
      }
    }
    if (ch === '[') {
      i++;
      const out: LexJson[] = [];
      skip();
      if (text[i] === ']') return (i++, out);
      for (;;) {
        out.push(value());
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return (i++, out);
        else fail('expected "," or "]"');
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true', true);
    if (ch === 'f') return literal('false', false);
    if (ch === 'n') return literal('null', null);
    return number();
  };
  const result = value();
  skip();
  if (i !== text.length) fail('extra data');
  return result;
}

/** LexFloat → number, bigint → number: what the handlers work with. */
export function plainJson(value: LexJson): Json {
  if (value instanceof LexFloat) return value.value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plainJson);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, plainJson(v));
    return out;
  }
  return value;
}

export const isObject = (v: Json | undefined): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);
