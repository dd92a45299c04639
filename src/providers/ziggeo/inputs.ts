import { badUserInput } from '../../errors';
import type { PyValue } from './python';
import { pyJsonDumps } from './python';
import type { ZiggeoFile } from './upload';

/** Caller input → the SDK's form arguments, checked before anything is sent (ziggeo spec §5). Pure. */

type Pairs = [string, PyValue][];

/**
 * The SDK sends path segments verbatim (spec §1.3): we accept only what cannot change the path,
 * so a key never becomes a query string or another resource.
 */
export function segment(id: string, what = 'id'): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9._~-]{1,256}$/.test(id) || id === '.' || id === '..') {
    throw badUserInput(`"${String(id).slice(0, 40)}" is not a valid Ziggeo ${what}`);
  }
  return id;
}

function tagList(tags: readonly string[] | null): string {
  for (const tag of tags ?? []) {
    if (tag.includes(',') || tag.trim() === '') throw badUserInput(`tag "${tag.slice(0, 40)}" is empty or holds a comma`);
  }
  return (tags ?? []).join(',');
}

function count(value: number | null | undefined, name: string): PyValue | undefined {
  if (value === undefined) return undefined;
  if (value !== null && (!Number.isSafeInteger(value) || value < 0)) throw badUserInput(`${name} must be a whole number ≥ 0`);
  return value;
}

function defined(pairs: [string, PyValue | undefined][]): Pairs {
  return pairs.filter((p): p is [string, PyValue] => p[1] !== undefined);
}

export interface ZiggeoVideoQuery {
  /** 1–100; the API's default is 50 (spec §5.1). */
  readonly limit?: number;
  readonly skip?: number;
  readonly reverse?: boolean;
  readonly states?: readonly string[];
  readonly tags?: readonly string[];
}

/** `index` / `count` arguments in the README's order (spec §5.1). */
export function videoQueryArgs(q: ZiggeoVideoQuery): Pairs {
  if (q.limit !== undefined && (!Number.isSafeInteger(q.limit) || q.limit < 1 || q.limit > 100)) throw badUserInput('limit must be 1–100');
  return defined([
    ['limit', q.limit],
    ['skip', count(q.skip, 'skip')],
    ['reverse', q.reverse],
    ['states', q.states?.length ? q.states.join(',') : undefined],
    ['tags', q.tags?.length ? tagList(q.tags) : undefined],
  ]);
}

export interface ZiggeoVideoFields {
  readonly key?: string;
  readonly tags?: readonly string[] | null;
  readonly minDuration?: number | null;
  readonly maxDuration?: number | null;
  readonly volatile?: boolean;
}

export interface ZiggeoVideoUpdate extends ZiggeoVideoFields {
  /** null clears it: sent as `None`, as the demos do (spec §10.1.5). */
  readonly expirationDays?: number | null;
  /** `YYYY-MM-DD` (2.30 README). */
  readonly expireOn?: string | null;
  readonly approved?: boolean | null;
}

/** `create` / `update` arguments in the README's order (spec §5.1); `null` is Python's `None`. */
export function videoArgs(input: ZiggeoVideoUpdate, requireSome: boolean): Pairs {
  if (input.expireOn != null && !/^\d{4}-\d{2}-\d{2}$/.test(input.expireOn)) throw badUserInput('expireOn must be YYYY-MM-DD');
  if (input.key !== undefined) segment(input.key, 'video key');
  const pairs = defined([
    ['min_duration', count(input.minDuration, 'minDuration')],
    ['max_duration', count(input.maxDuration, 'maxDuration')],
    ['tags', input.tags === undefined ? undefined : tagList(input.tags)],
    ['key', input.key],
    ['volatile', input.volatile],
    ['expiration_days', count(input.expirationDays, 'expirationDays')],
    ['expire_on', input.expireOn],
    ['approved', input.approved],
  ]);
  if (requireSome && pairs.length === 0) throw badUserInput('nothing to update');
  return pairs;
}

export interface ZiggeoAuthTokenInput {
  readonly volatile?: boolean;
  readonly hidden?: boolean;
  /** When the token stops working: a Date or Unix seconds. */
  readonly expiresAt?: Date | number | null;
  /** Seconds a session may use it. */
  readonly usageExpirationTime?: number | null;
  readonly sessionLimit?: number | null;
  /** JSON text (as the demos send it) or an object, serialized as `json.dumps` would (spec §5.3). */
  readonly grants?: string | { readonly [key: string]: PyValue } | null;
}

/** Auth token arguments in the README's order; `grants` always travels as JSON text (spec §3.3 pitfall). */
export function authTokenArgs(input: ZiggeoAuthTokenInput, requireSome: boolean): Pairs {
  let grants: string | null | undefined;
  if (typeof input.grants === 'string') {
    try {
      JSON.parse(input.grants);
    } catch {
      throw badUserInput('grants must be JSON');
    }
    grants = input.grants;
  } else if (input.grants != null) grants = pyJsonDumps(input.grants);
  else grants = input.grants;
  const expires = input.expiresAt instanceof Date ? Math.floor(input.expiresAt.getTime() / 1000) : input.expiresAt;
  const pairs = defined([
    ['volatile', input.volatile],
    ['hidden', input.hidden],
    ['expiration_date', count(expires, 'expiresAt')],
    ['usage_expiration_time', count(input.usageExpirationTime, 'usageExpirationTime')],
    ['session_limit', count(input.sessionLimit, 'sessionLimit')],
    ['grants', grants],
  ]);
  if (requireSome && pairs.length === 0) throw badUserInput('nothing to update');
  return pairs;
}

/** The name goes unescaped into a multipart header (spec §3.4): quotes and line breaks are replaced. */
export function safeFile(file: ZiggeoFile): ZiggeoFile {
  const name = (file.name.split(/[/\\]/).pop() ?? '').replace(/["\r\n\u0000-\u001f]/g, '_');
  if (!name) throw badUserInput('the file needs a name');
  return { ...file, name };
}
