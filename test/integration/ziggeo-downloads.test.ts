import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import type { Media, StoredStream, StoredVideo } from '../../emulators/ziggeo';
import { MemoryMedia } from '../../emulators/ziggeo';
import { MediaSpool } from '../../emulators/ziggeo/media';
import { DeleteVideoDocument, ZiggeoDownloadUrlsDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { sha256 } from '../uploads/support';
import { codeOf, startZiggeoGateway, ziggeoAccount, type ZiggeoGatewayStack } from './ziggeo-gateway';

/** Deterministic bytes with no period short enough to hide an offset mistake. */
function patterned(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) bytes.writeUInt32BE((i * 2654435761) >>> 0, i);
  return bytes;
}

/**
 * How the origin in front of the emulator behaves: `pass` forwards Range (as S3/CloudFront answer it),
 * `ignore-range` drops it (an origin without range support: always the whole file, no
 * Accept-Ranges), `ignore-range-chunked` also drops Content-Length (length unknown).
 */
type ProxyMode = 'pass' | 'ignore-range' | 'ignore-range-chunked';

/** A loopback proxy to the Ziggeo emulator that records what it was asked and how many body bytes it got out. */
class MediaProxy {
  upstream = '';
  readonly seen: { method: string; range: string | undefined; status: number; sent: number }[] = [];
  private server: Server | null = null;
  private open = 0;
  private waiters: (() => void)[] = [];

  constructor(readonly mode: ProxyMode) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.open += 1;
      void this.forward(req.method ?? 'GET', req.url ?? '/', req.headers, res).finally(() => {
        this.open -= 1;
        if (this.open === 0) for (const wake of this.waiters.splice(0)) wake();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  /** Resolves once every proxied answer has finished or broken off. */
  idle(): Promise<void> {
    return this.open === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async forward(method: string, path: string, headers: IncomingHttpHeaders, res: ServerResponse): Promise<void> {
    const range = this.mode === 'pass' ? headers.range : undefined;
    const entry = { method, range, status: 0, sent: 0 };
    this.seen.push(entry);
    const up = await request(this.upstream + path, {
      method: method as 'GET' | 'HEAD',
      headers: { authorization: headers.authorization ?? '', ...(range !== undefined && { range }) },
    });
    entry.status = up.statusCode;
    const out: Record<string, string> = {};
    for (const name of ['content-type', 'content-length', 'content-range', 'accept-ranges', 'location']) {
      const value = up.headers[name];
      if (typeof value === 'string') out[name] = value;
    }
    if (this.mode !== 'pass') delete out['accept-ranges'];
    if (this.mode === 'ignore-range-chunked') delete out['content-length'];
    res.writeHead(up.statusCode, out);
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        entry.sent += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(up.body, counted, res);
    } catch {
      // the gateway hung up: pipeline destroyed the emulator's answer
    }
  }
}

/** `GET /downloads/<token>`: signed, expiring gateway URLs streaming Ziggeo media (README "Downloads"). */
describe('ziggeo downloads through the gateway', () => {
  let stack: ZiggeoGatewayStack;
  let offsetMs = 0;
  const ops = { authorization: 'Bearer ops-key-0123456789' };
  const other = { authorization: 'Bearer other-key-0123456789' };
  const videos = (): StoredVideo[] => [...stack.emulator.store.app(stack.app.token).videos.values()];

  async function fetchUrl(url: string, init: { method?: 'GET' | 'HEAD' | 'POST'; headers?: Record<string, string> } = {}) {
    const response = await request(url, { method: init.method ?? 'GET', headers: init.headers });
    const body = Buffer.from(await response.body.arrayBuffer());
    return { status: response.statusCode, headers: response.headers, body };
  }

  async function urlsOf(video: StoredVideo, expiresIn?: number, headers = ops, account = 'zig') {
    return dataOf(await stack.gql.exec(ZiggeoDownloadUrlsDocument, { account, tokenOrKey: video.token, expiresIn }, headers)).ziggeoVideo;
  }

  // the same application reached through proxies that behave as other origins might (see ProxyMode)
  const proxies = { pass: new MediaProxy('pass'), plain: new MediaProxy('ignore-range'), chunked: new MediaProxy('ignore-range-chunked') };

  before(async () => {
    await Promise.all(Object.values(proxies).map((p) => p.start()));
    stack = await startZiggeoGateway({
      extraAccounts: (baseUrl, app) => [
        ziggeoAccount(app, baseUrl, { id: 'zig-other' }),
        ...Object.entries(proxies).map(([name, proxy]) => {
          proxy.upstream = baseUrl;
          return ziggeoAccount(app, proxy.url, { id: `zig-${name}` });
        }),
      ],
      config: {
        apiKeys: [
          { name: 'ops', key: 'ops-key-0123456789', accounts: ['zig', 'zig-pass', 'zig-plain', 'zig-chunked'] },
          { name: 'other', key: 'other-key-0123456789', accounts: ['zig-other'] },
        ],
      },
      gateway: { now: () => Date.now() + offsetMs },
    });
  });
  after(async () => {
    await stack.close();
    await Promise.all(Object.values(proxies).map((p) => p.close()));
  });

  it('streams a video’s file and image with their type and length, no credentials needed', async () => {
    const video = videos().find((v) => stack.emulator.store.videoState(v, Date.now()) === 'READY')!;
    const main = stack.emulator.store.mainStream(video)!;
    const urls = await urlsOf(video);
    assert.ok(urls.videoDownloadUrl.startsWith(new URL(stack.gql.gateway.url).origin + '/downloads/'));
    const file = await fetchUrl(urls.videoDownloadUrl);
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-type'], 'video/mp4');
    assert.equal(file.headers['content-length'], String(main.video!.size));
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.match(String(file.headers['content-disposition']), /^attachment; filename="[0-9a-f]{32}-video\.mp4"$/);
    assert.deepEqual(file.body, (main.video as MemoryMedia).bytes);
    const image = await fetchUrl(urls.imageDownloadUrl);
    assert.equal(image.status, 200);
    assert.match(String(image.headers['content-type']), /^image\//);
    assert.ok(image.body.length > 0);
  });

  it('streams a stream’s own file, megabytes through in order', async () => {
    const video = videos().find((v) => v.streams.length > 1)!;
    const stream: StoredStream = video.streams[0]!;
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i + 4 <= bytes.length; i += 4) bytes.writeUInt32BE(i, i);
    stream.video = new MemoryMedia(bytes, 'video/webm');
    const urls = await urlsOf(video);
    const url = urls.streams.find((s) => s.id.length > 0 && Buffer.from(s.id, 'base64url').toString().endsWith(stream.token))!.videoDownloadUrl;
    const file = await fetchUrl(url);
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-type'], 'video/webm');
    assert.equal(file.headers['content-length'], String(bytes.length));
    assert.equal(sha256(file.body), sha256(bytes));
  });

  it('refuses tampered, forged and expired links with 403', async () => {
    const video = videos()[0]!;
    const { videoDownloadUrl } = await urlsOf(video, 60);
    const [base, token] = [videoDownloadUrl.slice(0, videoDownloadUrl.lastIndexOf('/') + 1), videoDownloadUrl.slice(videoDownloadUrl.lastIndexOf('/') + 1)];
    const sealed = Buffer.from(token, 'base64url');
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 0x01;
    assert.equal((await fetchUrl(base + flipped.toString('base64url'))).status, 403, 'a changed tag');
    const altered = Buffer.from(sealed);
    altered[altered.length - 30]! ^= 0x04;
    assert.equal((await fetchUrl(base + altered.toString('base64url'))).status, 403, 'altered claims under the same tag');
    const otherLink = (await urlsOf(videos()[1]!)).videoDownloadUrl;
    const other = Buffer.from(otherLink.slice(otherLink.lastIndexOf('/') + 1), 'base64url');
    const spliced = Buffer.concat([other.subarray(0, other.length - 16), sealed.subarray(sealed.length - 16)]);
    assert.equal((await fetchUrl(base + spliced.toString('base64url'))).status, 403, 'another link’s claims under this tag');
    assert.equal((await fetchUrl(base + 'garbage')).status, 403);
    assert.equal((await fetchUrl(videoDownloadUrl, { method: 'POST' })).status, 405);

    assert.equal((await fetchUrl(videoDownloadUrl)).status, 200);
    offsetMs = 61_000;
    try {
      const expired = await fetchUrl(videoDownloadUrl);
      assert.equal(expired.status, 403);
      assert.match(expired.body.toString(), /expired/);
    } finally {
      offsetMs = 0;
    }
  });

  it('answers 404 for objects gone or without media, and maps provider failures', async () => {
    const empty = videos().find((v) => v.streams.every((s) => !s.video))!;
    assert.equal((await fetchUrl((await urlsOf(empty)).videoDownloadUrl)).status, 404);

    const doomed = videos().find((v) => v !== empty)!;
    const urls = await urlsOf(doomed);
    dataOf(await stack.gql.exec(DeleteVideoDocument, { id: urls.id }, ops));
    const gone = await fetchUrl(urls.videoDownloadUrl);
    assert.equal(gone.status, 404);
    assert.doesNotMatch(gone.body.toString(), /127\.0\.0\.1|privateKey/);

    const live = await urlsOf(videos()[1]!);
    stack.emulator.injectFault({ kind: 'status', status: 401, pathIncludes: '/video', times: 1 });
    const denied = await fetchUrl(live.videoDownloadUrl);
    assert.equal(denied.status, 502);
    assert.match(denied.body.toString(), /PROVIDER_AUTH_FAILED/);
    stack.emulator.injectFault({ kind: 'status', status: 503, pathIncludes: '/video', times: 1 });
    assert.equal((await fetchUrl(live.videoDownloadUrl)).status, 504);
    stack.emulator.clearFaults();
  });

  it('keeps API keys to their accounts and bounds expiresIn', async () => {
    const video = videos()[0]!;
    const hidden = await stack.gql.exec(ZiggeoDownloadUrlsDocument, { account: 'zig', tokenOrKey: video.token }, other);
    assert.equal(codeOf(hidden), 'NOT_FOUND');
    const anonymous = await stack.gql.exec(ZiggeoDownloadUrlsDocument, { account: 'zig', tokenOrKey: video.token });
    assert.equal(anonymous.status, 401);
    for (const expiresIn of [59, 86_401, 0]) {
      assert.equal(codeOf(await stack.gql.exec(ZiggeoDownloadUrlsDocument, { account: 'zig', tokenOrKey: video.token, expiresIn }, ops)), 'BAD_USER_INPUT');
    }
  });
  /** A READY video whose main stream now holds `bytes`, and its download URL through `account`. */
  async function mediaVideo(bytes: Buffer, account = 'zig', media: Media = new MemoryMedia(bytes, 'video/mp4')) {
    const video = videos().find((v) => stack.emulator.store.videoState(v, Date.now()) === 'READY' && stack.emulator.store.mainStream(v))!;
    stack.emulator.store.mainStream(video)!.video = media;
    return { video, url: (await urlsOf(video, undefined, ops, account)).videoDownloadUrl };
  }

  /** The answers a player can ask of one file: each compared by SHA-256 with the slice it names. */
  async function checkRanges(url: string, bytes: Buffer, label: string) {
    const total = bytes.length;
    const whole = await fetchUrl(url);
    assert.equal(whole.status, 200, label);
    assert.equal(whole.headers['accept-ranges'], 'bytes', label);
    assert.equal(whole.headers['content-length'], String(total), label);
    assert.equal(sha256(whole.body), sha256(bytes), label);

    const head = await fetchUrl(url, { method: 'HEAD' });
    assert.equal(head.status, 200, label);
    assert.equal(head.body.length, 0, label);
    for (const name of ['content-type', 'content-length', 'accept-ranges', 'content-disposition', 'x-content-type-options', 'content-security-policy', 'cache-control']) {
      assert.equal(head.headers[name], whole.headers[name], `${label}: HEAD ${name}`);
    }

    const cases: [string, number, number][] = [
      ['bytes=100-1099', 100, 1099],
      ['bytes=0-0', 0, 0],
      [`bytes=${total - 10}-`, total - 10, total - 1],
      ['bytes=-500', total - 500, total - 1],
      [`bytes=-${total + 5000}`, 0, total - 1], // a suffix longer than the file is all of it
      [`bytes=70000-${total + 99}`, 70000, total - 1], // an end past the file is cut to it
      ['bytes=4096-', 4096, total - 1],
      ['Bytes=,5-9', 5, 9], // the unit in any case, an empty list element allowed (RFC 9110 §5.6.1)
    ];
    for (const [range, start, end] of cases) {
      const part = await fetchUrl(url, { headers: { range } });
      assert.equal(part.status, 206, `${label}: ${range}`);
      assert.equal(part.headers['content-range'], `bytes ${start}-${end}/${total}`, `${label}: ${range}`);
      assert.equal(part.headers['content-length'], String(end - start + 1), `${label}: ${range}`);
      assert.equal(part.headers['accept-ranges'], 'bytes', `${label}: ${range}`);
      assert.equal(part.headers['x-content-type-options'], 'nosniff', `${label}: ${range}`);
      assert.match(String(part.headers['content-disposition']), /^attachment; /, `${label}: ${range}`);
      assert.equal(sha256(part.body), sha256(bytes.subarray(start, end + 1)), `${label}: ${range}`);
    }

    for (const range of [`bytes=${total}-`, `bytes=${total + 10}-${total + 20}`, 'bytes=-0', 'bytes=99999999999999999999999-']) {
      const refused = await fetchUrl(url, { headers: { range } });
      assert.equal(refused.status, 416, `${label}: ${range}`);
      assert.equal(refused.headers['content-range'], `bytes */${total}`, `${label}: ${range}`);
      assert.match(refused.body.toString(), /BAD_USER_INPUT/, `${label}: ${range}`);
    }

    // several ranges, malformed or foreign ones, and an If-Range we cannot match: the whole file (RFC 9110 §14.2)
    for (const headers of <Record<string, string>[]>[
      { range: 'bytes=0-9,20-29' },
      { range: 'bytes=9-5' },
      { range: 'bytes=abc' },
      { range: 'items=0-9' },
      { range: 'bytes=0-9', 'if-range': '"v1"' },
    ]) {
      const full = await fetchUrl(url, { headers });
      assert.equal(full.status, 200, `${label}: ${JSON.stringify(headers)}`);
      assert.equal(full.headers['content-range'], undefined, `${label}: ${JSON.stringify(headers)}`);
      assert.equal(sha256(full.body), sha256(bytes), `${label}: ${JSON.stringify(headers)}`);
    }
    // HEAD ignores Range, as GET is the only method it is defined for
    const headRange = await fetchUrl(url, { method: 'HEAD', headers: { range: 'bytes=0-9' } });
    assert.equal(headRange.status, 200, label);
    assert.equal(headRange.headers['content-length'], String(total), label);
  }

  it('the emulator answers Range and HEAD as a static media origin does', async () => {
    const bytes = patterned(300_007);
    const { video } = await mediaVideo(bytes);
    const url = `${stack.emulator.baseUrl}/v1/videos/${video.token}/video`;
    const auth = { authorization: `Basic ${Buffer.from(`${stack.app.token}:${stack.app.privateKey}`).toString('base64')}` };
    const spool = new MediaSpool(0);
    try {
      const writer = spool.writer('video/mp4');
      await writer.write(bytes);
      const filed = await writer.finish();
      // a file on disk read from an offset, bytes in memory, and media that only open whole (cut as they pass)
      const opened: Media = { size: bytes.length, contentType: 'video/mp4', open: () => Readable.from([bytes.subarray(0, 4096), bytes.subarray(4096)]) };
      for (const [media, label] of [
        [new MemoryMedia(bytes, 'video/mp4'), 'memory'],
        [filed, 'file'],
        [opened, 'whole-only'],
      ] as const) {
        stack.emulator.store.mainStream(video)!.video = media;
        const whole = await fetchUrl(url, { headers: auth });
        assert.equal(whole.status, 200, label);
        assert.equal(whole.headers['accept-ranges'], 'bytes', label);
        assert.equal(sha256(whole.body), sha256(bytes), label);
        const head = await fetchUrl(url, { method: 'HEAD', headers: auth });
        assert.deepEqual([head.status, head.headers['content-length'], head.headers['accept-ranges'], head.body.length], [200, String(bytes.length), 'bytes', 0], label);
        for (const [range, start, end] of [
          ['bytes=4000-4200', 4000, 4200],
          ['bytes=-7', bytes.length - 7, bytes.length - 1],
          ['bytes=299000-', 299_000, bytes.length - 1],
        ] as const) {
          const part = await fetchUrl(url, { headers: { ...auth, range } });
          assert.equal(part.status, 206, `${label}: ${range}`);
          assert.equal(part.headers['content-range'], `bytes ${start}-${end}/${bytes.length}`, `${label}: ${range}`);
          assert.equal(part.headers['content-length'], String(end - start + 1), `${label}: ${range}`);
          assert.equal(sha256(part.body), sha256(bytes.subarray(start, end + 1)), `${label}: ${range}`);
        }
        const refused = await fetchUrl(url, { headers: { ...auth, range: `bytes=${bytes.length}-` } });
        assert.deepEqual([refused.status, refused.headers['content-range']], [416, `bytes */${bytes.length}`], label);
        const several = await fetchUrl(url, { headers: { ...auth, range: 'bytes=0-1,4-5' } });
        assert.deepEqual([several.status, sha256(several.body)], [200, sha256(bytes)], label);
      }
    } finally {
      spool.dispose();
    }
  });

  it('serves HEAD and single ranges, the provider answering the range itself', async () => {
    const bytes = patterned(1024 * 1024 + 7);
    const { url } = await mediaVideo(bytes, 'zig-pass');
    proxies.pass.seen.length = 0;
    await checkRanges(url, bytes, 'provider ranges');
    // the range went upstream and came back a 206; HEAD went upstream as HEAD
    const ranged = proxies.pass.seen.find((s) => s.range === 'bytes=100-1099');
    assert.deepEqual(ranged && [ranged.method, ranged.status, ranged.sent], ['GET', 206, 1000]);
    assert.ok(proxies.pass.seen.some((s) => s.method === 'HEAD' && s.status === 200 && s.sent === 0));
    assert.deepEqual(proxies.pass.seen.find((s) => s.range === `bytes=${bytes.length}-`)?.status, 416);
    assert.ok(!proxies.pass.seen.some((s) => s.range?.includes(',')), 'several ranges are not forwarded');
  });

  it('cuts the range itself from a provider that ignores Range, reading no further than it', async () => {
    const bytes = patterned(1024 * 1024 + 7);
    const { url } = await mediaVideo(bytes, 'zig-plain');
    await checkRanges(url, bytes, 'whole-file provider');
    assert.ok(
      proxies.plain.seen.every((s) => s.status === 200),
      'the provider only ever sent whole files',
    );

    // the provider's body is dropped once the span is out: far less than the file crosses
    const big = patterned(16 * 1024 * 1024);
    const { url: bigUrl } = await mediaVideo(big, 'zig-plain');
    proxies.plain.seen.length = 0;
    const head = await fetchUrl(bigUrl, { headers: { range: 'bytes=1000-1999' } });
    assert.equal(head.status, 206);
    assert.equal(sha256(head.body), sha256(big.subarray(1000, 2000)));
    await proxies.plain.idle();
    assert.ok(proxies.plain.seen[0]!.sent < big.length / 2, `sent ${proxies.plain.seen[0]!.sent} of ${big.length}`);
  });

  it('sends the whole file when the provider gives no length, and checks tokens before any upstream call', async () => {
    const bytes = patterned(200_000);
    const { url } = await mediaVideo(bytes, 'zig-chunked');
    const whole = await fetchUrl(url, { headers: { range: 'bytes=0-99' } });
    assert.equal(whole.status, 200);
    assert.equal(whole.headers['content-length'], undefined);
    assert.equal(whole.headers['accept-ranges'], undefined, 'no seeking without a length');
    assert.equal(sha256(whole.body), sha256(bytes));

    const before = stack.emulator.log.entries.length;
    const forged = url.slice(0, -2) + (url.endsWith('AA') ? 'BB' : 'AA');
    for (const method of ['GET', 'HEAD'] as const) {
      const refused = await fetchUrl(forged, { method, headers: { range: 'bytes=0-9' } });
      assert.equal(refused.status, 403, method);
      assert.equal(refused.headers['content-range'], undefined, method);
    }
    assert.equal(stack.emulator.log.entries.length, before, 'no upstream call for a bad token');
    const put = await fetchUrl(url, { method: 'POST', headers: { range: 'bytes=0-9' } });
    assert.deepEqual([put.status, put.headers.allow], [405, 'GET, HEAD']);
  });
});
