import { createHash, timingSafeEqual } from 'node:crypto';
import { LexFloat, type LexJson } from './jsonlex';

/**
 * CloudKey's server-side checks of what a client signed (dailymotion spec §3.3–3.4, §7.7, §11 item 3),
 * written from the spec for the emulator, independent of the gateway's signing client.
 */

export const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** Constant-time comparison of two hex digests. */
export function sameDigest(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** x = mantissa × 2^exponent exactly, for a finite positive double. */
function binaryParts(x: number): { mantissa: bigint; exponent: number } {
  const bits = new DataView(new Float64Array([x]).buffer).getBigUint64(0, true);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { mantissa: fraction, exponent: -1074 } : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** True when x (positive) is exactly the decimal `digits` × 10^(power − digits + 1). */
function isExactly(x: number, digits: string, power: number): boolean {
  const { mantissa, exponent } = binaryParts(x);
  const scale = power - digits.length + 1;
  let left = BigInt(digits);
  let right = mantissa;
  if (scale >= 0) left *= 10n ** BigInt(scale);
  else right *= 10n ** BigInt(-scale);
  if (exponent >= 0) right <<= BigInt(exponent);
  else left <<= BigInt(-exponent);
  return left === right;
}

/** The 12 significant digits C's `%.12g` prints: correctly rounded, a tie to the even digit. */
function twelveDigits(x: number): { digits: string; power: number } {
  const split = (text: string) => {
    const [m, e] = text.split('e') as [string, string];
    return { digits: m.replace('.', ''), power: Number(e) };
  };
  const rounded = split(x.toExponential(11)); // ECMAScript rounds a tie away from zero
  const longer = split(x.toExponential(12));
  const kept = longer.digits.slice(0, 12);
  if (longer.digits.endsWith('5') && Number(kept[11]) % 2 === 0 && isExactly(x, longer.digits, longer.power)) return { digits: kept, power: longer.power };
  return rounded;
}

/** Python 2 `str(float)`: `%.12g`, then `.0` when that has no `.`, `e`, `inf` or `nan` (spec §3.4). */
export function pythonStrFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const { digits: all, power } = twelveDigits(Math.abs(x));
  const digits = all.replace(/0+$/, '') || '0';
  let text: string;
  if (power < -4 || power >= 12) {
    text = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  } else if (power < 0) text = `0.${'0'.repeat(-power - 1)}${digits}`;
  else text = digits.length > power + 1 ? `${digits.slice(0, power + 1)}.${digits.slice(power + 1)}` : digits + '0'.repeat(power + 1 - digits.length);
  return sign + (text.includes('.') || text.includes('e') ? text : `${text}.0`);
}

/** Booleans as 1.2.0+ SDKs sign them (`true`) or as older ones did (`True`, spec §3.4). */
export type BooleanSpelling = 'json' | 'python';

/** UTF-8 byte order: Python 2 sorts byte strings bytewise. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** `normalize` of spec §3.4 over JSON as received, numbers keeping their lexical int/float kind. */
export function normalizeReceived(value: LexJson, booleans: BooleanSpelling = 'json'): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return booleans === 'python' ? (value ? 'True' : 'False') : String(value);
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  if (value instanceof LexFloat) return pythonStrFloat(value.value);
  if (Array.isArray(value)) return value.map((item) => normalizeReceived(item, booleans)).join('');
  const record = value as { [key: string]: LexJson };
  let out = '';
  for (const key of Object.keys(record).sort(byBytes)) out += key + normalizeReceived(record[key]!, booleans);
  return out;
}

/** The `auth` member split at its last `:`, the user part at its first `/` (spec §11 item 2). */
export interface RpcAuth {
  readonly userPart: string;
  readonly userId: string;
  readonly actAs: string | null;
  readonly signature: string;
}

export function readRpcAuth(auth: string): RpcAuth | null {
  const colon = auth.lastIndexOf(':');
  if (colon < 0) return null;
  const userPart = auth.slice(0, colon);
  const slash = userPart.indexOf('/');
  return {
    userPart,
    userId: slash < 0 ? userPart : userPart.slice(0, slash),
    actAs: slash < 0 ? null : userPart.slice(slash + 1),
    signature: auth.slice(colon + 1),
  };
}

/** What the server hashes for a call: user part + normalize({args, call}) + api key (spec §3.3). */
export function rpcSignedText(userPart: string, call: string, args: { readonly [key: string]: unknown }, apiKey: string, booleans: BooleanSpelling = 'json'): string {
  return `${userPart}${normalizeReceived({ args: args as { [key: string]: LexJson }, call }, booleans)}${apiKey}`;
}

/**
 * The md5 of that text, compared in constant time (spec §11 item 3). Pre-1.2.0 SDKs signed booleans
 * as `True`/`False`: both spellings pass (decision).
 */
export function rpcSignatureValid(auth: RpcAuth, call: string, args: { [key: string]: LexJson }, apiKey: string): boolean {
  const expected = (booleans: BooleanSpelling) => md5(rpcSignedText(auth.userPart, call, args, apiKey, booleans));
  const json = sameDigest(expected('json'), auth.signature);
  const python = sameDigest(expected('python'), auth.signature);
  return json || python;
}
