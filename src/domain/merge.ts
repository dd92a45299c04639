import { positionAfter, type AccountSlice } from './account-reader';
import { SortDirection, timeOf, type AccountPosition, type Listed } from './listing';

export interface MergedEdge<T> {
  readonly node: T;
  /** Every read account's position once this item is taken: the edge's cursor. */
  readonly positions: Readonly<Record<string, AccountPosition>>;
}

/** The merged order: creation time in the direction, then account id; within an account, the account's own order. */
export function compareAcross(direction: SortDirection, a: { time: number; accountId: string }, b: { time: number; accountId: string }): number {
  const byTime = direction === SortDirection.DESC ? b.time - a.time : a.time - b.time;
  return byTime || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0);
}

const key = (v: Listed) => ({ time: timeOf(v), accountId: v.accountId });

/**
 * k-way merge of per-account slices, each in the listing's order: takes the first head `first` times.
 * An account read only in part (not exhausted, its entries used up) is a frontier: nothing is taken that
 * its unread videos could precede, so a short page is possible but never a wrong one.
 * `hasNextPage`: some account has an entry left or was not read to its end. `end`: every position after
 * the page, which moves past what was read and skipped even when a page comes out empty.
 */
export function mergeSlices<T extends Listed>(
  slices: readonly AccountSlice<T>[],
  first: number,
  direction: SortDirection,
): { edges: MergedEdge<T>[]; hasNextPage: boolean; end: Readonly<Record<string, AccountPosition>> } {
  const heads = slices.map(() => 0);
  const positions = (): Record<string, AccountPosition> =>
    Object.fromEntries(slices.map((s, i) => [s.accountId, positionAfter(s, heads[i]!)]));
  const edges: MergedEdge<T>[] = [];
  while (edges.length < first) {
    let best = -1;
    slices.forEach((slice, i) => {
      const head = slice.entries[heads[i]!];
      if (head === undefined) return;
      if (best < 0 || compareAcross(direction, key(head.video), key(slices[best]!.entries[heads[best]!]!.video)) < 0) best = i;
    });
    if (best < 0) break;
    const candidate = key(slices[best]!.entries[heads[best]!]!.video);
    const blocked = slices.some((s, i) => {
      if (s.exhausted || heads[i]! < s.entries.length) return false;
      const frontier = s.end.time;
      return frontier === null || compareAcross(direction, candidate, { time: frontier, accountId: s.accountId }) >= 0;
    });
    if (blocked) break;
    const node = slices[best]!.entries[heads[best]!]!.video;
    heads[best]!++;
    edges.push({ node, positions: positions() });
  }
  const hasNextPage = slices.some((s, i) => heads[i]! < s.entries.length || !s.exhausted);
  return { edges, hasNextPage, end: positions() };
}
