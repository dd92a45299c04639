/**
 * A deterministic generator of numbers in [0, 1) (xorshift32): randomized tests built on it name the
 * seed of a failing case, which then replays exactly. A seed of 0 is taken as 1 (xorshift's fixed point).
 */
export function seededRandom(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}
