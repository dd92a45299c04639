'use strict';

/**
 * A streaming search for one needle in a sequence of chunks, with the interface of streamsearch
 * 1.1.0 (the package busboy 1.x scans multipart bodies with): `new StreamSearch(needle, cb)`,
 * `push(chunk, pos)`, `reset()`, `destroy()`, `matches`, `maxMatches`.
 *
 * The callback is `cb(isMatch, data, start, end, isDataSafe)`: `data[start, end)` is input that is
 * not part of a match, in input order; `isMatch` says the needle follows it (then `data` is
 * `undefined` when nothing precedes the needle since the last call). `isDataSafe` is true when `data`
 * is the pushed chunk itself (the caller may keep a view of it) and false when it is this object's
 * held-back bytes, which are overwritten later (the caller copies them).
 *
 * Bytes at the end of a chunk that could be the start of the needle are held back until the next
 * chunk says whether they are. Within a chunk the needle is found with `Buffer#indexOf`, native code,
 * instead of streamsearch's Boyer–Moore–Horspool loop in JavaScript: that loop was the largest
 * gateway-only CPU cost of an upload (bench/NOTES.md, Uploads).
 */
class StreamSearch {
  constructor(needle, cb) {
    if (typeof cb !== 'function') throw new Error('Missing match callback');
    if (typeof needle === 'string') needle = Buffer.from(needle);
    else if (!Buffer.isBuffer(needle)) throw new Error(`Expected Buffer for needle, got ${typeof needle}`);
    if (needle.length === 0) throw new Error('Expected a non-empty needle');
    this.maxMatches = Infinity;
    this.matches = 0;
    this._cb = cb;
    this._needle = needle;
    /** Held-back bytes: always a proper prefix of the needle. */
    this._held = Buffer.allocUnsafe(needle.length);
    this._heldLength = 0;
  }

  reset() {
    this.matches = 0;
    this._heldLength = 0;
  }

  /** Hands the held-back bytes over as plain data and forgets the state. */
  destroy() {
    if (this._heldLength > 0) this._cb(false, this._held, 0, this._heldLength, false);
    this.reset();
  }

  /**
   * Searches `chunk` from `pos` (default 0). Returns the position in `chunk` where it stopped: the
   * chunk's length, or less when `maxMatches` was reached.
   */
  push(chunk, pos) {
    if (!Buffer.isBuffer(chunk)) chunk = Buffer.from(chunk, 'latin1');
    let at = pos || 0;
    while (at < chunk.length && this.matches < this.maxMatches) {
      at = this._heldLength > 0 ? this._continueHeld(chunk, at) : this._search(chunk, at);
    }
    return at;
  }

  /**
   * With bytes held back: a match may start in them. Tries each start in the held bytes, leftmost
   * first; returns where the search goes on in `chunk`.
   */
  _continueHeld(chunk, at) {
    const needle = this._needle;
    const held = this._held;
    const heldLength = this._heldLength;
    const available = chunk.length - at;
    for (let start = 0; start < heldLength; start++) {
      const inHeld = heldLength - start;
      if (!sameBytes(held, start, needle, 0, inHeld)) continue;
      const wanted = needle.length - inHeld;
      const compared = Math.min(wanted, available);
      if (!sameBytes(chunk, at, needle, inHeld, compared)) continue;
      if (compared === wanted) {
        // the needle, from the held bytes into the chunk
        this._heldLength = 0;
        this.matches++;
        if (start > 0) this._cb(true, held, 0, start, false);
        else this._cb(true, undefined, 0, 0, true);
        return at + wanted;
      }
      // still a possible start: hold it and the whole (short) rest of the chunk back
      if (start > 0) this._cb(false, held, 0, start, false);
      held.copy(held, 0, start, heldLength);
      chunk.copy(held, inHeld, at, chunk.length);
      this._heldLength = inHeld + available;
      return chunk.length;
    }
    // no match starts in the held bytes: they are data
    this._heldLength = 0;
    this._cb(false, held, 0, heldLength, false);
    return at;
  }

  /** Nothing held back: finds the needle in `chunk` from `at`, or holds back a possible start at its end. */
  _search(chunk, at) {
    const needle = this._needle;
    const found = chunk.indexOf(needle, at);
    if (found !== -1) {
      this.matches++;
      if (found > at) this._cb(true, chunk, at, found, true);
      else this._cb(true, undefined, 0, 0, true);
      return found + needle.length;
    }
    // a start of the needle can only be among the last needle.length - 1 bytes
    const first = needle[0];
    let start = chunk.indexOf(first, Math.max(at, chunk.length - needle.length + 1));
    while (start !== -1 && !sameBytes(chunk, start, needle, 0, chunk.length - start)) start = chunk.indexOf(first, start + 1);
    const end = start === -1 ? chunk.length : start;
    if (end > at) this._cb(false, chunk, at, end, true);
    if (start !== -1) {
      chunk.copy(this._held, 0, start, chunk.length);
      this._heldLength = chunk.length - start;
    }
    return chunk.length;
  }
}

/** `a[aStart, aStart + length)` and `b[bStart, bStart + length)` hold the same bytes. */
function sameBytes(a, aStart, b, bStart, length) {
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}

module.exports = StreamSearch;
