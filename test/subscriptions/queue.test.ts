import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SubscriberQueue } from '../../src/graph/events/queue';
import { VideoEventType, type VideoEvent } from '../../src/events/types';

const ev = (type: VideoEventType, video: string, encoding?: string, progress?: number): { event: VideoEvent } => ({
  event: {
    id: `${type}:${video}:${encoding}:${progress}`,
    type,
    accountId: 'a',
    provider: 'panda',
    videoNativeId: video,
    encodingNativeId: encoding,
    progress,
    at: '2026-01-01T00:00:00Z',
    source: 'notification',
  },
});
const drain = (q: SubscriberQueue<{ event: VideoEvent }>) => {
  const out: string[] = [];
  for (let item = q.shift(); item; item = q.shift()) out.push(`${item.event.type}:${item.event.encodingNativeId ?? '-'}:${item.event.progress ?? '-'}`);
  return out;
};
const { ENCODING_PROGRESS: P, ENCODING_COMPLETED: C, ENCODING_FAILED: F, DELETED: D, SOURCE_UPLOADED: S } = VideoEventType;

describe('SubscriberQueue', () => {
  it('replaces a waiting progress of the same encoding in its place (latest wins, order kept)', () => {
    const q = new SubscriberQueue(10);
    for (const item of [ev(P, 'v', 'e1', 10), ev(P, 'v', 'e2', 5), ev(P, 'v', 'e1', 20), ev(P, 'v', 'e2', 50), ev(P, 'v', 'e1', 90)]) assert.ok(q.push(item));
    assert.equal(q.size, 2);
    assert.equal(q.coalesced, 3);
    assert.deepEqual(drain(q), ['ENCODING_PROGRESS:e1:90', 'ENCODING_PROGRESS:e2:50']);
  });

  it('never merges a progress over a later event of its encoding or video, and never drops finals', () => {
    const q = new SubscriberQueue(10);
    for (const item of [ev(P, 'v', 'e1', 10), ev(C, 'v', 'e1', 100), ev(P, 'v', 'e1', 0), ev(P, 'w', 'e9', 1), ev(S, 'w'), ev(P, 'w', 'e9', 2), ev(F, 'v', 'e2')]) q.push(item);
    assert.deepEqual(drain(q), [
      'ENCODING_PROGRESS:e1:10',
      'ENCODING_COMPLETED:e1:100',
      'ENCODING_PROGRESS:e1:0',
      'ENCODING_PROGRESS:e9:1',
      'SOURCE_UPLOADED:-:-',
      'ENCODING_PROGRESS:e9:2',
      'ENCODING_FAILED:e2:-',
    ]);
  });

  it('answers false when full of what cannot be merged, still merging progress when full', () => {
    const q = new SubscriberQueue(3);
    assert.ok(q.push(ev(P, 'v', 'e1', 1)));
    assert.ok(q.push(ev(C, 'v', 'e2', 100)));
    assert.ok(q.push(ev(P, 'v', 'e3', 1)));
    assert.ok(q.push(ev(P, 'v', 'e3', 60)), 'a progress merges even when full');
    assert.equal(q.push(ev(D, 'v')), false);
    assert.deepEqual(drain(q), ['ENCODING_PROGRESS:e1:1', 'ENCODING_COMPLETED:e2:100', 'ENCODING_PROGRESS:e3:60']);
  });

  it('stays correct over many pushes and shifts (positions survive compaction)', () => {
    const q = new SubscriberQueue(50);
    const seen: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      q.push(ev(P, 'v', `e${i % 7}`, i));
      if (i % 3 === 0) q.push(ev(C, 'v', `x${i}`, 100));
      if (i % 2 === 0) for (let item = q.shift(); item && seen.length < 100_000; item = i % 4 === 0 ? q.shift() : undefined) seen.push(item.event.id);
    }
    for (let item = q.shift(); item; item = q.shift()) seen.push(item.event.id);
    const completed = seen.filter((id) => id.startsWith('ENCODING_COMPLETED'));
    assert.equal(completed.length, Math.ceil(2_000 / 3));
    assert.equal(q.size, 0);
    // progress of one encoding arrives in increasing order
    for (let e = 0; e < 7; e++) {
      const values = seen.filter((id) => id.includes(`:e${e}:`)).map((id) => Number(id.split(':').pop()));
      assert.deepEqual(
        values,
        [...values].sort((a, b) => a - b),
      );
      assert.equal(values.at(-1), 1_999 - ((1_999 - e) % 7));
    }
  });
});
