import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import type { UploadTicketDraft } from '../../../src/domain/direct-upload';
import { MemoryStore } from '../../../src/state';
import { TokenSealer, type TokenKey } from '../../../src/tokens';
import { UploadTickets } from '../../../src/uploads/tickets';

const key = (id: string): TokenKey => ({ id, secret: randomBytes(32).toString('base64url') });
const draft: UploadTicketDraft = {
  protocol: 'RESUMABLE_SESSION',
  url: 'http://127.0.0.1:1/upload/session?id=abc',
  fields: [],
  fileField: null,
  partSize: null,
  parts: null,
  sessionRequest: null,
  finish: { provider: 'panda', location: 'http://127.0.0.1:1/upload/session?id=abc' },
};
const anyAccount = () => true;
const code = (e: unknown) => (e as { code?: string }).code;

describe('upload tickets as sealed tokens', () => {
  it('open on another instance holding the key, with everything completion needs; once', async () => {
    const k1 = key('k1');
    const store = new MemoryStore();
    const a = new UploadTickets(store, new TokenSealer([k1]));
    const b = new UploadTickets(store, new TokenSealer([key('k2'), k1]));
    const ticket = a.seal(draft, 'pa', 1234);
    assert.equal(ticket.url, draft.url);
    const opened = b.open(ticket.id, anyAccount);
    assert.deepEqual([opened.account, opened.fileSize, opened.finish], ['pa', 1234, draft.finish]);
    assert.equal(await b.once(opened, ticket.id, async () => 'video'), 'video');
    await assert.rejects(
      a.once(a.open(ticket.id, anyAccount), ticket.id, async () => 'again'),
      (e) => code(e) === 'NOT_FOUND',
    );
  });

  it('a failed completion frees the ticket; an invisible, tampered, foreign or expired one is NOT_FOUND', async () => {
    let now = 1_700_000_000_000;
    const sealer = new TokenSealer([key('k1')], { now: () => now });
    const tickets = new UploadTickets(new MemoryStore({ now: () => now }), sealer, { now: () => now });
    const ticket = tickets.seal(draft, 'pa', 10);
    const opened = tickets.open(ticket.id, anyAccount);
    await assert.rejects(
      tickets.once(opened, ticket.id, async () => Promise.reject(new Error('not uploaded yet'))),
      /not uploaded yet/,
    );
    assert.equal(await tickets.once(opened, ticket.id, async () => 'ok'), 'ok', 'tried again');
    const notFound = (fn: () => unknown) => assert.throws(fn, (e) => code(e) === 'NOT_FOUND' && /no upload ticket/.test((e as Error).message));
    notFound(() => tickets.open(ticket.id, (account) => account !== 'pa'));
    const flipped = Buffer.from(ticket.id, 'base64url');
    flipped[flipped.length - 20]! ^= 1;
    notFound(() => tickets.open(flipped.toString('base64url'), anyAccount));
    notFound(() => new UploadTickets(new MemoryStore(), new TokenSealer([key('k1')])).open(ticket.id, anyAccount));
    notFound(() => tickets.open('garbage', anyAccount));
    const later = tickets.seal(draft, 'pa', 10);
    now += 60 * 60 * 1000 + 1;
    notFound(() => tickets.open(later.id, anyAccount));
  });

  it('counts the tickets each API key opens in the store', async () => {
    const store = new MemoryStore();
    const tickets = new UploadTickets(store, new TokenSealer([key('k1')]), { maxPerKey: 2 });
    await tickets.reserve('ops');
    await tickets.reserve('ops');
    await assert.rejects(tickets.reserve('ops'), /too many open upload tickets/);
    await new UploadTickets(store, new TokenSealer([key('k1')]), { maxPerKey: 2 }).reserve('other');
    await assert.rejects(new UploadTickets(store, new TokenSealer([key('k1')]), { maxPerKey: 2 }).reserve('ops'), /too many/, 'whichever replica is asked');
  });

  it('refuses a ticket whose token would be too long', () => {
    const tickets = new UploadTickets(new MemoryStore(), new TokenSealer([key('k1')]));
    const big = { ...draft, finish: { provider: 'dailymotion' as const, video: { title: '題'.repeat(1024), payload: 'p'.repeat(256), pathFormat: 'x'.repeat(1024) } } };
    assert.throws(
      () => tickets.seal(big, 'dm', 10),
      (e) => code(e) === 'BAD_USER_INPUT',
    );
  });
});
