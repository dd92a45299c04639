import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor } from '../../src/domain/cursor';
import { fromGlobalId, toGlobalId } from '../../src/domain/ids';
import { planPages } from '../../src/domain/paging';
import { VidmeshError } from '../../src/errors';

function covered(offset: number, count: number, max: number): number[] {
  return planPages(offset, count, max).flatMap((p) => {
    const start = (p.page - 1) * p.perPage + p.skip;
    assert.ok(p.perPage <= max && p.take <= p.perPage - p.skip);
    return Array.from({ length: p.take }, (_, i) => start + i);
  });
}

describe('planPages', () => {
  it('covers exactly the wanted range, with one request whenever a page size allows', () => {
    for (let offset = 0; offset < 260; offset += 7) {
      for (const count of [1, 5, 20, 21, 50, 99, 100]) {
        assert.deepEqual(
          covered(offset, count, 100),
          Array.from({ length: count }, (_, i) => offset + i),
          `${offset}+${count}`,
        );
      }
    }
    assert.deepEqual(planPages(0, 21, 100), [{ page: 1, perPage: 21, skip: 0, take: 21 }]);
    assert.equal(planPages(20, 21, 100).length, 1);
    assert.deepEqual(planPages(0, 0, 100), []);
  });
});

describe('global ids', () => {
  it('round-trips type, account and native ids with colons', () => {
    const id = toGlobalId('PandaVideo', 'panda-eu', 'a:b:c');
    assert.match(id, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(fromGlobalId(id), { type: 'PandaVideo', account: 'panda-eu', nativeId: 'a:b:c' });
  });

  it('rejects malformed ids and ids of another type with BAD_USER_INPUT', () => {
    for (const bad of ['', 'not base64!', Buffer.from('nocolons').toString('base64url'), Buffer.from('lower:acct:1').toString('base64url'), 'x'.repeat(2000)]) {
      assert.throws(
        () => fromGlobalId(bad),
        (e: unknown) => e instanceof VidmeshError && e.code === 'BAD_USER_INPUT',
        bad,
      );
    }
    assert.throws(() => fromGlobalId(toGlobalId('PandaVideo', 'a', '1'), ['PandaEncoding']), /is a PandaVideo, expected PandaEncoding/);
  });
});

describe('cursors', () => {
  it('round-trip and refuse tampering or other filters', () => {
    const cursor = encodeCursor({ offsets: { a: 3, b: 0 }, filter: 'f' });
    assert.deepEqual(decodeCursor(cursor, 'f'), { offsets: { a: 3, b: 0 }, filter: 'f' });
    assert.throws(() => decodeCursor(cursor, 'g'), /other arguments/);
    for (const bad of ['%%%', Buffer.from('{"v":1,"o":{"a":-1},"f":"f"}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      assert.throws(() => decodeCursor(bad, 'f'), /not a cursor/);
    }
  });
});
