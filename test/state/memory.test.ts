import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryStore, type StateStore } from '../../src/state';
import { stateStoreContract } from './contract';

describe('MemoryStore', () => {
  let clock = Date.parse('2024-01-01T00:00:00Z');
  const byPrefix = new Map<string, StateStore>();
  describe('StateStore contract', () => {
    stateStoreContract({
      // one process has one store: "replicas" over the same data are the same object
      open: async (prefix) => {
        let store = byPrefix.get(prefix);
        if (!store) byPrefix.set(prefix, (store = new MemoryStore({ now: () => clock })));
        return store;
      },
      elapse: async (ms) => {
        clock += ms;
      },
    });
  });

  it('stays within maxEntries: expired keys go first, then the oldest written', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now, maxEntries: 3 });
    await store.set('expiring', 'x', 10);
    await store.set('old', 'o', 60_000);
    await store.set('mid', 'm', 60_000);
    now = 2000;
    await store.set('new', 'n', 60_000);
    assert.equal(store.size, 3);
    assert.equal(await store.get('old'), 'o', 'the expired key made room, not the oldest live one');
    await store.set('newer', 'n2', 60_000);
    assert.equal(store.size, 3);
    assert.equal(await store.get('old'), undefined, 'the oldest written went');
    assert.equal(await store.get('newer'), 'n2');
    await store.set('mid', 'rewritten', 60_000);
    await store.set('newest', 'n3', 60_000);
    assert.equal(await store.get('mid'), 'rewritten', 'a rewrite counts as recent');
    await store.close();
  });
});
