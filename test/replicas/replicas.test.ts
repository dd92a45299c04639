import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { TestGateway } from '../support/gateway';
import { redisSkip } from '../support/redis';
import { sha256 } from '../uploads/support';
import { browserSends, codeOf, completeOn, createTicket, downloadUrlOn, fetchVia, MiB, Replicas, sessionOn, testBytes, tokenKey, uploadThrough, ziggeoVideoWith } from './support';

const ACCOUNTS = ['panda', 'tc', 'dm', 'zig'] as const;
const SHUTDOWN_MS = 300;

/**
 * Two gateways on one config with `state.redis` and `tokens.keys`, as behind a round-robin
 * balancer (issue 15): each flow starts on one replica and continues on the other; then one replica
 * is restarted in the middle of an upload and the flows are repeated.
 */
describe('replicas sharing one Redis', { skip: redisSkip() }, () => {
  let r: Replicas;
  before(async () => {
    r = await Replicas.start({ shutdownTimeoutMs: SHUTDOWN_MS });
  });
  after(() => r?.close());

  /** An upload on `from` followed on `to` while it runs and after; its uploadId then refused by both. */
  async function uploadFollowed(from: TestGateway, to: TestGateway, uploadId: string): Promise<void> {
    const bytes = testBytes(12 * MiB, 31);
    let midway: Awaited<ReturnType<typeof sessionOn>> = null;
    const result = await uploadThrough(from, 'panda', bytes, uploadId, {
      midway: {
        afterBytes: 9 * MiB,
        run: async () => {
          const until = Date.now() + 10_000;
          do {
            midway = await sessionOn(to, uploadId);
            if ((midway?.bytesSent ?? 0) >= 2 * MiB) return;
            await new Promise((resolve) => setTimeout(resolve, 25));
          } while (Date.now() < until);
        },
      },
    });
    const seen = midway as Awaited<ReturnType<typeof sessionOn>>;
    assert.equal(seen?.state, 'SENDING', 'the other replica sees it running');
    assert.equal(seen?.bytesTotal, bytes.length);
    assert.ok(seen.bytesSent >= 2 * MiB && seen.bytesSent <= 9 * MiB, `bytesSent ${seen.bytesSent}`);
    const video = result.data?.uploadVideo?.video;
    assert.ok(video, JSON.stringify(result.errors));
    const done = await sessionOn(to, uploadId);
    assert.deepEqual([done?.state, done?.bytesSent, done?.video?.id, done?.account], ['COMPLETED', bytes.length, video.id, 'panda']);
    for (const gateway of [to, from]) {
      const again = await uploadThrough(gateway, 'panda', testBytes(1000), uploadId);
      assert.equal(codeOf(again), 'BAD_USER_INPUT', 'the uploadId is taken on every replica');
      assert.match(again.errors![0]!.message, /already in use/);
    }
  }

  /** A ticket per provider made on `from`, the browser's upload, completion on `to`, once. */
  async function ticketsAcross(from: TestGateway, to: TestGateway): Promise<void> {
    for (const account of ACCOUNTS) {
      const bytes = testBytes(2 * MiB + 11, account.length);
      const ticket = await createTicket(from, account, bytes);
      const answer = await browserSends(ticket, bytes);
      const completed = await completeOn(to, ticket.id, answer);
      assert.equal(completed.data?.completeUpload?.video.account.id, account, `${account}: ${JSON.stringify(completed.errors)}`);
      assert.equal(codeOf(await completeOn(from, ticket.id, answer)), 'NOT_FOUND', `${account}: a ticket completes once, across replicas`);
      assert.equal(codeOf(await completeOn(to, ticket.id, answer)), 'NOT_FOUND', account);
    }
  }

  /** A Ziggeo download link made on `from`, opened on `to`. */
  async function linkAcross(from: TestGateway, to: TestGateway): Promise<string> {
    const bytes = testBytes(300_000, 41);
    const link = await downloadUrlOn(from, ziggeoVideoWith(r.stack, bytes));
    const got = await fetchVia(to, link);
    assert.equal(got.status, 200);
    assert.equal(sha256(got.body), sha256(bytes));
    return link;
  }

  /** A persisted query registered on `from`, found by its hash alone on `to`. */
  async function apqAcross(from: TestGateway, to: TestGateway, name: string): Promise<void> {
    const query = `query ${name} { accounts { id } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const unknown = await to.raw(JSON.stringify({ extensions: { persistedQuery } }));
    assert.equal(unknown.errors?.[0]?.extensions?.reason, 'PERSISTED_QUERY_NOT_FOUND');
    const registered = await from.raw(JSON.stringify({ query, extensions: { persistedQuery } }));
    assert.equal(registered.errors, undefined);
    const byHash = await to.raw(JSON.stringify({ extensions: { persistedQuery } }));
    assert.equal(byHash.errors, undefined, JSON.stringify(byHash.errors));
    assert.equal((byHash.data as { accounts: unknown[] }).accounts.length, 4);
  }

  it('an upload started on A is followed on B, and its uploadId is taken on both', async () => {
    await uploadFollowed(r.a, r.b, 'replica-upload-0001');
  });

  it('tickets made on A complete on B (and the other way), once, for all four providers', async () => {
    await ticketsAcross(r.a, r.b);
    await ticketsAcross(r.b, r.a);
  });

  it('a download link made on A works on B; sealed under a rotated-out key it still opens', async () => {
    await linkAcross(r.a, r.b);
    const rotated = await r.replica({ keys: [tokenKey('k2'), ...r.keys] });
    const old = await linkAcross(r.a, rotated);
    const fresh = await downloadUrlOn(rotated, ziggeoVideoWith(r.stack, testBytes(1000, 42)));
    assert.equal((await fetchVia(r.b, fresh)).status, 403, 'a key B does not hold yet');
    assert.equal((await fetchVia(rotated, old)).status, 200);
  });

  it('a persisted query registered on A is found on B', async () => {
    await apqAcross(r.a, r.b, 'ReplicaApq');
  });

  it('A restarted mid-upload: the provider session is deleted, FAILED is seen on B and on the new A; the flows go on', async () => {
    const pendingLink = await downloadUrlOn(r.a, ziggeoVideoWith(r.stack, testBytes(5000, 43)));
    const pendingTicketBytes = testBytes(MiB, 44);
    const pendingTicket = await createTicket(r.a, 'panda', pendingTicketBytes);
    const unfinished = r.stack.panda.uploads.unfinished();
    const bytes = testBytes(24 * MiB, 45);
    let closing: Promise<void> | undefined;
    const cut = await uploadThrough(r.a, 'panda', bytes, 'replica-cut-0001', {
      writeBytes: 256 * 1024,
      pauseMs: 15,
      midway: {
        afterBytes: 4 * MiB,
        run: async () => {
          closing = r.a.close();
        },
      },
    }).catch((error: Error) => ({ status: 0, error }));
    assert.ok(!('data' in cut && cut.data?.uploadVideo), 'the upload did not complete');
    await closing;
    // the record's final write may still be on its way to Redis when close() returns on a loaded machine
    let failed = await sessionOn(r.b, 'replica-cut-0001');
    for (let i = 0; i < 50 && failed?.state !== 'FAILED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      failed = await sessionOn(r.b, 'replica-cut-0001');
    }
    assert.equal(failed?.state, 'FAILED');
    assert.match(failed?.error ?? '', /shut down/);
    assert.equal(r.stack.panda.uploads.unfinished(), unfinished, 'no upload session left at the provider');

    const a2 = await r.replica();
    assert.equal((await sessionOn(a2, 'replica-cut-0001'))?.state, 'FAILED', 'the restarted replica reads it too');
    assert.equal(codeOf(await uploadThrough(a2, 'panda', testBytes(1000), 'replica-cut-0001')), 'BAD_USER_INPUT', 'and refuses its id');
    assert.equal((await fetchVia(a2, pendingLink)).status, 200, 'a link made before the restart');
    await browserSends(pendingTicket, pendingTicketBytes);
    assert.ok((await completeOn(a2, pendingTicket.id)).data?.completeUpload?.video, 'a ticket made before the restart');

    await uploadFollowed(a2, r.b, 'replica-upload-0002');
    await uploadFollowed(r.b, a2, 'replica-upload-0003');
    await ticketsAcross(r.b, a2);
    await linkAcross(a2, r.b);
    await apqAcross(r.b, a2, 'ReplicaApqAfterRestart');
  });
});
