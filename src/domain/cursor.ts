import { createHash } from 'node:crypto';
import { badUserInput } from '../errors';
import { ACCOUNT_ID } from './ids';
import { MAX_TIE_IDS, type AccountPosition, type SortKey } from './listing';

/** Where a cross-account listing stands: per account, how many items were consumed; plus the filter it is for. */
export interface ListingPosition {
  readonly offsets: Readonly<Record<string, number>>;
  readonly filter: string;
}

/**
 * What a cursor names its list by: a short digest of the list's arguments, so a cursor only resumes
 * the list it was made for and stays short however long the arguments (filters) are.
 */
export function listId(args: string): string {
  return createHash('sha256').update(args).digest('base64url').slice(0, 16);
}

/** Opaque cursor: base64url JSON. Clients must not build or parse it. */
export function encodeCursor(position: ListingPosition): string {
  return Buffer.from(JSON.stringify({ v: 1, o: position.offsets, f: position.filter }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, filter: string): ListingPosition {
  const invalid = () => badUserInput('`after` is not a cursor of this list', { field: 'after' });
  if (!/^[A-Za-z0-9_-]{1,4096}$/.test(cursor)) throw invalid();
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof raw !== 'object' || raw === null) throw invalid();
  const { v, o, f } = raw as { v?: unknown; o?: unknown; f?: unknown };
  if (v !== 1 || typeof f !== 'string' || typeof o !== 'object' || o === null || Array.isArray(o)) throw invalid();
  const offsets: Record<string, number> = {};
  for (const [account, offset] of Object.entries(o)) {
    if (!Number.isSafeInteger(offset) || (offset as number) < 0) throw invalid();
    offsets[account] = offset as number;
  }
  if (f !== filter) throw badUserInput('`after` was made for other arguments (filter or order) of this list', { field: 'after' });
  return { offsets, filter };
}

/** Cursor of a cross-account listing (version 2): every account's position, and the list it belongs to. */
export interface ListCursor {
  /** A digest of the arguments (accounts, filter, order): a cursor only resumes the list it was made for. */
  readonly list: string;
  readonly positions: Readonly<Record<string, AccountPosition>>;
}

const LIST_CURSOR_VERSION = 2;
const MAX_LIST_CURSOR = 65_536;

/** Opaque: base64url JSON `{v: 2, l, p: {account: [offset, ids, last key?]}}`. Clients must not build or parse it. */
export function encodeListCursor(cursor: ListCursor): string {
  const p: Record<string, unknown[]> = {};
  for (const [account, at] of Object.entries(cursor.positions)) p[account] = at.last === null ? [at.offset, at.ids] : [at.offset, at.ids, at.last.key];
  return Buffer.from(JSON.stringify({ v: LIST_CURSOR_VERSION, l: cursor.list, p }), 'utf8').toString('base64url');
}

/** Any cursor not made by `encodeListCursor` for this very list (older versions included) is BAD_USER_INPUT. */
export function decodeListCursor(cursor: string, list: string): Record<string, AccountPosition> {
  const invalid = (why: string) => badUserInput(`\`after\` is not a cursor of this list (${why})`, { field: 'after' });
  if (cursor.length > MAX_LIST_CURSOR || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid('malformed');
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('malformed');
  }
  if (typeof raw !== 'object' || raw === null) throw invalid('malformed');
  const { v, l, p } = raw as { v?: unknown; l?: unknown; p?: unknown };
  if (v !== LIST_CURSOR_VERSION) throw invalid(typeof v === 'number' && v < LIST_CURSOR_VERSION ? 'made by an older version; start again' : 'unknown version');
  if (l !== list) throw badUserInput('`after` was made for other arguments (accounts, filter or order) of this list', { field: 'after' });
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw invalid('malformed');
  const positions: Record<string, AccountPosition> = {};
  for (const [account, value] of Object.entries(p)) {
    if (!ACCOUNT_ID.test(account) || !Array.isArray(value) || value.length < 2 || value.length > 3) throw invalid('malformed');
    const [offset, ids, key] = value as unknown[];
    const okOffset = Number.isSafeInteger(offset) && (offset as number) >= 0;
    const okKey = key === undefined || key === null || Number.isSafeInteger(key) || (typeof key === 'string' && key.length <= 4096);
    const okIds = Array.isArray(ids) && ids.length <= MAX_TIE_IDS && ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 512);
    if (!okOffset || !okKey || !okIds || (value.length === 2 && ids.length > 0)) throw invalid('malformed');
    positions[account] = { offset: offset as number, last: value.length === 3 ? { key: key as SortKey } : null, ids: ids as string[] };
  }
  return positions;
}
