import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import StreamSearch from 'streamsearch';
import { seededRandom } from '../../support/seeded-random';

/** What a search must report: the input split at the leftmost non-overlapping needles. */
function splitAt(input: Buffer, needle: Buffer): { pieces: string[]; matches: number } {
  const pieces: string[] = [];
  let at = 0;
  for (let found = input.indexOf(needle); found !== -1; found = input.indexOf(needle, at)) {
    pieces.push(input.toString('latin1', at, found));
    at = found + needle.length;
  }
  pieces.push(input.toString('latin1', at));
  return { pieces, matches: pieces.length - 1 };
}

/** Feeds `chunks` and rebuilds the pieces from the callbacks, checking what `isDataSafe` promises on the way. */
function searched(needle: Buffer, chunks: readonly Buffer[]): { pieces: string[]; matches: number } {
  const pieces: string[] = [''];
  let current: Buffer | null = null;
  const search = new StreamSearch(needle, (isMatch, data, start, end, isDataSafe) => {
    if (data) {
      assert.ok(start >= 0 && start <= end && end <= data.length, `range [${start}, ${end}) inside data`);
      if (isDataSafe) assert.equal(data, current, 'safe data is the pushed chunk itself');
      pieces[pieces.length - 1] += data.toString('latin1', start, end);
    }
    if (isMatch) pieces.push('');
  });
  for (const chunk of chunks) {
    current = chunk;
    assert.equal(search.push(chunk, 0), chunk.length, 'a push without maxMatches consumes the chunk');
  }
  current = null;
  const matches = search.matches;
  search.destroy(); // hands over the held-back bytes, and resets
  assert.equal(search.matches, 0);
  return { pieces, matches };
}

/** An input made of random bytes, needles, and needle prefixes (the cases that need holding back). */
function inputFor(needle: Buffer, random: () => number): Buffer {
  const parts: Buffer[] = [];
  const count = 1 + Math.floor(random() * 40);
  for (let i = 0; i < count; i++) {
    const kind = random();
    if (kind < 0.3) parts.push(needle);
    else if (kind < 0.7) parts.push(needle.subarray(0, 1 + Math.floor(random() * (needle.length - 1 || 1))));
    else {
      const noise = Buffer.alloc(Math.floor(random() * 64));
      // bytes of the needle's alphabet, so near-matches are frequent
      for (let j = 0; j < noise.length; j++) noise[j] = random() < 0.7 ? needle[Math.floor(random() * needle.length)]! : Math.floor(random() * 256);
      parts.push(noise);
    }
  }
  return Buffer.concat(parts);
}

/** `input` cut at random places, one-byte chunks included. */
function chunksOf(input: Buffer, random: () => number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < input.length;) {
    const size = random() < 0.3 ? 1 : 1 + Math.floor(random() * 48);
    chunks.push(Buffer.from(input.subarray(at, at + size)));
    at += size;
  }
  return chunks;
}

const NEEDLES = [
  '\r\n----vidmesh0123456789abcdef', // a multipart boundary as busboy searches it
  '\r\n--X',
  'a',
  'aab', // a needle whose end can start it again: a match may begin inside held-back bytes
  'abab',
  'aaaa',
  '\r\n\r\n',
];

describe('streamsearch (packages/streamsearch: busboy’s boundary search with Buffer#indexOf)', () => {
  it('is the module busboy loads, through the override in package.json', () => {
    const fromUploads = createRequire(require.resolve('graphql-upload-minimal'));
    const fromBusboy = createRequire(fromUploads.resolve('busboy'));
    assert.equal(fromBusboy.resolve('streamsearch'), join(__dirname, '..', '..', '..', '..', 'packages', 'streamsearch', 'index.js'));
  });

  it('reports the input split at every needle, for random inputs cut at random places (3,500 seeded cases)', () => {
    for (const [n, text] of NEEDLES.entries()) {
      const needle = Buffer.from(text, 'latin1');
      for (let seed = 1; seed <= 500; seed++) {
        const random = seededRandom(seed * 7919 + n);
        const input = inputFor(needle, random);
        assert.deepEqual(searched(needle, chunksOf(input, random)), splitAt(input, needle), `needle ${JSON.stringify(text)}, seed ${seed}`);
      }
    }
  });

  it('finds a needle split over one-byte chunks, and one across a held-back false start', () => {
    const needle = Buffer.from('aab');
    const bytes = (text: string) => [...text].map((c) => Buffer.from(c));
    assert.deepEqual(searched(needle, bytes('xaaab')), { pieces: ['xa', ''], matches: 1 });
    assert.deepEqual(searched(needle, [Buffer.from('xaa'), Buffer.from('ab')]), { pieces: ['xa', ''], matches: 1 });
    assert.deepEqual(searched(needle, [Buffer.from('aa'), Buffer.from('a'), Buffer.from('c')]), { pieces: ['aaac'], matches: 0 });
  });

  it('stops at maxMatches and says where', () => {
    const seen: string[] = [];
    const search = new StreamSearch('--', (isMatch, data, start, end) => seen.push(`${data ? data.toString('latin1', start, end) : ''}${isMatch ? '|' : ''}`));
    search.maxMatches = 2;
    assert.equal(search.push(Buffer.from('a--b--c--d')), 6);
    assert.deepEqual(seen, ['a|', 'b|']);
    search.reset();
    assert.equal(search.push(Buffer.from('a--b--c--d'), 6), 10, 'from a position, to the end: one match is under the limit');
    assert.deepEqual(seen, ['a|', 'b|', 'c|', 'd']);
  });

  it('refuses what streamsearch refuses', () => {
    assert.throws(() => new StreamSearch('x', undefined as unknown as StreamSearch.Callback), /Missing match callback/);
    assert.throws(() => new StreamSearch(42 as unknown as string, () => {}), /Expected Buffer for needle/);
  });
});
