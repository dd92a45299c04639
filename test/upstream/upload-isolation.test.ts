import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UploadVideoDocument, VideosDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { eventually, sendMultipart, startUploadStack, testBytes, type MultipartOptions, type UploadStack } from '../uploads/support';

const MiB = 1024 * 1024;

/**
 * Issue 20 through the gateway: slow uploads must not starve dashboard queries to the same provider
 * origin, clients that go away must not open a healthy account's circuit, and an open circuit must
 * not strand a provider's upload session.
 */
describe('uploads beside API calls: their own sockets, their own failures', () => {
  let stack: UploadStack;
  before(async () => {
    stack = await startUploadStack();
  });
  after(() => stack.close());

  const upload = (account: string, bytes: Buffer, options: MultipartOptions = {}) =>
    sendMultipart(
      stack.gql.gateway.url,
      UploadVideoDocument,
      { input: { account, file: null, fileSize: bytes.length } },
      [{ path: 'variables.input.file', name: 'slow.mp4', bytes }],
      options,
    );
  const breaker = (account: string) => stack.gql.gateway.registry.breakers.get(account)!;

  it('twenty uploads stalled mid-file (more than an origin pool holds) leave a dashboard query on that origin quick', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let stalled = 0;
    const midway = { afterBytes: MiB, run: () => ((stalled += 1), gate) };
    const uploads = Array.from({ length: 20 }, (_, i) => upload('dm', testBytes(2 * MiB, 100 + i), { midway }));
    try {
      await eventually(() => stalled === 20, 20_000);
      const started = performance.now();
      const page = dataOf(await stack.gql.exec(VideosDocument, { accounts: ['dm'], first: 5 }));
      const took = performance.now() - started;
      assert.ok(page.videos.edges.length >= 0);
      assert.ok(took < 3_000, `the dashboard query took ${Math.round(took)} ms behind 20 stalled uploads`);
    } finally {
      release();
    }
    const results = await Promise.all(uploads);
    assert.ok(
      results.every((r) => r.data?.uploadVideo?.upload.state === 'COMPLETED'),
      JSON.stringify(results.find((r) => r.errors)?.errors),
    );
  });

  it('ten uploads whose client goes away leave the circuit closed, and no Panda session behind', async () => {
    stack.panda.log.clear();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => upload('panda', testBytes(2 * MiB, 200 + i), { abortAfterBytes: MiB })));
    assert.ok(results.every((r) => r.aborted));
    // the gateway goes on after the client left: each session is opened, then deleted
    const deletes = () => stack.panda.log.entries.filter((e) => e.method === 'DELETE' && e.status === 200).length;
    await eventually(() => deletes() === 10, 20_000);
    assert.equal(stack.panda.uploads.unfinished(), 0);
    assert.equal(breaker('panda').state, 'closed');
  });

  // last: it leaves Panda's circuit open
  it('with the circuit open meanwhile, a client gone mid-upload still has its Panda session deleted', async () => {
    stack.panda.log.clear();
    const circuit = breaker('panda');
    const openCircuit = async () => {
      await eventually(() => stack.panda.uploads.unfinished() === 1, 10_000);
      for (let i = 0; i < circuit.policy.failureThreshold; i++) circuit.failed(circuit.acquire());
      assert.equal(circuit.state, 'open');
    };
    const result = await upload('panda', testBytes(3 * MiB, 300), { midway: { afterBytes: MiB, run: openCircuit }, abortAfterBytes: 2 * MiB });
    assert.equal(result.aborted, true);
    await eventually(() => stack.panda.log.entries.some((e) => e.method === 'DELETE'));
    assert.equal(stack.panda.uploads.unfinished(), 0, 'the session is gone');
    assert.equal(circuit.state, 'open');
  });
});
