import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PandaAccountConfig } from '../../../src/config';
import { PandaDatasource } from '../../../src/providers/panda';
import { EmulatorClock } from '../../../emulators/common/clock';
import { startPandaEmulator, type PandaEmulator } from '../../../emulators/panda';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS } from '../../support/panda-stack';

/** Oldest first over a list Panda serves newest first only (panda spec §4.2), and counts by one walk. */
describe('panda listing: oldest first and counts', () => {
  let emulator: PandaEmulator;
  let ds: PandaDatasource;
  const cloud = PANDA_TEST_ACCOUNTS[0]!;
  before(async () => {
    emulator = await startPandaEmulator({ accounts: [cloud], clock: new EmulatorClock() });
    ds = new PandaDatasource(pandaAccountConfig(cloud, emulator.baseUrl) as PandaAccountConfig);
  });
  after(async () => {
    await ds.close();
    await emulator.close();
  });

  const grow = (to: number) => {
    const state = emulator.store.cloud(cloud.cloudId)!;
    const now = emulator.clock.now().getTime();
    while (state.videos.size < to) {
      const i = state.videos.size;
      emulator.store.addVideo(cloud.cloudId, {
        createdAt: now - 10_000_000 + i * 1000,
        readyAt: 0,
        failure: i % 4 === 0 ? { errorClass: 'DownloadFailed', errorMessage: 'x' } : null,
      });
    }
  };

  for (const n of [0, 1, 99, 100, 101, 350, 800]) {
    it(`${n} videos: every window oldest first is the newest-first list reversed; probes stay logarithmic`, async () => {
      grow(n);
      const newest: string[] = [];
      for (let page = 0; page * 100 < n; page++) newest.push(...(await ds.listVideos({ offset: page * 100, count: 100 })).map((v) => v.nativeId));
      const oldest = [...newest].reverse();
      for (const [offset, count] of [
        [0, 21],
        [n - 5, 10],
        [Math.floor(n / 2), 42],
        [n, 3],
      ] as const) {
        if (offset < 0) continue;
        emulator.log.clear();
        const got = (await ds.listVideos({ offset, count, ascending: true })).map((v) => v.nativeId);
        assert.deepEqual(got, oldest.slice(offset, offset + count), `offset ${offset} count ${count}`);
        const bound = n < 100 ? 1 : 2 * Math.ceil(Math.log2(n / 100 + 1)) + 2;
        assert.ok(emulator.log.entries.length <= bound, `${emulator.log.entries.length} calls for ${n} videos (≤ ${bound})`);
      }
      emulator.log.clear();
      const counts = await ds.videoCounts();
      assert.equal(counts.total, n);
      assert.equal(counts.byStatus?.FAILED ?? 0, Math.ceil(n / 4));
      assert.equal(emulator.log.entries.length, Math.floor(n / 100) + 1, 'one walk');
    });
  }
});
