import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { toGlobalId } from '../../src/domain/ids';
import { EmulatorClock } from '../../emulators/common/clock';
import { demoDailymotionAccounts, startDailymotionEmulator, type DailymotionEmulator } from '../../emulators/dailymotion';
import { CreateDrmTokenDocument, SignEmbedUrlDocument, SignStreamUrlDocument, ThumbnailUrlDocument, VideosDocument } from '../generated/graphql';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway';

/** Signed playback URLs made by the gateway, fetched from the emulator's CDN route (dailymotion spec §7). */
describe('dailymotion signed URLs through the gateway', () => {
  let emulator: DailymotionEmulator;
  let gql: TestGateway;
  let media: string;
  const user = demoDailymotionAccounts()[0]!;
  before(async () => {
    emulator = await startDailymotionEmulator({ accounts: [user], demoData: true, clock: new EmulatorClock() });
    gql = await startTestGateway([{ id: 'dm', provider: 'dailymotion', baseUrl: emulator.baseUrl, cdnUrl: emulator.baseUrl, userId: user.userId, apiKey: user.apiKey }]);
    const list = dataOf(await gql.exec(VideosDocument, { accounts: ['dm'], first: 1, filter: { status: 'READY' } }));
    media = list.videos.edges[0]!.node.id;
  });
  after(async () => {
    await gql.close();
    await emulator.close();
  });

  const fetchStatus = async (url: string, headers: Record<string, string> = {}) => {
    const response = await request(url, { headers });
    await response.body.dump();
    return response.statusCode;
  };

  it('a fresh URL plays; a tampered one and an expired one are refused', async () => {
    const signStreamUrl = dataOf(await gql.exec(SignStreamUrlDocument, { input: { media, policy: { levels: ['IP'], ip: '127.0.0.1' } } })).signStreamUrl!;
    assert.ok(signStreamUrl.url.startsWith(emulator.baseUrl));
    assert.ok(Date.parse(signStreamUrl.expiresAt!) > Date.now());
    assert.ok([200, 302].includes(await fetchStatus(signStreamUrl.url)), 'fresh URL accepted');
    const tampered = signStreamUrl.url.replace(/auth=([^&]*?)([0-9a-f])(&|$)/, (_, head: string, last: string, tail: string) => `auth=${head}${last === '0' ? '1' : '0'}${tail}`);
    assert.notEqual(tampered, signStreamUrl.url);
    assert.equal(await fetchStatus(tampered), 403);

    const short = dataOf(await gql.exec(SignStreamUrlDocument, { input: { media, policy: { expiresAt: new Date(Date.now() + 60_000).toISOString() } } })).signStreamUrl!;
    assert.ok([200, 302].includes(await fetchStatus(short.url)));
    emulator.clock.advance(5 * 60_000);
    assert.equal(await fetchStatus(short.url), 403, 'expired');
    emulator.clock.set(null);
  });

  it('checks the user agent level', async () => {
    const signStreamUrl = dataOf(
      await gql.exec(SignStreamUrlDocument, { input: { media, assetName: 'mp4_h264_aac', policy: { levels: ['USERAGENT'], userAgent: 'TestPlayer/1.0' } } }),
    ).signStreamUrl!;
    assert.ok([200, 302].includes(await fetchStatus(signStreamUrl.url, { 'user-agent': 'TestPlayer/1.0' })));
    assert.equal(await fetchStatus(signStreamUrl.url, { 'user-agent': 'Other/2.0' }), 403);
  });

  it('embed, thumbnail and DRM token', async () => {
    const embed = dataOf(await gql.exec(SignEmbedUrlDocument, { input: { media } })).signEmbedUrl!;
    assert.match(embed.url, /\/embed\//);
    const thumb = dataOf(await gql.exec(ThumbnailUrlDocument, { media, size: 'large' })).thumbnailUrl!;
    assert.match(thumb.url, /jpeg_thumbnail_large/);
    assert.equal(thumb.expiresAt, null);
    const drm = dataOf(await gql.exec(CreateDrmTokenDocument, { input: { media, rights: { play: true }, maxReplay: 2 } })).createDrmToken!;
    assert.ok(drm.token.length > 20);
  });

  it('bad input: missing per-level values, past expiry, wrong ids and types, other providers', async () => {
    const missing = await gql.exec(SignStreamUrlDocument, { input: { media, policy: { levels: ['IP'] } } });
    assert.equal(missing.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const past = await gql.exec(SignStreamUrlDocument, { input: { media, policy: { expiresAt: '2001-01-01T00:00:00Z' } } });
    assert.equal(past.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const badEnum = await gql.exec(SignStreamUrlDocument, { input: { media, policy: { levels: ['NOPE' as 'IP'] } } });
    assert.equal(badEnum.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await gql.exec(SignEmbedUrlDocument, { input: { media: 'nope' } })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await gql.exec(SignEmbedUrlDocument, { input: { media: toGlobalId('DailymotionMedia', 'other', 'x') } })).errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal((await gql.exec(SignEmbedUrlDocument, { input: { media: toGlobalId('PandaVideo', 'dm', 'x') } })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await gql.exec(ThumbnailUrlDocument, { media, size: 'huge' })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const all = JSON.stringify([missing, past]);
    assert.ok(!all.includes(user.apiKey), 'no secret in errors');
  });
});
