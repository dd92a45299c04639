import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProviderDatasource } from '../../src/domain/datasource';
import { assignWaves, planOf, recordCalls, replay } from '../../bench/support/plan';

describe('bench call plans', () => {
  it('puts a call one level above the calls that had ended when it started', () => {
    // listing; then two batches side by side; then a call after one of them
    const calls = [
      { start: 0, end: 10 },
      { start: 10, end: 30 },
      { start: 11, end: 20 },
      { start: 21, end: 25 },
    ];
    assert.deepEqual(assignWaves(calls), [0, 1, 1, 2]);
    assert.deepEqual(assignWaves([calls[3]!, calls[0]!]), [1, 0], 'input order does not matter');
    assert.deepEqual(
      assignWaves([
        { start: 0, end: 5 },
        { start: 1, end: 3 },
      ]),
      [0, 0],
      'overlapping calls share a level',
    );
  });

  /** A datasource double: records what reaches it; `getEncodingsByVideo` calls `listVideos` inside. */
  function fakeSource(seen: string[]): ProviderDatasource {
    class Fake {
      readonly accountId = 'acc';
      async listVideos(query: { count: number }) {
        seen.push(`list:${query.count}`);
        return [];
      }
      async getEncodingsByVideo(ids: readonly string[]) {
        seen.push(`encodings:${ids.join(',')}`);
        await this.listVideos({ count: 0 });
        return ids.map(() => []);
      }
      async getProfiles(keys: readonly string[]) {
        seen.push(`profiles:${keys.join(',')}`);
        return keys.map((k) => (k === 'bad' ? new Error('no profile') : { name: k }));
      }
      close() {
        return Promise.resolve();
      }
    }
    return new Fake() as unknown as ProviderDatasource;
  }

  it('records the outermost calls in order and replays them level by level', async () => {
    const seen: string[] = [];
    const source = fakeSource(seen);
    const { result, calls } = await recordCalls([source], async () => {
      await source.listVideos({ offset: 0, count: 3 });
      await Promise.all([source.getEncodingsByVideo(['a', 'b']), source.getProfiles(['p'])]);
      return 'done';
    });
    assert.equal(result, 'done');
    assert.deepEqual(
      calls.map((c) => c.method),
      ['listVideos', 'getEncodingsByVideo', 'getProfiles'],
      'the inner listVideos is not a call of its own',
    );
    assert.ok(!Object.hasOwn(source, 'listVideos'), 'the datasource is restored');

    const plan = planOf(calls, new Map([['acc', source]]));
    assert.deepEqual(
      plan.map((level) => level.map((c) => c.method)),
      [['listVideos'], ['getEncodingsByVideo', 'getProfiles']],
    );
    seen.length = 0;
    await replay(plan);
    assert.deepEqual(seen, ['list:3', 'encodings:a,b', 'list:0', 'profiles:p']);
  });

  it('replay fails when a batch answers an error for a key', async () => {
    const source = fakeSource([]);
    const { calls } = await recordCalls([source], () => source.getProfiles(['bad']));
    await assert.rejects(replay(planOf(calls, new Map([['acc', source]]))), /no profile/);
  });
});
