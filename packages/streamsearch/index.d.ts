/** See index.js: the interface of streamsearch 1.1.0, found with Buffer#indexOf. */
declare class StreamSearch {
  constructor(needle: string | Buffer, cb: StreamSearch.Callback);
  /** Stops `push` once this many matches were found (default Infinity). */
  maxMatches: number;
  /** Matches found since construction or the last `reset`. */
  matches: number;
  /** Searches `chunk` from `pos`; returns where it stopped (the chunk's length unless `maxMatches` was reached). */
  push(chunk: Buffer | string, pos?: number): number;
  reset(): void;
  /** Hands held-back bytes over as data (`isDataSafe` false), then resets. */
  destroy(): void;
}

declare namespace StreamSearch {
  /** `data[start, end)` precedes a match (`isMatch`) or is plain data; `isDataSafe`: `data` is the pushed chunk. */
  type Callback = (isMatch: boolean, data: Buffer | undefined, start: number, end: number, isDataSafe: boolean) => void;
}

export = StreamSearch;
