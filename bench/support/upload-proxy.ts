import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import type { AccountConfig } from '../../src/config';
import { DailymotionDatasource } from '../../src/providers/dailymotion';
import { PandaDatasource } from '../../src/providers/panda';
import { TelestreamDatasource } from '../../src/providers/telestream';
import { ZiggeoDatasource } from '../../src/providers/ziggeo';
import { wireUploadTicket } from '../../src/providers/dailymotion/wire';
import { multipartFrame } from '../../src/providers/ziggeo/encode';
import { answerCpuUsage } from './cpu-usage';

/**
 * The bare pass-through proxy the upload suite compares the gateway with (issue 18): a plain
 * `node:http` server that takes `POST /<provider>` with the file as its raw body (Content-Length =
 * the file's size) and pipes that request stream to the provider's emulator with undici, speaking
 * the same wire protocol the gateway speaks upstream. The small calls around the body (Panda's and
 * Telestream's session creation, Dailymotion's `file.upload`) go through the datasources, signed as
 * the gateway signs them; the body itself is the request stream, piped:
 * - Panda: one `POST location` with `Content-Range: bytes 0-(L-1)/L` (panda spec §6.2);
 * - Telestream: a `multi_chunk` session, its parts sent one after the other, each a slice of the
 *   request stream (no buffer: a bare proxy cannot keep parts in flight without one);
 * - Dailymotion: `file.upload`, then the single-part multipart POST (head, the stream, tail);
 * - Ziggeo (1.17): the multipart `POST /v1/videos/` (head, the stream, tail).
 * Answers 200 with `{ bytes }` once the provider has answered. Run as a child: argv[2] is the JSON
 * array of accounts (with their emulator `baseUrl`s); sends `{ url }` over IPC when listening,
 * answers `{ id, cpuMs }` (its CPU since the previous ask) to `{ id, op: 'usage' }`, exits on disconnect.
 */

const timeouts = { connectMs: 5_000, headersMs: 600_000, bodyMs: 600_000 };
const dispatcher = new Agent({ headersTimeout: 600_000, bodyTimeout: 600_000 });

async function post(url: string, headers: Record<string, string>, body: Readable | Buffer): Promise<{ status: number; text: string }> {
  const response = await request(url, { method: 'POST', headers, body, dispatcher });
  const text = await response.body.text();
  if (response.statusCode >= 400) throw new Error(`${url} answered ${response.statusCode}: ${text.slice(0, 200)}`);
  return { status: response.statusCode, text };
}

/** `head`, the request stream, `tail`: one stream, no copies of the body's chunks. */
function framed(head: Buffer, req: IncomingMessage, tail: Buffer): Readable {
  const it = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let state: 'head' | 'body' | 'done' = 'head';
  return new Readable({
    read() {
      if (state === 'head') {
        state = 'body';
        this.push(head);
        return;
      }
      it.next().then(
        (r) => {
          if (!r.done) return void this.push(r.value);
          if (state === 'body') this.push(tail);
          state = 'done';
          this.push(null);
        },
        (error: Error) => this.destroy(error),
      );
    },
  });
}

/** `length` bytes of the request stream, as a stream of its own; bytes past them wait in `rest`. */
function slice(it: AsyncIterator<Buffer>, carry: { rest: Buffer | null }, length: number): Readable {
  let remaining = length;
  return new Readable({
    read() {
      const give = (chunk: Buffer) => {
        if (chunk.length > remaining) {
          carry.rest = chunk.subarray(remaining);
          chunk = chunk.subarray(0, remaining);
        }
        remaining -= chunk.length;
        this.push(chunk);
        if (remaining === 0) this.push(null);
      };
      if (carry.rest) {
        const chunk = carry.rest;
        carry.rest = null;
        return give(chunk);
      }
      it.next().then(
        (r) => (r.done ? this.destroy(new Error('the body ended early')) : give(r.value)),
        (error: Error) => this.destroy(error),
      );
    },
  });
}

function makeHandlers(accounts: AccountConfig[]) {
  const of = <P extends AccountConfig['provider']>(p: P) => accounts.find((a) => a.provider === p)! as Extract<AccountConfig, { provider: P }>;
  const panda = new PandaDatasource(of('panda'), timeouts);
  const telestream = new TelestreamDatasource(of('telestream'), timeouts);
  const dailymotion = new DailymotionDatasource(of('dailymotion'), timeouts);
  const ziggeoAccount = of('ziggeo');
  const ziggeo = new ZiggeoDatasource(ziggeoAccount, timeouts);
  const ziggeoAuth = `Basic ${Buffer.from(`${ziggeoAccount.token}:${ziggeoAccount.privateKey}`).toString('base64')}`;

  return {
    async panda(req: IncomingMessage, size: number) {
      const { location } = await panda.client.createUploadSession({ file_name: 'bench.mp4', file_size: size, profiles: 'none' });
      const headers = { 'content-type': 'application/octet-stream', 'cache-control': 'no-cache', 'content-range': `bytes 0-${size - 1}/${size}`, 'content-length': String(size) };
      const { status } = await post(location, headers, req);
      if (status !== 200) throw new Error(`panda session answered ${status}`);
    },
    async telestream(req: IncomingMessage, size: number) {
      const session = await telestream.client.createUploadSession({ file_name: 'bench.mp4', file_size: size, profiles: 'none', multi_chunk: 'true' });
      const it = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      const carry = { rest: null as Buffer | null };
      for (let index = 0; index * session.part_size < size; index++) {
        const length = Math.min(session.part_size, size - index * session.part_size);
        const headers = { 'content-type': 'application/octet-stream', 'cache-control': 'no-cache', 'x-part': String(index), 'content-length': String(length) };
        await post(session.location, headers, slice(it, carry, length));
      }
    },
    async dailymotion(req: IncomingMessage, size: number) {
      const ticket = await dailymotion.client.callAs('file.upload', {}, wireUploadTicket);
      const boundary = `------------------------${randomBytes(8).toString('hex')}`;
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const headers = { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) };
      await post(ticket.url, headers, framed(head, req, tail));
    },
    async ziggeo(req: IncomingMessage, size: number) {
      const frame = multipartFrame('1.17', randomBytes(16).toString('hex'), {}, { name: 'bench.mp4', contentType: 'video/mp4' });
      const headers = {
        'accept-encoding': 'identity',
        authorization: ziggeoAuth,
        'content-type': frame.contentType,
        'content-length': String(frame.head.length + size + frame.tail.length),
      };
      await post(`${ziggeo.client.hosts.api.replace(/\/+$/, '')}/v1/videos/`, headers, framed(frame.head, req, frame.tail));
    },
  };
}

function main(): void {
  const accounts = JSON.parse(process.argv[2] ?? '[]') as AccountConfig[];
  const handlers = makeHandlers(accounts);
  const server = createServer((req, res) => {
    const provider = (req.url ?? '').slice(1) as keyof typeof handlers;
    const size = Number(req.headers['content-length']);
    if (req.method !== 'POST' || !Object.hasOwn(handlers, provider) || !Number.isSafeInteger(size)) {
      res.writeHead(404).end();
      return;
    }
    handlers[provider](req, size).then(
      () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes: size })),
      (error: Error) => {
        res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
        req.resume();
      },
    );
  });
  server.requestTimeout = 0;
  answerCpuUsage();
  process.once('disconnect', () => process.exit(0));
  // the bench stops its children with SIGINT: exit cleanly so that a `--cpu-prof` profile is written
  process.once('SIGINT', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    process.send!({ url: `http://127.0.0.1:${address.port}` });
  });
}

main();
