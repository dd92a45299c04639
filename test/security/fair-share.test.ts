import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { CompleteUploadDocument, CreateUploadTicketDocument, UploadVideoDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { sendMultipart, startUploadStack, testBytes, type UploadStack } from '../uploads/support';

const KEY_A = 'team-a-key-0123456789abcdef';
const KEY_B = 'team-b-key-0123456789abcdef';
const as = (key: string) => ({ authorization: `Bearer ${key}` });
const SHARES = { maxConcurrentRequests: 2, maxUploads: 2, maxOpenTickets: 2 };

/**
 * Issue 20 (2): the upload and ticket caps were global, so one key's slow uploads made another key's
 * upload fail. Each key now has its share (`server.perKey`, small here): past it that key gets
 * RATE_LIMITED with `retryAfterSeconds`, while the other keys go on as if nothing happened.
 */
describe('fair shares per API key (server.perKey)', () => {
  let stack: UploadStack;
  before(async () => {
    stack = await startUploadStack(
      { perKey: SHARES },
      {
        apiKeys: [
          { name: 'team-a', key: KEY_A, accounts: ['panda', 'tc', 'dm', 'zig'] },
          { name: 'team-b', key: KEY_B, accounts: ['panda', 'tc', 'dm', 'zig'] },
        ],
      },
    );
  });
  after(() => stack.close());

  const pandaVideos = () => stack.panda.store.cloud(stack.panda.accounts[0]!.cloudId)!.videos.size;
  const videosOf = (key: string, account: string) =>
    request(stack.gql.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as(key) },
      body: JSON.stringify({ query: `{ videos(accounts: ["${account}"], first: 1) { edges { node { id } } } }` }),
    }).then(async (res) => ({
      status: res.statusCode,
      retryAfter: res.headers['retry-after'],
      body: (await res.body.json()) as { data?: unknown; errors?: { extensions: Record<string, unknown> }[] },
    }));

  it('requests in flight: a key at its share gets 429 RATE_LIMITED, another key is served meanwhile', async () => {
    stack.panda.injectFault({ kind: 'delay', delayMs: 1_500, pathIncludes: '/videos.json', times: 2 });
    const slow = [videosOf(KEY_A, 'panda'), videosOf(KEY_A, 'panda')];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await videosOf(KEY_A, 'dm');
    assert.equal(refused.status, 429);
    assert.equal(refused.retryAfter, '1');
    assert.equal(refused.body.errors?.[0]?.extensions.code, 'RATE_LIMITED');
    assert.equal(refused.body.errors?.[0]?.extensions.retryAfterSeconds, 1);
    assert.equal(refused.body.errors?.[0]?.extensions.limit, 'maxConcurrentRequests');
    const other = await videosOf(KEY_B, 'dm');
    assert.equal(other.status, 200);
    assert.equal(other.body.errors, undefined);
    for (const answer of await Promise.all(slow)) assert.equal(answer.body.errors, undefined);
    assert.equal((await videosOf(KEY_A, 'dm')).status, 200, 'the slots are back once the slow requests ended');
  });

  it('uploads in flight: a key’s slow uploads hold its own share only; another key’s upload goes through', async () => {
    const before = pandaVideos();
    const file = (bytes: Buffer) => [{ path: 'variables.input.file', name: 'fair.mp4', bytes }];
    const upload = (key: string, bytes: Buffer, options: Parameters<typeof sendMultipart>[4] = {}) =>
      sendMultipart(stack.gql.gateway.url, UploadVideoDocument, { input: { account: 'panda', file: null, fileSize: bytes.length } }, file(bytes), { ...options, headers: as(key) });
    // two slow uploads of key A: 24 KiB at 8 KiB/s
    const slow = [1, 2].map((seed) => upload(KEY_A, testBytes(24 * 1024, seed), { writeBytes: 1024, pauseMs: 125 }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const calls = stack.upstreamCalls();
    const third = await upload(KEY_A, testBytes(1000, 3));
    assert.equal(third.status, 429);
    assert.equal(third.errors?.[0]?.extensions?.code, 'RATE_LIMITED');
    assert.equal(third.errors?.[0]?.extensions?.limit, 'maxUploads');
    assert.equal(third.errors?.[0]?.extensions?.retryAfterSeconds, 1);
    const other = await upload(KEY_B, testBytes(1000, 4));
    assert.equal(other.errors, undefined, JSON.stringify(other.errors));
    assert.equal(other.data?.uploadVideo?.upload.state, 'COMPLETED');
    assert.ok(stack.upstreamCalls() > calls, 'B’s upload reached the provider');
    for (const done of await Promise.all(slow)) assert.equal(done.data?.uploadVideo?.upload.state, 'COMPLETED', JSON.stringify(done.errors));
    assert.equal(pandaVideos(), before + 3, 'A’s two and B’s one; nothing for the refused one');
    assert.equal((await upload(KEY_A, testBytes(1000, 5))).data?.uploadVideo?.upload.state, 'COMPLETED', 'A’s share is free again');
  });

  it('open tickets: a key at its share is refused before the provider opens anything, until one of its tickets completes', async () => {
    const open = (key: string) => stack.gql.exec(CreateUploadTicketDocument, { input: { account: 'panda', fileName: 't.mp4', fileSize: 10 } }, as(key));
    const first = dataOf(await open(KEY_A)).createUploadTicket!;
    dataOf(await open(KEY_A));
    stack.clearLogs();
    const refused = await open(KEY_A);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'RATE_LIMITED');
    assert.equal(refused.errors?.[0]?.extensions?.limit, 'maxOpenTickets');
    const retryAfter = refused.errors?.[0]?.extensions?.retryAfterSeconds as number;
    assert.ok(retryAfter > 3000 && retryAfter <= 3600, `until the oldest ticket expires, about an hour: ${retryAfter}`);
    assert.equal(stack.upstreamCalls(), 0, 'no session opened at Panda for a ticket that could not be kept');
    dataOf(await open(KEY_B));
    // A's browser uploads the file and A completes the ticket: its share has room again
    const put = await fetch(first.url, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'content-range': 'bytes 0-9/10' }, body: testBytes(10, 6) });
    assert.equal(put.status, 200);
    dataOf(await stack.gql.exec(CompleteUploadDocument, { input: { ticket: first.id } }, as(KEY_A)));
    dataOf(await open(KEY_A));
  });

  it('concurrent ticket requests of one key cannot overshoot its share', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => stack.gql.exec(CreateUploadTicketDocument, { input: { account: 'dm', fileName: 'c.mp4', fileSize: 10 } }, as(KEY_B))));
    // B holds one ticket from the test before: one more fits
    assert.equal(answers.filter((a) => a.errors === undefined).length, 1);
    assert.equal(answers.filter((a) => a.errors?.[0]?.extensions?.code === 'RATE_LIMITED').length, 3);
  });
});
