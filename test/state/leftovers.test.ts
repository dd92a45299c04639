import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryStore } from '../../src/state';
import { LeftoverQueue, type Leftover, type LeftoverOutcome } from '../../src/state/leftovers';

const call = (n: number) => ({ origin: 'http://127.0.0.1:9', method: 'DELETE' as const, path: `/upload/session?id=${n}` });

function queueOver(store: MemoryStore, outcome: (l: Leftover) => LeftoverOutcome, extra: { ready?: (account: string) => boolean; now?: () => number } = {}) {
  const sent: string[] = [];
  const queue = new LeftoverQueue(store, {
    send: async (l) => {
      sent.push(l.path);
      return outcome(l);
    },
    ttlMs: 60_000,
    ...extra,
  });
  return { queue, sent };
}

describe('LeftoverQueue (cleanups owed to providers, in the shared state)', () => {
  it('sends each queued cleanup; one that fails stays for the next sweep, the others are done', async () => {
    const store = new MemoryStore();
    let failing = true;
    const { queue, sent } = queueOver(store, (l) => (failing && l.path.endsWith('=2') ? 'retry' : 'done'));
    for (const n of [1, 2, 3]) await queue.add('acc', call(n));
    assert.equal(await queue.sweep(), 2);
    assert.deepEqual(sent, ['/upload/session?id=1', '/upload/session?id=2', '/upload/session?id=3']);
    failing = false;
    assert.equal(await queue.sweep(), 1);
    assert.deepEqual(sent.slice(3), ['/upload/session?id=2']);
    assert.equal(await queue.sweep(), 0, 'nothing left');
    assert.equal(sent.length, 4);
  });

  it('waits while the account is not ready (its circuit is open)', async () => {
    const store = new MemoryStore();
    let ready = false;
    const { queue, sent } = queueOver(store, () => 'done', { ready: () => ready });
    await queue.add('acc', call(1));
    assert.equal(await queue.sweep(), 0);
    assert.deepEqual(sent, []);
    ready = true;
    assert.equal(await queue.sweep(), 1);
  });

  it('gives a cleanup up after its time', async () => {
    let now = 1_000_000;
    const store = new MemoryStore({ now: () => now });
    const { queue, sent } = queueOver(store, () => 'retry', { now: () => now });
    await queue.add('acc', call(1));
    await queue.sweep();
    now += 61_000;
    await queue.sweep();
    assert.equal(sent.length, 1, 'not sent once expired');
  });

  it('one sweep at a time across replicas: a held lease makes the others skip', async () => {
    const store = new MemoryStore();
    const a = queueOver(store, () => 'done');
    const b = queueOver(store, () => 'done');
    await a.queue.add('acc', call(1));
    await store.set('leftovers:lease', 'someone-else', 60_000);
    assert.equal(await a.queue.sweep(), 0);
    await store.delete('leftovers:lease');
    const [x, y] = await Promise.all([a.queue.sweep(), b.queue.sweep()]);
    assert.equal(x + y, 1);
    assert.equal(a.sent.length + b.sent.length, 1);
  });

  it('a number taken but not written yet is not skipped for good', async () => {
    const store = new MemoryStore();
    const { queue, sent } = queueOver(store, () => 'done');
    // what add() leaves between its two writes
    const n = await store.incr('leftovers:seq', 60_000);
    await queue.sweep();
    await store.set(`leftovers:item:${n}`, JSON.stringify({ account: 'acc', ...call(7), since: Date.now(), attempts: 1 }), 60_000);
    assert.equal(await queue.sweep(), 1);
    assert.deepEqual(sent, ['/upload/session?id=7']);
  });
});
