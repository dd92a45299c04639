import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TelestreamDatasource } from '../../../src/providers/telestream';
import { EmulatorClock } from '../../../emulators/common/clock';
import { demoTelestreamAccounts, startTelestreamEmulator, type TelestreamEmulator } from '../../../emulators/telestream';
import { VidmeshError } from '../../../src/errors';

/** Status codes and scoping of the Telestream dialect (telestream spec §3, §7). */
describe('telestream emulator: demo accounts, scoping, real status codes', () => {
  let emulator: TelestreamEmulator;
  const [a1, , b1] = demoTelestreamAccounts();
  const clock = new EmulatorClock();
  before(async () => {
    emulator = await startTelestreamEmulator({ accounts: demoTelestreamAccounts(), demoData: true, clock });
  });
  after(() => emulator.close());
  const ds = (a: typeof a1, factoryId = a!.factoryId) =>
    new TelestreamDatasource({ id: 'x', provider: 'telestream', baseUrl: emulator.baseUrl, accessKey: a!.accessKey, secretKey: a!.secretKey, factoryId });

  it('demo factories carry videos; the log names the factory', async () => {
    const d = ds(a1);
    const videos = await d.listVideos({ offset: 0, count: 5 });
    assert.equal(videos.length, 5);
    assert.ok(emulator.log.entries.some((e) => e.account === a1!.factoryId && e.path === '/v3.0/videos.json'));
    await d.close();
  });

  it("another key's factory answers 404 (NOT_FOUND)", async () => {
    const d = ds(a1, b1!.factoryId);
    await assert.rejects(d.listVideos({ offset: 0, count: 1 }), (e: unknown) => e instanceof VidmeshError && e.code === 'NOT_FOUND');
    await d.close();
  });

  it('a timestamp outside the 5-minute window answers 401', async () => {
    const d = ds(a1);
    clock.advance(10 * 60_000);
    await assert.rejects(d.listVideos({ offset: 0, count: 1 }), (e: unknown) => e instanceof VidmeshError && e.code === 'PROVIDER_AUTH_FAILED');
    clock.advance(-10 * 60_000);
    await d.close();
  });
});
