import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { BufferPool, fixedChunks, ReplayWindow, sendWhole } from '../../../src/upstream/upload-chunks';
import { ResumableUpload } from '../../../src/providers/panda/upload';
import type { TelestreamClient } from '../../../src/providers/telestream/client';
import { TelestreamUploadSession } from '../../../src/providers/telestream/upload';
import { PartSet } from '../../../emulators/panda/upload-parts';
import { spoolBody, streamedBody } from '../../../src/uploads/body';
import { hasPreflightHeader, isMultipart } from '../../../src/http/multipart';
import { cleanFileName } from '../../../src/uploads/send-file';
import { sha256, testBytes } from '../support';

const chunksOf = (bytes: Buffer, size: number) =>
  Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    })(),
  );

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('upload pieces', () => {
  it('fixedChunks cuts any input into exact pieces, the last one shorter', async () => {
    const bytes = testBytes(10_000);
    const pieces = await collect(fixedChunks(chunksOf(bytes, 777), 4096));
    assert.deepEqual(
      pieces.map((p) => p.length),
      [4096, 4096, 1808],
    );
    assert.equal(sha256(Buffer.concat(pieces)), sha256(bytes));
  });

  it('fixedChunks with a pool reuses its buffers once released, and waits for one otherwise', async () => {
    const bytes = testBytes(10_000);
    const pool = new BufferPool(4096, 2);
    const seen = new Set<ArrayBufferLike>();
    const hashes: Buffer[] = [];
    for await (const piece of fixedChunks(chunksOf(bytes, 999), 4096, pool)) {
      seen.add(piece.buffer);
      hashes.push(Buffer.from(piece));
      pool.release(piece);
    }
    assert.equal(seen.size, 1, 'one buffer, released before the next piece');
    assert.equal(sha256(Buffer.concat(hashes)), sha256(bytes));
    const held = new BufferPool(16, 1);
    const first = await held.acquire();
    let second: Buffer | null = null;
    const waiting = held.acquire().then((b) => (second = b));
    await new Promise((r) => setImmediate(r));
    assert.equal(second, null, 'no buffer until one is released');
    held.release(first.subarray(3, 9));
    await waiting;
    assert.equal(second!.buffer, first.buffer);
  });

  it('sendWhole destroys what it opened when the send fails, resent or not', async () => {
    const opened: Readable[] = [];
    const body = { size: 100, fileName: 'a', contentType: null, reopenable: true, open: () => opened[opened.push(chunksOf(testBytes(100), 10)) - 1]! };
    const broken = Object.assign(new Error('broken'), { code: 'PROVIDER_UNAVAILABLE' });
    const refused = Object.assign(new Error('refused'), { code: 'PROVIDER_REJECTED' });
    let calls = 0;
    await assert.rejects(
      sendWhole(body, { progress: () => undefined }, () => Promise.reject(++calls === 1 ? broken : refused)),
      /refused/,
    );
    assert.equal(calls, 2);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      opened.map((s) => s.destroyed),
      [true, true],
    );
  });

  it('ResumableUpload destroys the body it opened when the session refuses before reading it', async () => {
    const opened: Readable[] = [];
    const body = { size: 100, fileName: 'a', contentType: null, reopenable: true, open: () => opened[opened.push(chunksOf(testBytes(100), 10)) - 1]! };
    const refused = Object.assign(new Error('refused'), { code: 'PROVIDER_REJECTED' });
    const transport = { target: { account: 'p', provider: 'panda' }, sendToUploadSession: () => Promise.reject(refused) };
    await assert.rejects(new ResumableUpload(transport, 'http://127.0.0.1:9/session', 100).send(body, { progress: () => undefined }), /refused/);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      opened.map((s) => s.destroyed),
      [true],
    );
  });

  it('a Telestream session answering malformed JSON for its missing parts is PROVIDER_UNAVAILABLE', async () => {
    const client = { target: { account: 't', provider: 'telestream' }, sendToUploadSession: async () => ({ status: 200, headers: {}, body: Buffer.from('<html>') }) };
    const session = TelestreamUploadSession.at(client as unknown as TelestreamClient, 'http://127.0.0.1:9/session');
    await assert.rejects(session.missingParts(), (e: { code?: string }) => e.code === 'PROVIDER_UNAVAILABLE');
  });

  it('ReplayWindow gives back the last `capacity` bytes written, and refuses older ones', () => {
    const bytes = testBytes(1000);
    const window = new ReplayWindow(300);
    for (let at = 0; at < bytes.length; at += 70) window.write(bytes.subarray(at, at + 70));
    assert.equal(window.written, 1000);
    assert.deepEqual(window.copyFrom(700), bytes.subarray(700));
    assert.deepEqual(window.copyFrom(850), bytes.subarray(850));
    assert.deepEqual(window.copyFrom(1000), Buffer.alloc(0));
    assert.equal(window.copyFrom(699), null, 'older bytes are gone');
    assert.equal(window.copyFrom(1001), null, 'bytes not written yet');
    window.write(bytes.subarray(0, 500));
    assert.deepEqual(window.copyFrom(1200), bytes.subarray(200, 500), 'of a chunk larger than the capacity, its last bytes');
    assert.equal(window.copyFrom(1199), null);
    const small = new ReplayWindow(300);
    small.write(bytes.subarray(0, 100));
    assert.deepEqual(small.copyFrom(0), bytes.subarray(0, 100), 'a window not yet full holds everything');
    assert.equal(small.copyFrom(-1), null);
  });

  it('streamedBody checks the declared size both ways', async () => {
    const meta = { fileName: 'a', contentType: null };
    await assert.rejects(collect(streamedBody(chunksOf(testBytes(100), 10), 90, 1000, meta).open()), /larger than its declared size 90/);
    await assert.rejects(collect(streamedBody(chunksOf(testBytes(80), 10), 90, 1000, meta).open()), /80 bytes, not its declared size 90/);
    assert.throws(
      () => streamedBody(chunksOf(testBytes(10), 10), 2000, 1000, meta),
      (e: { code?: string }) => e.code === 'UPLOAD_TOO_LARGE',
    );
    const ok = await collect(streamedBody(chunksOf(testBytes(90), 10), 90, 1000, meta).open());
    assert.equal(Buffer.concat(ok).length, 90);
  });

  it('spoolBody learns the size on disk, re-reads it, and removes it', async () => {
    const bytes = testBytes(300_000);
    const body = await spoolBody(chunksOf(bytes, 65536), 1_000_000, { fileName: 'a', contentType: null });
    assert.equal(body.size, bytes.length);
    assert.equal(sha256(Buffer.concat(await collect(body.open()))), sha256(bytes));
    assert.equal(sha256(Buffer.concat(await collect(body.open()))), sha256(bytes), 'read again for a resume');
    await body.dispose();
    await assert.rejects(collect(body.open()), /ENOENT/);
    await assert.rejects(spoolBody(chunksOf(bytes, 65536), 100_000, { fileName: 'a', contentType: null }), (e: { code?: string }) => e.code === 'UPLOAD_TOO_LARGE');
  });

  it('PartSet hashes parts in file order whatever order they come in, once each', () => {
    const bytes = testBytes(25);
    const parts = new PartSet(25, 10);
    parts.put(2, bytes.subarray(20));
    parts.put(0, bytes.subarray(0, 10));
    parts.put(0, Buffer.alloc(10));
    assert.deepEqual(parts.missing(), [1]);
    parts.put(1, bytes.subarray(10, 20));
    assert.deepEqual(parts.missing(), []);
    assert.equal(parts.assemble('f').sha256, sha256(bytes));
  });

  it('multipart detection, preflight headers and file names', () => {
    assert.equal(isMultipart('multipart/form-data; boundary=x'), true);
    assert.equal(isMultipart('application/json'), false);
    assert.equal(hasPreflightHeader({ 'apollo-require-preflight': 'true' }), true);
    assert.equal(hasPreflightHeader({ 'x-apollo-operation-name': 'Up' }), true);
    assert.equal(hasPreflightHeader({ 'apollo-require-preflight': '' }), false);
    assert.equal(cleanFileName('C:\\Users\\me\\a"b.mp4'), 'a_b.mp4');
    assert.equal(cleanFileName('dir/'), 'file');
  });
});
