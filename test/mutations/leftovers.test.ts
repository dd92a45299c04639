import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UploadVideoDocument } from '../generated/graphql';
import type { TestGateway } from '../support/gateway';
import { redisSkip, startRedis, type RedisServer } from '../support/redis';
import { eventually, sendMultipart, startUploadStack, testBytes } from '../uploads/support';
import { startPandaFarm, type PandaFarm } from './support';

const MiB = 1024 * 1024;

/** An upload whose client goes away once `abortAfter` bytes are out; `midway` runs before that. */
function abandonedUpload(gql: TestGateway, account: string, size: number, options: { declared?: boolean; abortAfter: number; midway?: () => Promise<void> }) {
  const bytes = testBytes(size, 41);
  return sendMultipart(
    gql.gateway.url,
    UploadVideoDocument,
    { input: { account, file: null, fileSize: options.declared === false ? null : size } },
    [{ path: 'variables.input.file', name: 'gone.mp4', bytes }],
    {
      writeBytes: 64 * 1024,
      pauseMs: 2,
      abortAfterBytes: options.abortAfter,
      ...(options.midway && { midway: { afterBytes: Math.floor(options.abortAfter / 2), run: options.midway } }),
    },
  );
}

const deletes = (farm: PandaFarm, ok: boolean) => farm.emulator.log.entries.filter((e) => e.method === 'DELETE' && e.status < 300 === ok).length;

describe('provider sessions are not left behind', () => {
  let farm: PandaFarm;
  before(async () => {
    farm = await startPandaFarm();
  });
  after(() => farm.close());

  it('circuit open and the client gone: the session DELETE is queued and sent once the circuit lets it', async () => {
    const gql = await farm.gateway({ upstream: { retry: { maxAttempts: 1 }, breaker: { failureThreshold: 2, openMs: 1_500 } } }, { leftoverIntervalMs: 100 });
    const breaker = gql.gateway.registry.breakers.get('alpha')!;
    farm.emulator.log.clear();
    // the provider fails every session call from the middle of the upload on: the abort's DELETE too
    const result = await abandonedUpload(gql, 'alpha', 8 * MiB, {
      abortAfter: 3 * MiB,
      midway: async () => farm.emulator.injectFault({ pathIncludes: '/upload/session', kind: 'status', status: 503 }),
    });
    assert.equal(result.aborted, true);
    await eventually(() => deletes(farm, false) >= 2, 10_000);
    await eventually(() => breaker.state === 'open');
    assert.equal(farm.emulator.uploads.unfinished(), 1, 'the session is still there');
    farm.emulator.clearFaults();
    // while open, the queue waits; half-open, its DELETE is the probe that closes the circuit
    await eventually(() => farm.emulator.uploads.unfinished() === 0, 10_000);
    assert.equal(deletes(farm, true), 1);
    await eventually(() => breaker.state === 'closed');
  });

  it('a stale spool directory is removed at start; a live process’s stays', async () => {
    const dead = join(tmpdir(), `vidmesh-upload-999999999-${randomBytes(3).toString('hex')}`);
    const legacy = join(tmpdir(), `vidmesh-upload-${randomBytes(3).toString('hex')}`);
    const other = join(tmpdir(), `vidmesh-upload-${process.ppid}-${randomBytes(3).toString('hex')}`);
    for (const dir of [dead, legacy, other]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'file'), 'half an upload');
    }
    const fiveHoursAgo = new Date(Date.now() - 5 * 3_600_000);
    utimesSync(legacy, fiveHoursAgo, fiveHoursAgo);
    try {
      await farm.gateway();
      assert.equal(existsSync(dead), false, 'a dead process’s spool');
      assert.equal(existsSync(legacy), false, 'an old spool without a pid');
      assert.equal(existsSync(other), true, 'a live process’s recent spool');
    } finally {
      for (const dir of [dead, legacy, other]) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('past the drain timeout, cut uploads still clean up', () => {
  it('the Telestream session is aborted and the spool file removed before close() returns', async () => {
    const stack = await startUploadStack({ shutdownTimeoutMs: 300 });
    try {
      const ownSpools = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`vidmesh-upload-${process.pid}-`));
      const slow = { writeBytes: 64 * 1024, pauseMs: 20 };
      const streamed = sendMultipart(
        stack.gql.gateway.url,
        UploadVideoDocument,
        { input: { account: 'tc', file: null, fileSize: 40 * MiB } },
        [{ path: 'variables.input.file', name: 'long.mp4', bytes: testBytes(40 * MiB, 42) }],
        slow,
      );
      const spooled = sendMultipart(
        stack.gql.gateway.url,
        UploadVideoDocument,
        { input: { account: 'panda', file: null } },
        [{ path: 'variables.input.file', name: 'long.mp4', bytes: testBytes(40 * MiB, 43) }],
        slow,
      );
      void streamed.catch(() => undefined);
      void spooled.catch(() => undefined);
      await eventually(() => stack.telestream.uploads.unfinished() === 1 && ownSpools().length === 1, 10_000);
      await stack.gql.gateway.close();
      assert.equal(stack.telestream.uploads.unfinished(), 0, 'the cut upload’s session was aborted');
      assert.ok(stack.telestream.log.entries.some((e) => e.method === 'DELETE' && e.status < 300));
      assert.deepEqual(ownSpools(), [], 'the cut upload’s spool is gone');
    } finally {
      // the gateway is closed already: the emulators only
      await Promise.all([stack.panda, stack.telestream, stack.dailymotion, stack.ziggeo].map((e) => e.close()));
    }
  });
});

describe('a queued cleanup survives a restart: the next replica on the same Redis sends it', { skip: redisSkip() }, () => {
  let redis: RedisServer;
  let farm: PandaFarm;
  before(async () => {
    redis = await startRedis();
    farm = await startPandaFarm();
  });
  after(async () => {
    await farm.close();
    await redis.close();
  });

  it('queued by the first gateway, done by the second at its start', async () => {
    const shared = {
      state: { redis: { url: redis.url, keyPrefix: `t${randomBytes(4).toString('hex')}:`, commandTimeoutMs: 500 } },
      tokens: { keys: [{ id: 'k1', secret: randomBytes(32).toString('base64') }] },
      upstream: { retry: { maxAttempts: 1 } },
    };
    const first = await farm.gateway(shared, { leftoverIntervalMs: 60_000 });
    farm.emulator.log.clear();
    const result = await abandonedUpload(first, 'alpha', 8 * MiB, {
      abortAfter: 3 * MiB,
      midway: async () => farm.emulator.injectFault({ pathIncludes: '/upload/session', kind: 'status', status: 503 }),
    });
    assert.equal(result.aborted, true);
    await eventually(() => deletes(farm, false) >= 2, 10_000);
    await first.close();
    assert.equal(farm.emulator.uploads.unfinished(), 1);
    farm.emulator.clearFaults();
    await farm.gateway(shared, { leftoverIntervalMs: 60_000 });
    await eventually(() => farm.emulator.uploads.unfinished() === 0, 10_000);
    assert.equal(deletes(farm, true), 1);
  });
});
