import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryStore, type StateStore } from '../../../src/state';
import { UploadSessions } from '../../../src/uploads/sessions';

/** A store that counts writes and can be made to fail, over a memory store. */
class CountingStore extends MemoryStore {
  sets = 0;
  down = false;
  override async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (this.down) throw Object.assign(new Error('down'), { code: 'STATE_UNAVAILABLE' });
    this.sets += 1;
    return super.set(key, value, ttlMs);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('upload sessions in the state store', () => {
  it('client ids are checked and taken once, by any instance sharing the store; finished ones expire', async () => {
    let now = 1_000_000;
    const store = new MemoryStore({ now: () => now });
    const a = new UploadSessions(store, { ttlMs: 1000, now: () => now });
    const b = new UploadSessions(store, { ttlMs: 1000, now: () => now });
    await assert.rejects(a.start('acc', 'f', 'short'), /uploadId/);
    const p = await a.start('acc', 'f', 'my-upload-1');
    await assert.rejects(a.start('acc', 'f', 'my-upload-1'), /already in use/);
    await assert.rejects(b.start('acc', 'f', 'my-upload-1'), /already in use/, 'another replica refuses it too');
    const generated = await a.start('acc', 'f');
    assert.match(generated.id, /^[A-Za-z0-9_-]{22}$/);
    await a.finish(p, { state: 'COMPLETED', videoId: 'v1' });
    const seen = await b.get('my-upload-1');
    assert.deepEqual({ state: seen?.state, videoId: seen?.videoId, account: seen?.account }, { state: 'COMPLETED', videoId: 'v1', account: 'acc' });
    assert.ok(seen?.startedAt instanceof Date);
    now += 1001;
    assert.equal(await b.get('my-upload-1'), null, 'expired an hour (here: ttlMs) after it ended');
    assert.equal(await b.get('../../etc'), null, 'not an id: nothing read');
  });

  it('each owner (API key) has its own id space', async () => {
    const store = new MemoryStore();
    const a = new UploadSessions(store);
    const b = new UploadSessions(store);
    const mine = await a.start('acc', 'f', 'team-upload', 'key-a');
    const theirs = await b.start('acc', 'g', 'team-upload', 'key-b');
    await assert.rejects(b.start('acc', 'f', 'team-upload', 'key-a'), /already in use/, 'taken once within a key, across instances');
    await a.finish(mine, { state: 'COMPLETED', videoId: 'va' });
    await b.finish(theirs, { state: 'FAILED', error: 'x' });
    assert.equal((await b.get('team-upload', 'key-a'))?.videoId, 'va');
    assert.equal((await a.get('team-upload', 'key-b'))?.state, 'FAILED');
    assert.equal(await a.get('team-upload'), null, 'the keyless space is another one');
    assert.equal(await a.get('team-upload', 'key:a'), null, 'names are not confused by separators');
  });

  it('bounds the uploads running in one process', async () => {
    const sessions = new UploadSessions(new MemoryStore(), { maxRunning: 1 });
    const p = await sessions.start('acc', 'f');
    await assert.rejects(sessions.start('acc', 'f'), /too many uploads/);
    await sessions.finish(p, { state: 'FAILED', error: 'x' });
    await sessions.start('acc', 'f');
  });

  it('throttles progress writes, and the last one is always written', async () => {
    const store = new CountingStore();
    const sessions = new UploadSessions(store, { intervalMs: 100 });
    const other = new UploadSessions(store);
    const p = await sessions.start('acc', 'f', 'throttled-01');
    for (let i = 1; i <= 200; i++) {
      sessions.update(p, { bytesReceived: i });
      if (i % 20 === 0) await sleep(10);
    }
    await sleep(150);
    assert.ok(store.sets <= 4, `${store.sets} writes for 200 changes in ~200 ms`);
    assert.equal((await other.get('throttled-01'))?.bytesReceived, 200, 'the last change stored');
  });

  it('an outage drops progress but not the final state: written once the store is back', async () => {
    const store = new CountingStore();
    const sessions = new UploadSessions(store, { intervalMs: 10 });
    const other = new UploadSessions(store);
    const p = await sessions.start('acc', 'f', 'outage-0001');
    store.down = true;
    sessions.update(p, { state: 'SENDING', bytesSent: 5 });
    await sessions.finish(p, { state: 'COMPLETED', bytesSent: 10, videoId: 'v9' });
    assert.equal((await other.get('outage-0001'))?.state, 'RECEIVING', 'nothing stored meanwhile');
    store.down = false;
    await sessions.settle(5_000);
    const stored = await other.get('outage-0001');
    assert.deepEqual([stored?.state, stored?.bytesSent, stored?.videoId], ['COMPLETED', 10, 'v9']);
  });

  it('gives up on a final state after finalRetryMs', async () => {
    const store = new CountingStore();
    const sessions = new UploadSessions(store as StateStore, { finalRetryMs: 200 });
    const p = await sessions.start('acc', 'f', 'given-up-01');
    store.down = true;
    await sessions.finish(p, { state: 'FAILED', error: 'x' });
    await sessions.settle(2_000);
    store.down = false;
    assert.equal((await sessions.get('given-up-01'))?.state, 'RECEIVING');
  });
});
