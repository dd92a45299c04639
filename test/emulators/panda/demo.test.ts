import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EmulatorClock } from '../../../emulators/common/clock';
import { demoPandaAccounts, startPandaEmulator, type PandaEmulator, type WireEncoding, type WireNotifications, type WireProfile, type WireVideo } from '../../../emulators/panda';
import { pandaClient } from './http';

const NOW = '2026-03-01T12:00:00Z';

/** A cloud's videos and each video's encodings, through the API. */
async function snapshot(emulator: PandaEmulator, cloudId: string) {
  const account = emulator.accounts.find((a) => a.cloudId === cloudId)!;
  const api = pandaClient(emulator, account);
  const videos = (await api.call('GET', '/videos.json')).json as WireVideo[];
  const encodings = new Map<string, WireEncoding[]>();
  for (const v of videos) encodings.set(v.id, (await api.call('GET', `/videos/${v.id}/encodings.json`)).json as WireEncoding[]);
  return { api, videos, encodings };
}

const kind = (e: WireEncoding) => (e.status === 'processing' ? (e.started_encoding_at === '' ? 'queued' : 'processing') : e.status);

describe('panda emulator: demo data', () => {
  let emulator: PandaEmulator;
  before(async () => {
    emulator = await startPandaEmulator({ accounts: demoPandaAccounts(), demoData: true, clock: new EmulatorClock(NOW) });
  });
  after(() => emulator.close());

  it('has three fixed clouds, two of them under one access key', () => {
    const accounts = demoPandaAccounts();
    assert.equal(accounts.length, 3);
    assert.equal(new Set(accounts.map((a) => a.accessKey)).size, 2);
    assert.ok(accounts.every((a) => /^[0-9a-f]{32}$/.test(a.cloudId)));
  });

  it('fills every cloud with 26–30 videos of the last days, 1–3 encodings each, in every state', async () => {
    for (const account of demoPandaAccounts()) {
      const { api, videos, encodings } = await snapshot(emulator, account.cloudId);
      assert.ok(videos.length >= 26 && videos.length <= 30, `${videos.length} videos`);
      const now = Date.parse(NOW);
      for (const v of videos) {
        const created = Date.parse(v.created_at.replace(/\//g, '-').replace(' ', 'T').replace(' +0000', 'Z'));
        assert.ok(created <= now && created > now - 5 * 24 * 3_600_000, v.created_at);
        assert.ok(v.original_filename && v.id.match(/^[0-9a-f]{32}$/));
        const count = encodings.get(v.id)!.length;
        assert.ok(count >= 1 && count <= 3, `${count} encodings`);
      }
      assert.deepEqual(new Set(videos.map((v) => v.status)), new Set(['processing', 'success', 'fail']));
      assert.ok(
        videos.some((v) => v.payload?.includes('"title"')),
        'titles in payloads',
      );
      const all = [...encodings.values()].flat();
      assert.deepEqual(new Set(all.map(kind)), new Set(['queued', 'processing', 'success', 'fail', 'cancelled']));
      assert.ok(all.some((e) => e.status === 'processing' && e.encoding_progress > 0 && e.encoding_progress < 100));
      assert.ok(all.some((e) => e.error_class === 'VideoStatusInvalid') && all.some((e) => e.error_class === 'CommandInvalid'));
      const profiles = (await api.call('GET', '/profiles.json')).json as WireProfile[];
      assert.deepEqual(
        profiles.map((p) => p.name),
        ['h264', 'webm', 'hls.variant', 'thumbnail', 'archive-prores'],
      );
      assert.ok(all.every((e) => profiles.some((p) => p.id === e.profile_id && p.name === e.profile_name)));
      const notifications = (await api.call('GET', '/notifications.json')).json as WireNotifications;
      assert.ok(notifications.url && notifications.events.video_encoded);
    }
  });

  it('is the same on every start with the same clock, and moves on with it', async () => {
    const cloudId = demoPandaAccounts()[0]!.cloudId;
    const twin = await startPandaEmulator({ accounts: demoPandaAccounts(), demoData: true, clock: new EmulatorClock(NOW) });
    try {
      const a = await snapshot(emulator, cloudId);
      const b = await snapshot(twin, cloudId);
      assert.deepEqual(b.videos, a.videos);
      assert.deepEqual([...b.encodings], [...a.encodings]);
      twin.clock.advance(20 * 60_000);
      const later = await snapshot(twin, cloudId);
      const before = [...a.encodings.values()].flat();
      const after = [...later.encodings.values()].flat();
      assert.ok(after.filter((e) => e.status === 'success').length > before.filter((e) => e.status === 'success').length, 'encodings finish as time passes');
      assert.ok(!after.some((e) => kind(e) === 'queued' || kind(e) === 'processing'), 'nothing left in flight after 20 minutes');
      assert.ok(!later.videos.some((v) => v.status === 'processing'));
    } finally {
      await twin.close();
    }
  });
});
