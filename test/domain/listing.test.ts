import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAccount, type AccountSlice } from '../../src/domain/account-reader';
import { decodeListCursor, encodeCursor, encodeListCursor } from '../../src/domain/cursor';
import { filteredInGateway, SortDirection, START, type AccountPosition, type Listed, type ListingSupport, type VideoListSpec } from '../../src/domain/listing';
import { mergeSlices } from '../../src/domain/merge';
import { VideoStatus } from '../../src/domain/types';
import { VidmeshError } from '../../src/errors';

/** An in-memory account: its list in provider order, served by offset as the providers do, counting calls. */
class FakeAccount {
  readonly videos: Listed[] = [];
  calls = 0;
  private seq = 0;
  constructor(readonly accountId: string) {}

  add(second: number, status = VideoStatus.READY, title = 'clip'): Listed {
    const video: Listed = { accountId: this.accountId, nativeId: `${this.accountId}-${this.seq++}`, createdAt: new Date(second * 1000), status, title };
    this.videos.push(video);
    return video;
  }

  remove(video: Listed): void {
    this.videos.splice(this.videos.indexOf(video), 1);
  }

  /** Newest first (ties: insertion order) or oldest first, upstream-filtered by status when asked. */
  list(direction: SortDirection, status?: VideoStatus): Listed[] {
    const sorted = this.videos.filter((v) => !status || v.status === status).sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
    return direction === SortDirection.DESC ? sorted.reverse() : sorted;
  }

  fetch(spec: VideoListSpec, upstreamStatus: boolean) {
    return async (offset: number, count: number) => {
      this.calls++;
      return this.list(spec.direction, upstreamStatus ? spec.status : undefined).slice(offset, offset + count);
    };
  }
}

const NONE: ListingSupport = { status: false, tags: false, createdRange: false, titleContains: false, hasTags: false };

/** One page across accounts, as the `videos` resolver makes it (positions travel through a real cursor). */
async function page(accounts: FakeAccount[], spec: VideoListSpec, first: number, cursor: string | null, upstreamStatus = true) {
  const positions: Record<string, AccountPosition> = cursor ? decodeListCursor(cursor, 'list') : {};
  const scan = filteredInGateway(spec, { ...NONE, status: upstreamStatus });
  const slices: AccountSlice<Listed>[] = await Promise.all(
    accounts.map((a) => readAccount(a.accountId, a.fetch(spec, upstreamStatus), spec, positions[a.accountId] ?? START, first, scan)),
  );
  const merged = mergeSlices(slices, first, spec);
  const end = merged.edges.at(-1)?.positions ?? merged.end;
  return { nodes: merged.edges.map((e) => e.node), hasNextPage: merged.hasNextPage, cursor: encodeListCursor({ list: 'list', positions: end }), slices };
}

function inOrder(nodes: Listed[], direction: SortDirection): void {
  const times = nodes.map((v) => v.createdAt!.getTime());
  const sorted = [...times].sort((a, b) => (direction === SortDirection.DESC ? b - a : a - b));
  assert.deepEqual(times, sorted, 'in creation order');
}

describe('cross-account listing (domain)', () => {
  it('asks each account for first + 1 videos, one call each, and pages every video exactly once', async () => {
    const accounts = ['a', 'b', 'c'].map((id) => new FakeAccount(id));
    for (let i = 0; i < 90; i++) accounts[i % 3]!.add(1000 + i * 7 + (i % 5));
    const seen: Listed[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < 20; n++) {
      const before = accounts.map((a) => a.calls);
      const p = await page(accounts, { direction: SortDirection.DESC }, 10, cursor);
      accounts.forEach((a, i) => assert.equal(a.calls - before[i]!, 1, 'one call per account and page'));
      seen.push(...p.nodes);
      cursor = p.cursor;
      if (!p.hasNextPage) break;
    }
    assert.equal(seen.length, 90);
    assert.equal(new Set(seen.map((v) => v.nativeId)).size, 90);
    inOrder(seen, SortDirection.DESC);
  });

  for (const direction of [SortDirection.DESC, SortDirection.ASC]) {
    it(`${direction}: videos created and deleted between pages are neither repeated nor skipped`, async () => {
      const accounts = ['a', 'b'].map((id) => new FakeAccount(id));
      for (let i = 0; i < 60; i++) accounts[i % 2]!.add(5000 + i * 3);
      const original = new Set(accounts.flatMap((a) => a.videos.map((v) => v.nativeId)));
      const deleted = new Set<string>();
      const created: string[] = [];
      const seen: Listed[] = [];
      let cursor: string | null = null;
      let clock = 6000;
      for (let n = 0; n < 40; n++) {
        const p = await page(accounts, { direction }, 7, cursor);
        seen.push(...p.nodes);
        cursor = p.cursor;
        if (!p.hasNextPage) break;
        // between pages: new videos (newest of all), and a deletion of one already seen and one not yet seen
        for (const a of accounts) created.push(a.add(clock++).nativeId, a.add(clock).nativeId);
        // (two seen ones: more than the one-item anchor absorbs)
        const gone = accounts[n % 2]!.videos.filter((v) => seen.includes(v)).slice(-2);
        const unseen = accounts[(n + 1) % 2]!.videos.find((v) => !seen.includes(v) && original.has(v.nativeId) && n % 3 === 0);
        for (const v of [...gone, unseen]) {
          if (!v) continue;
          deleted.add(v.nativeId);
          accounts.find((a) => a.accountId === v.accountId)!.remove(v);
        }
      }
      const ids = seen.map((v) => v.nativeId);
      assert.equal(new Set(ids).size, ids.length, 'no video twice');
      inOrder(seen, direction);
      for (const id of original) if (!deleted.has(id)) assert.ok(ids.includes(id), `${id} was listed`);
      if (direction === SortDirection.ASC) for (const id of created) assert.ok(ids.includes(id), `new ${id} listed at the end`);
      else
        assert.ok(
          created.every((id) => !ids.includes(id)),
          'newest first: videos created meanwhile lie behind the cursor',
        );
    });
  }

  it('a gateway-side filter scans pages, and a cut-short account stops the merge where it could still precede', async () => {
    const sparse = new FakeAccount('a');
    const dense = new FakeAccount('b');
    for (let i = 0; i < 1000; i++) sparse.add(100_000 - i, i === 700 ? VideoStatus.FAILED : VideoStatus.READY);
    for (let i = 0; i < 30; i++) dense.add(100_000 - i * 40, VideoStatus.FAILED);
    const spec: VideoListSpec = { direction: SortDirection.DESC, status: VideoStatus.FAILED };
    const seen: Listed[] = [];
    let cursor: string | null = null;
    let pages = 0;
    for (; pages < 30; pages++) {
      const callsBefore = sparse.calls;
      const p = await page([sparse, dense], spec, 5, cursor, false);
      assert.ok(sparse.calls - callsBefore <= 6, 'bounded scan');
      seen.push(...p.nodes);
      cursor = p.cursor;
      if (!p.hasNextPage) break;
    }
    inOrder(seen, SortDirection.DESC);
    assert.equal(seen.length, 31);
    assert.ok(seen.some((v) => v.accountId === 'a'));
  });

  it('hundreds of videos created in the same second page exactly once (ties kept by id, the latest 100)', async () => {
    const a = new FakeAccount('a');
    const b = new FakeAccount('b');
    for (let i = 0; i < 250; i++) a.add(7000);
    for (let i = 0; i < 40; i++) b.add(6990 + i);
    const seen: Listed[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < 100; n++) {
      const p = await page([a, b], { direction: SortDirection.DESC }, 9, cursor);
      seen.push(...p.nodes);
      cursor = p.cursor;
      if (!p.hasNextPage) break;
      if (n % 4 === 0) a.add(7000);
    }
    assert.equal(new Set(seen.map((v) => v.nativeId)).size, seen.length, 'no video twice');
    inOrder(seen, SortDirection.DESC);
    for (const v of [...a.videos.slice(0, 250), ...b.videos]) assert.ok(seen.includes(v), v.nativeId);
  });

  it('cursors are versioned: v1 or foreign cursors are BAD_USER_INPUT', () => {
    const positions = { a: { offset: 3, last: { key: 5000 }, ids: ['x'] }, b: { offset: 0, last: null, ids: [] }, c: { offset: 1, last: { key: null }, ids: ['y'] } };
    const good = encodeListCursor({ list: 'L', positions });
    assert.deepEqual(decodeListCursor(good, 'L'), positions);
    const isBad = (e: unknown) => e instanceof VidmeshError && e.code === 'BAD_USER_INPUT';
    assert.throws(() => decodeListCursor(good, 'other'), isBad);
    assert.throws(
      () => decodeListCursor(encodeCursor({ offsets: { a: 3 }, filter: 'L' }), 'L'),
      (e: unknown) => isBad(e) && /older version/.test((e as Error).message),
    );
    for (const bad of [
      '',
      '%%',
      'x'.repeat(70_000),
      Buffer.from('{"v":2,"l":"L","p":{"a":[-1,[]]}}').toString('base64url'),
      Buffer.from('{"v":2,"l":"L","p":{"a":[1,[],{}]}}').toString('base64url'),
    ]) {
      assert.throws(() => decodeListCursor(bad, 'L'), isBad, bad.slice(0, 20));
    }
  });
});
