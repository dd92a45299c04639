/** What the merge needs of an item: its account and creation time. */
export interface Mergeable {
  readonly accountId: string;
  readonly nativeId: string;
  readonly createdAt: Date | null;
}

/** One account's items, newest first, fetched from `offset`. */
export interface AccountSlice<T extends Mergeable> {
  readonly accountId: string;
  readonly offset: number;
  readonly items: readonly T[];
}

export interface MergedEdge<T> {
  readonly node: T;
  /** Every account's consumed count once this item is taken: the edge's cursor. */
  readonly offsets: Readonly<Record<string, number>>;
}

const time = (item: Mergeable): number => item.createdAt?.getTime() ?? Number.NEGATIVE_INFINITY;

/** Newest first; ties by account then id so the order is total and stable across pages. */
export function newerFirst(a: Mergeable, b: Mergeable): number {
  return time(b) - time(a) || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0) || (a.nativeId < b.nativeId ? -1 : a.nativeId > b.nativeId ? 1 : 0);
}

/**
 * k-way merge of per-account lists that are each newest first: takes the newest head `first`
 * times. `hasNextPage` is true when any account has a fetched item left over (so each account
 * should be asked for `first + 1`).
 */
export function mergeNewestFirst<T extends Mergeable>(
  slices: readonly AccountSlice<T>[],
  first: number,
  carried: Readonly<Record<string, number>> = {},
): { edges: MergedEdge<T>[]; hasNextPage: boolean } {
  const offsets: Record<string, number> = { ...carried };
  const heads = slices.map(() => 0);
  for (const slice of slices) offsets[slice.accountId] = slice.offset;
  const edges: MergedEdge<T>[] = [];
  while (edges.length < first) {
    let best = -1;
    slices.forEach((slice, i) => {
      const head = slice.items[heads[i]!];
      if (head !== undefined && (best < 0 || newerFirst(head, slices[best]!.items[heads[best]!]!) < 0)) best = i;
    });
    if (best < 0) break;
    const slice = slices[best]!;
    const node = slice.items[heads[best]!]!;
    heads[best]!++;
    offsets[slice.accountId] = slice.offset + heads[best]!;
    edges.push({ node, offsets: { ...offsets } });
  }
  const hasNextPage = slices.some((slice, i) => heads[i]! < slice.items.length);
  return { edges, hasNextPage };
}
