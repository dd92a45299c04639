import { badUserInput } from '../errors';

/** Where a cross-account listing stands: per account, how many items were consumed; plus the filter it is for. */
export interface ListingPosition {
  readonly offsets: Readonly<Record<string, number>>;
  readonly filter: string;
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
