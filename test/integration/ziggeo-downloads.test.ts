import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import type { StoredStream, StoredVideo } from '../../emulators/ziggeo';
import { MemoryMedia } from '../../emulators/ziggeo';
import { DeleteVideoDocument, ZiggeoDownloadUrlsDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { sha256 } from '../uploads/support';
import { codeOf, startZiggeoGateway, ziggeoAccount, type ZiggeoGatewayStack } from './ziggeo-gateway';

/** `GET /downloads/<token>`: signed, expiring gateway URLs streaming Ziggeo media (README "Downloads"). */
describe('ziggeo downloads through the gateway', () => {
  let stack: ZiggeoGatewayStack;
  let offsetMs = 0;
  const ops = { authorization: 'Bearer ops-key-0123456789' };
  const other = { authorization: 'Bearer other-key-0123456789' };
  const videos = (): StoredVideo[] => [...stack.emulator.store.app(stack.app.token).videos.values()];

  async function fetchUrl(url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string> } = {}) {
    const response = await request(url, { method: init.method ?? 'GET', headers: init.headers });
    const body = Buffer.from(await response.body.arrayBuffer());
    return { status: response.statusCode, headers: response.headers, body };
  }

  async function urlsOf(video: StoredVideo, expiresIn?: number, headers = ops) {
    return dataOf(await stack.gql.exec(ZiggeoDownloadUrlsDocument, { account: 'zig', tokenOrKey: video.token, expiresIn }, headers)).ziggeoVideo;
  }

  before(async () => {
    stack = await startZiggeoGateway({
      extraAccounts: (baseUrl, app) => [ziggeoAccount(app, baseUrl, { id: 'zig-other' })],
      config: {
        apiKeys: [
          { name: 'ops', key: 'ops-key-0123456789', accounts: ['zig'] },
          { name: 'other', key: 'other-key-0123456789', accounts: ['zig-other'] },
        ],
      },
      gateway: { now: () => Date.now() + offsetMs },
    });
  });
  after(() => stack.close());

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
    const [payload, mac] = token.split('.') as [string, string];
    const flipped = `${payload}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    assert.equal((await fetchUrl(base + flipped)).status, 403);
    const sealed = Buffer.from(payload, 'base64url');
    sealed[20] ^= 0x04;
    assert.equal((await fetchUrl(`${base}${sealed.toString('base64url')}.${mac}`)).status, 403, 'altered claims under the same signature');
    const otherLink = (await urlsOf(videos()[1]!)).videoDownloadUrl;
    const otherPayload = otherLink.slice(otherLink.lastIndexOf('/') + 1).split('.')[0]!;
    assert.equal((await fetchUrl(`${base}${otherPayload}.${mac}`)).status, 403, 'another link’s claims under this signature');
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
});
