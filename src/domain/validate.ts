/** Input checks shared by resolvers and upload services: each failure is a BAD_USER_INPUT naming its field. */
import { badUserInput } from '../errors';

export function httpUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badUserInput(`${field}: not a URL`, { field });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badUserInput(`${field}: must be an http(s) URL`, { field });
  return value;
}

export function maxLength(value: string | null | undefined, max: number, field: string): void {
  if (value != null && value.length > max) throw badUserInput(`${field}: at most ${max} characters`, { field });
}

export function positiveInt(value: number | null | undefined, field: string, max = Number.MAX_SAFE_INTEGER): void {
  if (value != null && (!Number.isSafeInteger(value) || value <= 0 || value > max)) {
    throw badUserInput(`${field}: a whole number from 1 to ${max}`, { field });
  }
}

export function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[], field: string): void {
  if (value != null && !(allowed as readonly string[]).includes(value)) {
    throw badUserInput(`${field}: one of ${allowed.join(', ')}`, { field });
  }
}
