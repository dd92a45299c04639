import { advance, matchesSpec, pastRange, processed, type AccountPosition, type Listed, type VideoListSpec } from './listing';

/** Reads `count` items of an account's ordered (upstream-filtered) list from `offset`; fewer means the list ended. */
export type FetchRange<T> = (offset: number, count: number) => Promise<readonly T[]>;

/** Page size of gateway-side scans: the providers' largest page. */
export const SCAN_PAGE = 100;
/** Upstream calls one account may make for one page (scans, step-backs); past it the page is cut short, never wrong. */
export const MAX_CALLS_PER_PAGE = 6;

export interface SliceEntry<T> {
  readonly video: T;
  /** The position once every video before this one is processed. */
  readonly before: AccountPosition;
}

/** One account's part of a page: its unprocessed matching videos in its own order, and where it stands. */
export interface AccountSlice<T extends Listed> {
  readonly accountId: string;
  readonly entries: readonly SliceEntry<T>[];
  /** The position once every video read is processed. */
  readonly end: AccountPosition;
  /** True when the account has nothing after `end` (its list, or the created range, ended). */
  readonly exhausted: boolean;
  /** Upstream calls made. */
  readonly calls: number;
}

/** The position after taking the first `k` entries of a slice. */
export function positionAfter<T extends Listed>(slice: AccountSlice<T>, k: number): AccountPosition {
  return k < slice.entries.length ? slice.entries[k]!.before : slice.end;
}

/**
 * Reads what one account contributes to a page of `need` videos: `need + 1` unprocessed matching videos
 * (the extra one tells whether more exist), resuming at `from`.
 *
 * - Resumes one item before `from.offset` (the anchor): when that item is still processed, nothing
 *   moved before it; when it is not, videos before the position were deleted and it steps back.
 * - Videos created since (before the position in this order) come back as processed and are skipped;
 *   the shortfall is read next, exactly.
 * - `scan` (a condition applied in the gateway): reads whole pages of SCAN_PAGE until enough match.
 * Every read is bounded by MAX_CALLS_PER_PAGE; a cut-short slice is not `exhausted`, so the merge
 * stops before anything it could still precede.
 */
export async function readAccount<T extends Listed>(
  accountId: string,
  fetch: FetchRange<T>,
  spec: VideoListSpec,
  from: AccountPosition,
  need: number,
  scan: boolean,
): Promise<AccountSlice<T>> {
  const want = need + 1;
  let calls = 0;
  let exhausted = false;
  const read = async (offset: number, count: number): Promise<readonly T[]> => {
    calls++;
    const items = await fetch(offset, count);
    if (items.length < count) exhausted = true;
    return items;
  };
  const usable = (items: readonly T[]) => items.filter((v) => !processed(v, from, spec) && matchesSpec(v, spec)).length;
  const stops = (items: readonly T[]) => items.some((v) => !processed(v, from, spec) && pastRange(v, spec));

  let start = Math.max(0, from.offset - 1);
  const anchored = start < from.offset;
  let raw: T[] = [...(await read(start, scan ? SCAN_PAGE : want + (anchored ? 1 : 0)))];
  // deletions before the position: step back until the first item read is processed (or the list starts)
  while (anchored && start > 0 && (raw.length === 0 || !processed(raw[0]!, from, spec)) && calls < MAX_CALLS_PER_PAGE) {
    const back = Math.min(start, scan ? SCAN_PAGE : want);
    const earlier = await fetch(start - back, back);
    calls++;
    raw = [...earlier, ...raw];
    start -= back;
    if (earlier.length < back) break;
  }
  while (!exhausted && !stops(raw) && usable(raw) < want && calls < MAX_CALLS_PER_PAGE) {
    raw.push(...(await read(start + raw.length, scan ? SCAN_PAGE : want - usable(raw))));
  }

  const entries: SliceEntry<T>[] = [];
  let at: AccountPosition = from;
  let offset = start;
  for (const video of raw) {
    if (processed(video, from, spec)) {
      offset++;
      continue;
    }
    if (pastRange(video, spec)) {
      exhausted = true;
      break;
    }
    if (matchesSpec(video, spec)) entries.push({ video, before: { ...at, offset } });
    offset++;
    at = advance(at, video, offset, spec);
  }
  return { accountId, entries, end: { ...at, offset }, exhausted, calls };
}
