import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createErrorFormatter } from '../../src/errors/format';
import { createStateStore, MemoryStore, readJson, stateUnavailable, ThrottledWriter, writeJson } from '../../src/state';
import { isStateUnavailable, until } from './contract';

describe('state helpers', () => {
  it('STATE_UNAVAILABLE reaches clients with its code and a message naming no host or cause', () => {
    const error = stateUnavailable(new Error('connect ECONNREFUSED 10.1.2.3:6379'));
    const formatted = createErrorFormatter()({ message: error.message }, error);
    assert.deepEqual(formatted, { message: 'the shared state store is unavailable; try again shortly', extensions: { code: 'STATE_UNAVAILABLE' } });
    assert.ok(!JSON.stringify(error).includes('10.1.2.3'));
    assert.match(String((error as { cause?: unknown }).cause), /ECONNREFUSED/, 'the cause stays available to logs');
  });

  it('reads JSON records back only when they have the expected shape', async () => {
    const store = new MemoryStore();
    const parse = (raw: unknown) => (typeof raw === 'object' && raw !== null && typeof (raw as { state?: unknown }).state === 'string' ? (raw as { state: string }) : undefined);
    await writeJson(store, 'upload:1', { state: 'SENDING', bytes: 10 }, 60_000);
    assert.deepEqual(await readJson(store, 'upload:1', parse), { state: 'SENDING', bytes: 10 });
    await store.set('upload:2', '{"state": 3}', 60_000);
    await store.set('upload:3', 'not json', 60_000);
    assert.equal(await readJson(store, 'upload:2', parse), undefined);
    assert.equal(await readJson(store, 'upload:3', parse), undefined);
    assert.equal(await readJson(store, 'upload:absent', parse), undefined);
  });

  it('a throttled writer reports background failures and flush() rejects with them', async () => {
    const store = new MemoryStore();
    await store.close();
    const errors: unknown[] = [];
    const writer = new ThrottledWriter(store, 'k', { ttlMs: 1000, intervalMs: 50, onError: (e) => errors.push(e) });
    writer.write('a');
    await until(() => errors.length === 1);
    assert.ok(isStateUnavailable(errors[0]));
    writer.write('b');
    await assert.rejects(writer.flush(), isStateUnavailable);
    writer.cancel();
  });

  it('builds the store the config asks for', async () => {
    const memory = createStateStore({});
    assert.equal(memory.kind, 'memory');
    await memory.close();
    // nothing listens on port 1: the store is built anyway (a gateway may start before Redis) and answers STATE_UNAVAILABLE
    const redis = createStateStore({ redis: { url: 'redis://127.0.0.1:1', keyPrefix: 'x:', commandTimeoutMs: 100 } });
    assert.equal(redis.kind, 'redis');
    await assert.rejects(redis.get('k'), isStateUnavailable);
    await redis.close();
  });
});
