import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { TelestreamDatasource } from '../../../src/providers/telestream';
import { startTelestreamEmulator, type TelestreamEmulator } from '../../../emulators/telestream';
import { uploadFile } from './vectors';

const ACCOUNT = { accessKey: 'up-key', secretKey: 'up-secret', factoryId: 'fup' };
const PART = 64 * 1024;

/** A stream of `file` that fails after `cutAt` bytes: a connection lost halfway. */
function cutStream(file: Buffer, cutAt: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= cutAt) return this.destroy(new Error('source cut'));
      const chunk = file.subarray(sent, Math.min(cutAt, sent + 10_000));
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

describe('telestream multi-part resumable upload (telestream spec §6)', () => {
  let emulator: TelestreamEmulator;
  let ds: TelestreamDatasource;
  before(async () => {
    emulator = await startTelestreamEmulator({ accounts: [ACCOUNT], partSize: PART, queueMs: 50, encodingMs: 200 });
    ds = new TelestreamDatasource({ id: 'ts', provider: 'telestream', baseUrl: emulator.baseUrl, ...ACCOUNT });
  });
  after(async () => {
    await ds.close();
    await emulator.close();
  });

  for (const concurrency of [1, 2, 4]) {
    it(`streams all parts with concurrency ${concurrency}; the stored file is byte-identical by hash`, async () => {
      const file = uploadFile(PART * 5 + 1234);
      const session = await ds.upload({ fileName: 'movie.mp4', fileSize: file.length }, Readable.from([file]), concurrency);
      assert.equal(session.parts, 6);
      assert.equal(session.status, 'uploaded');
      assert.equal(session.video?.status, 'processing');
      assert.deepEqual(await session.missingParts(), []);
      assert.equal(emulator.store.uploadedSha256(session.video!.id), createHash('sha256').update(file).digest('hex'));
      const parts = emulator.log.entries.filter((e) => e.path === '/upload/session' && e.method === 'POST');
      assert.ok(parts.length >= 6);
    });
  }

  it('a cut halfway leaves missing parts; resume sends only those and ends byte-identical', async () => {
    const file = uploadFile(PART * 6 + 77);
    const session = await ds.startUpload({ fileName: 'cut.mp4', fileSize: file.length, extra: { payload: 'p1' } }, 3);
    await assert.rejects(session.send(cutStream(file, Math.floor(file.length / 2))), /source cut/);
    assert.equal(session.status, 'error');
    const missing = await session.missingParts();
    assert.ok(missing.length >= 3 && missing.length < 7, `missing ${missing.join(',')}`);
    const before = emulator.log.entries.length;
    await session.resume(file);
    const resent = emulator.log.entries.slice(before).filter((e) => e.method === 'POST');
    assert.equal(resent.length, missing.length, 'only the missing parts are sent again');
    assert.equal(session.status, 'uploaded');
    assert.deepEqual(await session.missingParts(), []);
    assert.equal(emulator.store.uploadedSha256(session.video!.id), createHash('sha256').update(file).digest('hex'));
    const video = (await ds.getVideos([session.video!.id]))[0];
    assert.ok(video && !(video instanceof Error));
    assert.equal(video.kind, 'TelestreamVideo');
  });

  it('abort deletes the session; afterwards it is gone (404)', async () => {
    const file = uploadFile(PART * 2);
    const session = await ds.startUpload({ fileName: 'x.mp4', fileSize: file.length });
    await session.abort();
    assert.equal(session.status, 'aborted');
    await assert.rejects(session.missingParts());
  });
});
