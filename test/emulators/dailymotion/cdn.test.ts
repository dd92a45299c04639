import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { EncodingStatus, VideoStatus } from '../../../src/domain/types';
import { VidmeshError } from '../../../src/errors';
import { SIGNING_ERRORS, type SecurityPolicy } from '../../../src/providers/dailymotion';
import { startDailymotionStack, type DailymotionStack } from '../../providers/dailymotion/stack';

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; type: string }> {
  const response = await request(url, { headers: { 'user-agent': 'vidmesh-test', ...headers } });
  return { status: response.statusCode, text: await response.body.text(), type: String(response.headers['content-type']) };
}

/** One character of the digest changed, all else kept. */
function tamper(url: string): string {
  return url.replace(/(auth=\d+-\d+-[a-z0-9]+-)([0-9a-f])/, (_, head: string, c: string) => head + (c === '0' ? '1' : '0'));
}

describe('the emulator CDN verifies signed URLs (dailymotion spec §7.8, §11 item 8)', () => {
  let s: DailymotionStack;
  let media: string;
  let pendingMedia: string;
  before(async () => {
    s = await startDailymotionStack();
    const all = await s.ds.listVideos({ offset: 0, count: 100 });
    media = all.find((m) => m.status === VideoStatus.READY && m.assets!.some((a) => a.name === 'jpeg_thumbnail_medium'))!.nativeId;
    pendingMedia = all.find((m) => m.status === VideoStatus.PENDING && m.assets!.some((a) => a.status === EncodingStatus.QUEUED))!.nativeId;
  });
  after(() => s.close());

  const policyUrl = (policy: SecurityPolicy) => s.ds.streamUrl(media, { policy });

  it('serves fresh signed stream, download, embed, swf and qtref URLs, and unsigned thumbnails', async () => {
    const stream = await get(s.ds.streamUrl(media));
    assert.deepEqual([stream.status, stream.type, stream.text.trim()], [200, 'video/mp4', `mp4:${media}/mp4_h264_aac`]);
    assert.equal((await get(s.ds.streamUrl(media, { download: true, filename: 'My clip.mp4' }))).status, 200);
    assert.equal((await get(s.ds.embedUrl(media, { skin: 'dark' }))).status, 200);
    assert.equal((await get(s.ds.swfUrl(media))).status, 200);
    assert.equal((await get(s.ds.qtrefUrl(media))).status, 200);
    const thumb = await get(s.ds.thumbnailUrl(media, 'medium'));
    assert.deepEqual([thumb.status, thumb.type], [200, 'image/jpeg']);
    assert.equal((await get(s.ds.thumbnailUrl(pendingMedia, 'medium'))).status, 404, 'not ready yet');
    assert.equal((await get(s.ds.streamUrl(pendingMedia))).status, 404, 'signed, but the asset is not ready');
    assert.equal((await get(s.ds.streamUrl(media, { assetName: 'flv_h263_mp3_ld' }))).status, 404);
    const hits = (await s.ds.getMedia(media, ['stats.global.total'])).stats as { global: { total: number } };
    assert.ok(hits.global.total >= 2);
  });

  it('refuses tampered URLs with 403: digest, path, expiry, missing auth', async () => {
    const url = s.ds.streamUrl(media);
    const refused = await get(tamper(url));
    assert.deepEqual([refused.status, refused.text.trim()], [403, 'Forbidden: bad signature']);
    assert.equal((await get(url.replace(media, pendingMedia))).status, 403, 'another media with the same token');
    assert.equal((await get(url.replace(/auth=(\d+)/, (_, e: string) => `auth=${Number(e) + 3600}`))).status, 403, 'a longer expiry');
    assert.equal((await get(url.split('?')[0]!)).status, 403);
    assert.equal((await get(tamper(s.ds.embedUrl(media)))).status, 403);
    assert.equal((await get(url)).status, 200, 'the genuine one still works');
  });

  it('refuses expired URLs with 403 once the clock passes expires', async () => {
    const expiresAt = Math.floor(s.now() / 1000) + 60;
    const url = policyUrl({ expiresAt });
    assert.equal((await get(url)).status, 200);
    s.emulator.clock.advance(60_000 - (s.now() % 1000));
    assert.equal((await get(url)).status, 200, 'at the expiry second itself');
    s.emulator.clock.advance(1000);
    const late = await get(url);
    assert.deepEqual([late.status, late.text.trim()], [403, 'Forbidden: expired']);
    assert.equal((await get(s.ds.streamUrl(media))).status, 200, 'a URL signed now still works');
  });

  it('locks IP, user agent and AS number when those levels are set', async () => {
    assert.equal((await get(policyUrl({ levels: ['IP'], ip: '127.0.0.1' }))).status, 200);
    assert.equal((await get(policyUrl({ levels: ['IP'], ip: '10.1.2.3' }))).status, 403);
    const ua = policyUrl({ levels: ['USERAGENT'], userAgent: 'Player/1.0' });
    assert.equal((await get(ua, { 'user-agent': 'Player/1.0' })).status, 200);
    assert.equal((await get(ua, { 'user-agent': 'Other/2.0' })).status, 403);
    assert.equal((await get(policyUrl({ levels: ['ASNUM', 'IP'], asnum: '64512', ip: '127.0.0.1' }))).status, 200);
    assert.equal((await get(policyUrl({ levels: ['ASNUM'], asnum: '3215' }))).status, 403);
  });

  it('USEONCE serves once; DELEGATE locks the first viewer', async () => {
    const once = policyUrl({ levels: ['USEONCE'] });
    assert.equal((await get(once)).status, 200);
    assert.equal((await get(once)).status, 403);
    const delegated = policyUrl({ levels: ['DELEGATE', 'USERAGENT'] });
    assert.equal((await get(delegated, { 'user-agent': 'First/1' })).status, 200);
    assert.equal((await get(delegated, { 'user-agent': 'First/1' })).status, 200);
    assert.equal((await get(delegated, { 'user-agent': 'Second/1' })).status, 403);
  });

  it('enforces countries (viewer country ZZ by default) and referers', async () => {
    assert.equal((await get(policyUrl({ levels: ['COUNTRY'], countries: ['fr', 'be'] }))).status, 403);
    assert.equal((await get(policyUrl({ levels: ['COUNTRY'], countries: ['fr'], countriesMode: 'DENY' }))).status, 200);
    assert.equal((await get(policyUrl({ levels: ['COUNTRY'], countries: ['ZZ'] }))).status, 200);
    const rf = policyUrl({ levels: ['REFERER'], referers: ['http://good.example/'] });
    assert.equal((await get(rf, { referer: 'http://good.example/page' })).status, 200);
    assert.equal((await get(rf, { referer: 'http://evil.example/' })).status, 403);
    assert.equal((await get(rf)).status, 200, 'no Referer: allowed unless strict');
    assert.equal((await get(policyUrl({ levels: ['REFERER_STRICT'], referers: ['http://good.example/'] }))).status, 403);
  });

  it('checks a DRM token appended to an embed URL', async () => {
    const expires = Math.floor(s.now() / 1000) + 600;
    const url = s.ds.embedUrl(media, { drmToken: { rights: { hd: true }, expires } });
    assert.equal((await get(url)).status, 200);
    const token = url.split('drm_token=')[1]!;
    const forged = Buffer.from(Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString().replace('"hd": true', '"hd": false'))
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    assert.equal((await get(url.replace(token, forged))).status, 403);
    const old = s.ds.embedUrl(media, { drmToken: { expires: Math.floor(s.now() / 1000) - 1 } });
    assert.equal((await get(old)).status, 403);
  });

  it("a policy missing a level's value is BAD_USER_INPUT with the SDK's message (spec §7.6)", () => {
    const message = (policy: SecurityPolicy) => {
      try {
        s.ds.streamUrl(media, { policy });
      } catch (e) {
        assert.equal((e as VidmeshError).code, 'BAD_USER_INPUT');
        return (e as Error).message;
      }
      return 'signed';
    };
    assert.equal(message({ levels: ['ASNUM'] }), SIGNING_ERRORS.A);
    assert.equal(message({ levels: ['IP', 'ASNUM'], ip: '1.2.3.4' }), SIGNING_ERRORS.A);
    assert.equal(message({ levels: ['IP'], ip: '' }), SIGNING_ERRORS.B);
    assert.equal(message({ levels: ['USERAGENT'] }), SIGNING_ERRORS.C);
    assert.equal(message({ levels: ['COUNTRY'], countries: [] }), SIGNING_ERRORS.D);
    assert.equal(message({ levels: ['COUNTRY'], countries: ['fra'] }), SIGNING_ERRORS.F);
    assert.equal(message({ levels: ['REFERER'] }), SIGNING_ERRORS.G);
    assert.equal(message({ levels: ['DELEGATE', 'ASNUM', 'COUNTRY', 'REFERER'] }), 'signed');
    assert.throws(() => s.ds.streamUrl(media, { assetName: 'abs' }), /protocol is required for abs asset_name/);
  });
});
