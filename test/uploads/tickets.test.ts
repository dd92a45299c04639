import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PandaAccountConfig } from '../../src/config';
import { PandaDatasource } from '../../src/providers/panda';
import { fromGlobalId } from '../../src/domain/ids';
import { MemoryStore } from '../../src/state';
import { ephemeralKey, TokenSealer } from '../../src/tokens';
import { openTicket, UploadTickets } from '../../src/uploads/tickets';
import { AccountsDocument, CompleteUploadDocument, CreateUploadTicketDocument, UploadedVideoDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { sha256, startUploadStack, testBytes, type UploadStack } from './support';

const MiB = 1024 * 1024;

/**
 * Direct uploads: the gateway hands out a ticket, the "browser" (plain fetch, no credentials) sends
 * the file straight to the emulator, then the video is found through the gateway.
 */
describe('direct upload tickets', () => {
  let stack: UploadStack;
  before(async () => {
    stack = await startUploadStack();
  });
  after(() => stack.close());

  const ticketFor = async (account: string, bytes: Buffer, name = 'browser.mp4') => {
    const started = Date.now();
    const ticket = dataOf(await stack.gql.exec(CreateUploadTicketDocument, { input: { account, fileName: name, fileSize: bytes.length } })).createUploadTicket!;
    const expires = Date.parse(ticket.expiresAt);
    assert.ok(expires > started + 30 * 60 * 1000 && expires <= Date.now() + 61 * 60 * 1000, 'good for about an hour');
    assert.equal(ticket.fileSize, bytes.length);
    return ticket;
  };

  const find = async (id: string) => dataOf(await stack.gql.exec(UploadedVideoDocument, { id })).node;

  it('Panda: the browser fills a resumable session, then the video is found', async () => {
    const bytes = testBytes(6 * MiB + 5, 21);
    const ticket = await ticketFor('panda', bytes);
    assert.equal(ticket.protocol, 'RESUMABLE_SESSION');
    const half = 4 * MiB;
    const first = await fetch(ticket.url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${half - 1}/${bytes.length}` },
      body: bytes.subarray(0, half),
    });
    assert.equal(first.status, 204);
    assert.equal(first.headers.get('range'), `0-${half - 1}`);
    const early = await stack.gql.exec(CompleteUploadDocument, { input: { ticket: ticket.id } });
    assert.equal(early.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', 'not complete yet');
    const last = await fetch(ticket.url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${half}-${bytes.length - 1}/${bytes.length}` },
      body: bytes.subarray(half),
    });
    assert.equal(last.status, 200);
    const { video } = dataOf(await stack.gql.exec(CompleteUploadDocument, { input: { ticket: ticket.id } })).completeUpload!;
    const node = await find(video.id);
    assert.ok(node && 'originalFilename' in node && node.originalFilename === 'browser.mp4');
    const stored = stack.panda.store.cloud(stack.panda.accounts[0]!.cloudId)!.videos.get(fromGlobalId(video.id).nativeId)!.upload;
    assert.equal(stored?.sha256, sha256(bytes));
    const again = await stack.gql.exec(CompleteUploadDocument, { input: { ticket: ticket.id } });
    assert.equal(again.errors?.[0]?.extensions?.code, 'NOT_FOUND', 'a ticket completes once');
  });

  it('Telestream: the browser sends the parts, then the video is found', async () => {
    const bytes = testBytes(11 * MiB, 22);
    const ticket = await ticketFor('tc', bytes);
    assert.equal(ticket.protocol, 'MULTI_PART_SESSION');
    assert.equal(ticket.parts, Math.ceil(bytes.length / ticket.partSize!));
    let answer: { id?: string } = {};
    for (let i = ticket.parts! - 1; i >= 0; i--) {
      const part = bytes.subarray(i * ticket.partSize!, (i + 1) * ticket.partSize!);
      const res = await fetch(ticket.url, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-part': String(i) }, body: part });
      assert.equal(res.status, 200);
      answer = (await res.json()) as { id?: string };
    }
    assert.ok(answer.id, 'the last part answers the video');
    const { video } = dataOf(await stack.gql.exec(CompleteUploadDocument, { input: { ticket: ticket.id, videoId: answer.id } })).completeUpload!;
    assert.equal(fromGlobalId(video.id).nativeId, answer.id);
    assert.equal((await find(video.id))?.id, video.id);
    const stored = stack.telestream.store.cloud(stack.telestream.accounts[0]!.factoryId)!.videos.get(answer.id!)!.upload;
    assert.equal(stored?.sha256, sha256(bytes));
  });

  it('Panda and Telestream tickets also carry a signed request that opens another session', async () => {
    for (const account of ['panda', 'tc']) {
      const ticket = await ticketFor(account, testBytes(100));
      const signed = ticket.sessionRequest!;
      assert.ok(signed.params.some((p) => p.name === 'signature'));
      assert.ok(Date.parse(signed.expiresAt) <= Date.parse(ticket.expiresAt));
      const query = new URLSearchParams(signed.params.map((p): [string, string] => [p.name, p.value])).toString();
      const res = await fetch(`${signed.url}?${query}`, { method: signed.method });
      const body = (await res.json()) as { location?: string; part_size?: number };
      assert.equal(res.status, 201, JSON.stringify(body));
      assert.ok(body.location?.includes('/upload/session') && body.location !== ticket.url, 'a new session');
      if (account === 'tc') assert.equal(body.part_size, ticket.partSize);
    }
    const dm = await ticketFor('dm', testBytes(100));
    assert.equal(dm.sessionRequest, null);
  });

  it('Dailymotion: the browser posts the form to the upload URL, then media.create', async () => {
    const bytes = testBytes(2 * MiB, 23);
    const ticket = await ticketFor('dm', bytes, 'trip.mp4');
    assert.equal(ticket.protocol, 'MULTIPART_FORM');
    assert.equal(ticket.fileField, 'file');
    const form = new FormData();
    form.append(ticket.fileField!, new Blob([bytes]), 'trip.mp4');
    const res = await fetch(ticket.url, { method: 'POST', body: form });
    assert.equal(res.status, 200);
    const uploaded = (await res.json()) as { url: string; name: string; size: number };
    assert.equal(uploaded.size, bytes.length);
    const { video } = dataOf(await stack.gql.exec(CompleteUploadDocument, { input: { ticket: ticket.id, uploadedUrl: uploaded.url } })).completeUpload!;
    assert.equal(video.account.id, 'dm');
    assert.equal((await find(video.id))?.id, video.id);
    assert.ok([...stack.dailymotion.store.files.values()].some((f) => f.sha256 === sha256(bytes)));
  });

  it('Ziggeo: the browser posts the signed form, then the upload is confirmed', async () => {
    const bytes = testBytes(MiB + 3, 24);
    const ticket = await ticketFor('zig', bytes, 'selfie.mp4');
    assert.equal(ticket.protocol, 'MULTIPART_FORM');
    assert.ok(ticket.fields.some((f) => f.name === 'policy') && ticket.fields.some((f) => f.name === 'x-amz-signature'));
    const form = new FormData();
    for (const f of ticket.fields) form.append(f.name, f.value);
    form.append(ticket.fileField!, new Blob([bytes], { type: 'video/mp4' }), 'selfie.mp4');
    const res = await fetch(ticket.url, { method: 'POST', body: form });
    assert.ok(res.status >= 200 && res.status < 300, `S3-like leg answered ${res.status}`);
    const { video } = dataOf(await stack.gql.exec(CompleteUploadDocument, { input: { ticket: ticket.id } })).completeUpload!;
    assert.equal((await find(video.id))?.id, video.id);
    const app = stack.ziggeo.store.app(stack.ziggeo.accounts[0]!.token);
    const media = stack.ziggeo.store.mainStream(app.videos.get(fromGlobalId(video.id).nativeId)!)?.video;
    assert.equal(media?.sha256, sha256(bytes));
  });

  it('every account says beforehand that it takes uploads and direct uploads', async () => {
    const { accounts } = dataOf(await stack.gql.exec(AccountsDocument, {}));
    assert.equal(accounts.length, 4);
    for (const a of accounts) assert.ok(a.capabilities.includes('UPLOAD_FILE') && a.capabilities.includes('DIRECT_UPLOAD'), a.id);
  });

  it('a ticket over the size limit, or of an unknown account, is refused before the provider is asked', async () => {
    stack.clearLogs();
    const big = await stack.gql.exec(CreateUploadTicketDocument, { input: { account: 'panda', fileName: 'x.mp4', fileSize: 20 * 1024 ** 3 } });
    assert.equal(big.errors?.[0]?.extensions?.code, 'UPLOAD_TOO_LARGE');
    const unknown = await stack.gql.exec(CreateUploadTicketDocument, { input: { account: 'nope', fileName: 'x.mp4', fileSize: 10 } });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal(stack.upstreamCalls(), 0);
  });

  it('a key that opened all the tickets it may gets no provider session it could not keep', async () => {
    const panda = new PandaDatasource(stack.accounts.find((a) => a.id === 'panda') as PandaAccountConfig);
    stack.clearLogs();
    const full = new UploadTickets(new MemoryStore(), new TokenSealer([ephemeralKey()]), { maxPerKey: 0 });
    await assert.rejects(openTicket(full, panda, { fileName: 'x.mp4', fileSize: 10, video: {} }), /too many open upload tickets/);
    assert.equal(stack.upstreamCalls(), 0);
  });
});
