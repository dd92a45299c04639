import { positionAfter, type AccountSlice } from './account-reader';
import { inOrder, sortKey, type AccountPosition, type Listed, type SortKey, type VideoListSpec } from './listing';

export interface MergedEdge<T> {
  readonly node: T;
  /** Every read account's position once this item is taken: the edge's cursor. */
  readonly positions: Readonly<Record<string, AccountPosition>>;
}

interface Place {
  readonly key: SortKey;
  readonly accountId: string;
}

/** The merged order: the sort key in the direction, then account id; within an account, the account's own order. */
export function compareAcross(spec: VideoListSpec, a: Place, b: Place): number {
  return inOrder(spec, a.key, b.key) || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0);
}

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
  spec: VideoListSpec,
): { edges: MergedEdge<T>[]; hasNextPage: boolean; end: Readonly<Record<string, AccountPosition>> } {
  const heads = slices.map(() => 0);
  const positions = (): Record<string, AccountPosition> => Object.fromEntries(slices.map((s, i) => [s.accountId, positionAfter(s, heads[i]!)]));
  const place = (v: Listed): Place => ({ key: sortKey(v, spec.field), accountId: v.accountId });
  const edges: MergedEdge<T>[] = [];
  while (edges.length < first) {
    let best = -1;
    slices.forEach((slice, i) => {
      const head = slice.entries[heads[i]!];
      if (head === undefined) return;
      if (best < 0 || compareAcross(spec, place(head.video), place(slices[best]!.entries[heads[best]!]!.video)) < 0) best = i;
    });
    if (best < 0) break;
    const candidate = place(slices[best]!.entries[heads[best]!]!.video);
    const blocked = slices.some((s, i) => {
      if (s.exhausted || heads[i]! < s.entries.length) return false;
      const frontier = s.end.last;
      return frontier === null || compareAcross(spec, candidate, { key: frontier.key, accountId: s.accountId }) >= 0;
    });
    if (blocked) break;
    const node = slices[best]!.entries[heads[best]!]!.video;
    heads[best]!++;
    edges.push({ node, positions: positions() });
  }
  const hasNextPage = slices.some((s, i) => heads[i]! < s.entries.length || !s.exhausted);
  return { edges, hasNextPage, end: positions() };
}
