import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FanOutTurns } from '../../src/graph/events/turns';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('a fan-out paced over turns of the event loop', () => {
  it('lets `perTurn` deliveries go at once and the rest in order over the next turns', async () => {
    const turns = new FanOutTurns(4);
    const gone: number[] = [];
    for (let i = 0; i < 10; i++) {
      const wait = turns.take();
      if (wait === undefined) gone.push(i);
      else void wait.then(() => gone.push(i));
    }
    assert.deepEqual(gone, [0, 1, 2, 3]);
    assert.equal(turns.queued, 6);
    await nextTurn();
    assert.deepEqual(gone, [0, 1, 2, 3, 4, 5, 6, 7]);
    await nextTurn();
    assert.deepEqual(gone, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(turns.queued, 0);
    // once the backlog is gone, a turn has its whole budget again
    await nextTurn();
    await nextTurn();
    for (let i = 0; i < 4; i++) assert.equal(turns.take(), undefined);
    assert.notEqual(turns.take(), undefined);
  });
});
