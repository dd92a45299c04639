import { decodeCursor, encodeCursor } from '../../domain/cursor';
import { badUserInput } from '../../errors';
import { connectionOf, type ConnectionShape, type Edge } from './connection';

export const MAX_PAGE_SIZE = 100;

export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first: from 0 to ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  return first;
}

/** Cursors of single lists: the count consumed, tagged with the list they belong to. */
export function offsetCursor(list: string, consumed: number): string {
  return encodeCursor({ offsets: { _: consumed }, filter: list });
}

/** An edge whose cursor is encoded when read: most selections of a list's `nodes` never read it. */
class OffsetEdge<T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly list: string,
    private readonly consumed: number,
  ) {}

  get cursor(): string {
    return offsetCursor(this.list, this.consumed);
  }
}

/** One page of a single list read from `offset`, each edge's cursor the count consumed through it. */
export function offsetConnection<T>(list: string, offset: number, page: readonly T[], hasNextPage: boolean): ConnectionShape<T> {
  return connectionOf(
    page.map((node, i) => new OffsetEdge(node, list, offset + i + 1)),
    hasNextPage,
  );
}

export function pageArgs(first: number, after: string | null | undefined, list: string): { offset: number; count: number } {
  const count = checkFirst(first);
  const offset = after == null ? 0 : (decodeCursor(after, list).offsets._ ?? 0);
  return { offset, count };
}
