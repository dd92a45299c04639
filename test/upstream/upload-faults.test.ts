import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import type { UploadBody } from '../../src/domain/upload';
import { VidmeshError } from '../../src/errors';
import { PandaDatasource } from '../../src/providers/panda';
import { CircuitBreaker } from '../../src/upstream';
import { recordingPolicy } from './support';

const ACCOUNT = { accessKey: 'uf-ak', secretKey: 'uf-secret-0123456', cloudId: 'uf-cloud' };
const SIZE = 4 * 1024 * 1024;

/** A client's upload that sends `sent` bytes, then its connection drops (as node:http reports it). */
function clientGoneAfter(sent: number): UploadBody {
  return {
    size: SIZE,
    fileName: 'gone.mp4',
    contentType: 'video/mp4',
    reopenable: false,
    open() {
      const stream = new Readable({ read() {} });
      stream.push(Buffer.alloc(sent, 7));
      setTimeout(() => stream.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })), 50);
      return stream;
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<VidmeshError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof VidmeshError, String(error));
    return error;
  }
  return assert.fail('expected an error');
}

/** A breaker that opens after five provider faults and stays open for the test. */
const breakerPolicy = () => recordingPolicy({ breaker: new CircuitBreaker({ failureThreshold: 5, openMs: 60_000 }) });

describe('uploads: a client gone is not a provider fault, and cleanup passes an open circuit', () => {
  let emulator: PandaEmulator;
  before(async () => {
    emulator = await startPandaEmulator({ accounts: [ACCOUNT] });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.clearFaults());

  const datasource = (r: ReturnType<typeof recordingPolicy>) => new PandaDatasource({ id: 'p', provider: 'panda', baseUrl: emulator.baseUrl, ...ACCOUNT }, r.policy, r.observer);

  it('ten uploads cut by their client leave the circuit closed; each session is deleted', async () => {
    const r = breakerPolicy();
    const panda = datasource(r);
    try {
      for (let i = 0; i < 10; i++) {
        const error = await failure(panda.uploadVideo({ title: `gone ${i}` }, clientGoneAfter(256 * 1024), { progress: () => undefined }));
        assert.equal(error.code, 'BAD_USER_INPUT', error.message);
        assert.match(error.message, /upload stopped before its last byte/);
      }
      assert.equal(r.policy.breaker!.state, 'closed');
      assert.equal(emulator.uploads.unfinished(), 0, 'every session deleted');
      assert.equal(r.attempts('/upload/session').filter((c) => c.method === 'POST').length, 10, 'no status query or resend for a client gone');
    } finally {
      await panda.close();
    }
  });

  it('with the circuit open, an upload session is still deleted (and the circuit left as it is)', async () => {
    const r = breakerPolicy();
    const panda = datasource(r);
    try {
      const { location } = await panda.openUploadSession({ title: 'stranded?' }, 'x.mp4', SIZE);
      assert.equal(emulator.uploads.unfinished(), 1);
      emulator.injectFault({ kind: 'status', status: 500, pathIncludes: '/profiles' });
      for (let i = 0; i < 5; i++) await failure(panda.listProfiles());
      assert.equal(r.policy.breaker!.state, 'open');
      assert.equal((await failure(panda.listProfiles())).extensions.circuit, 'open', 'API calls are refused');
      await panda.client.sendToUploadSession(location, {}, null, 'DELETE');
      assert.equal(emulator.uploads.unfinished(), 0, 'the cleanup went through');
      assert.equal(r.policy.breaker!.state, 'open', 'and did not move the circuit');
    } finally {
      await panda.close();
    }
  });

  it('a cleanup that meets a transient failure is tried once more, after a backoff', async () => {
    const r = breakerPolicy();
    const panda = datasource(r);
    try {
      const { location } = await panda.openUploadSession({}, 'y.mp4', SIZE);
      emulator.injectFault({ kind: 'status', status: 503, pathIncludes: '/upload/session', times: 1 });
      await panda.client.sendToUploadSession(location, {}, null, 'DELETE');
      assert.equal(emulator.uploads.unfinished(), 0);
      assert.equal(r.attempts('/upload/session').length, 2);
      assert.equal(r.waits.length, 1, 'one backoff');
      emulator.injectFault({ kind: 'status', status: 503, pathIncludes: '/upload/session', times: 2 });
      r.reset();
      const { location: other } = await panda.openUploadSession({}, 'z.mp4', SIZE);
      const answer = await panda.client.sendToUploadSession(other, {}, null, 'DELETE');
      assert.equal(answer.status, 503, 'one retry only');
      assert.equal(r.attempts('/upload/session').length, 2);
      await panda.client.sendToUploadSession(other, {}, null, 'DELETE');
    } finally {
      await panda.close();
    }
  });

  it('an upload the provider breaks (reset mid-body) is still its fault', async () => {
    const r = recordingPolicy({ breaker: new CircuitBreaker({ failureThreshold: 1, openMs: 60_000 }) });
    const panda = datasource(r);
    try {
      emulator.injectFault({ kind: 'cut', afterBytes: 64 * 1024, pathIncludes: '/upload/session', times: 4 });
      const body: UploadBody = { size: SIZE, fileName: 'cut.mp4', contentType: null, reopenable: false, open: () => Readable.from([Buffer.alloc(SIZE, 1)]) };
      await failure(panda.uploadVideo({}, body, { progress: () => undefined, maxResumes: 0 }));
      assert.equal(r.policy.breaker!.state, 'open');
    } finally {
      await panda.close();
    }
  });
});
