import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { EncodingStatus, VideoStatus } from '../../../src/domain/types';
import { fromGlobalId } from '../../../src/domain/ids';
import { VidmeshError } from '../../../src/errors';
import { DEMO_MEDIA_PER_USER } from '../../../emulators/dailymotion';
import { PROCESSING_MS, startDailymotionStack, type DailymotionStack } from './stack';

const code = (error: unknown) => (error instanceof VidmeshError ? error.code : String(error));

describe('DailymotionDatasource ↔ emulator: media as videos (dailymotion spec §5.1)', () => {
  let s: DailymotionStack;
  before(async () => {
    s = await startDailymotionStack();
  });
  after(() => s.close());
  beforeEach(() => {
    s.emulator.calls.length = 0;
    s.emulator.log.clear();
  });

  const user = () => s.emulator.store.user(s.account.userId);

  it('lists newest first, one media.list per slice, slices that join up', async () => {
    const first = await s.ds.listVideos({ offset: 0, count: 10 });
    const second = await s.ds.listVideos({ offset: 10, count: 10 });
    const both = await s.ds.listVideos({ offset: 0, count: 20 });
    assert.deepEqual(
      [...first, ...second].map((v) => v.nativeId),
      both.map((v) => v.nativeId),
    );
    const created = both.map((v) => v.createdAt!.getTime());
    assert.deepEqual(
      created,
      [...created].sort((a, b) => b - a),
    );
    assert.equal(s.calls('media.list').length, 3);
    assert.equal(
      s.emulator.log.count((e) => e.path === '/api' && e.account === s.account.userId),
      3,
    );
    const all = await s.ds.listVideos({ offset: 0, count: 150 });
    assert.equal(all.length, DEMO_MEDIA_PER_USER);
    assert.equal(all[0]!.kind, 'DailymotionMedia');
    assert.deepEqual(fromGlobalId(all[0]!.id), { type: 'DailymotionMedia', account: 'dm', nativeId: all[0]!.nativeId });
  });

  it('derives statuses from the assets, with every status in the demo data, and filters on them', async () => {
    const all = await s.ds.listVideos({ offset: 0, count: 100 });
    for (const status of [VideoStatus.READY, VideoStatus.PROCESSING, VideoStatus.PENDING, VideoStatus.FAILED]) {
      const expected = all.filter((v) => v.status === status).map((v) => v.nativeId);
      assert.ok(expected.length > 0, `demo data has ${status} media`);
      assert.deepEqual(
        (await s.ds.listVideos({ offset: 0, count: 100, status })).map((v) => v.nativeId),
        expected,
      );
      assert.deepEqual(
        (await s.ds.listVideos({ offset: 1, count: 1, status })).map((v) => v.nativeId),
        expected.slice(1, 2),
      );
    }
    const noSource = all.find((v) => v.rawStatus === 'no_source')!;
    assert.equal(noSource.status, VideoStatus.PENDING);
    const ready = all.find((v) => v.status === VideoStatus.READY)!;
    assert.ok(ready.duration! > 0 && ready.fileSize! > 0 && ready.width === 1280 && ready.title);
  });

  it('gets many media in parallel, errors in place: unknown 1010 → NOT_FOUND, malformed 630 → BAD_USER_INPUT', async () => {
    const [a] = [...user().media.keys()];
    const got = await s.ds.getVideos([a!, 'ffffffffffffffffffffffff', 'b87186c84e1b015a0000000']);
    assert.equal((got[0] as { nativeId: string }).nativeId, a);
    assert.equal(code(got[1]), 'NOT_FOUND');
    assert.equal(code(got[2]), 'BAD_USER_INPUT');
    assert.match((got[1] as Error).message, /media not found/);
    assert.equal((got[2] as VidmeshError).extensions.providerCode, 630);
  });

  it('asks only for the fields a caller needs, nested, with signed URLs when asked', async () => {
    const id = (await s.ds.listVideos({ offset: 0, count: 1, status: VideoStatus.READY }))[0]!.nativeId;
    const titled = await s.ds.getMedia(id, ['meta.title']);
    assert.ok(titled.title);
    assert.equal(titled.assets, null);
    assert.equal(titled.status, VideoStatus.UNKNOWN, 'no assets asked, no status known');
    const withUrls = await s.ds.getMedia(id, ['assets.mp4_h264_aac.stream_url', 'assets.mp4_h264_aac.status']);
    const asset = withUrls.assets!.find((a) => a.name === 'mp4_h264_aac')!;
    assert.match(asset.streamUrl!, new RegExp(`^${s.emulator.baseUrl}/route/${s.account.userId}/${id}/mp4_h264_aac\\.mp4\\?auth=\\d+-0-`));
    assert.equal(asset.status, EncodingStatus.READY);
    const page = await s.ds.listMedia({ perPage: 3, page: 2, fields: ['meta.title'], filter: { 'meta.category': 'news' }, sort: [['meta.title', 1]] });
    const news = [...user().media.values()]
      .filter((m) => m.meta.category === 'news')
      .map((m) => m.meta.title)
      .sort();
    assert.deepEqual(
      page.items.map((m) => m.title),
      news.slice(3, 6),
    );
    assert.equal(page.total, news.length);
    assert.equal(page.pages, Math.ceil(news.length / 3));
    assert.equal(await s.ds.countMedia(), user().media.size);
    assert.equal(await s.ds.countMedia({ 'meta.category': 'news' }), news.length);
    await assert.rejects(s.ds.listMedia({ filter: { $where: 'true' } }), (e) => code(e) === 'BAD_USER_INPUT');
    await assert.rejects(s.ds.listMedia({ perPage: 1000 }), (e) => code(e) === 'BAD_USER_INPUT');
  });

  it('creates from a URL with assets in one call, processing over clock time until READY', async () => {
    const video = await s.ds.createVideoFromUrl({ sourceUrl: 'http://example.com/clip.mp4', title: 'Launch', profiles: ['mp4_h264_aac', 'jpeg_thumbnail_small'] });
    assert.equal(video.title, 'Launch');
    assert.equal(video.status, VideoStatus.PENDING);
    assert.deepEqual(
      video.assets!.map((a) => `${a.name}:${a.rawStatus}`),
      ['source:pending', 'mp4_h264_aac:pending', 'jpeg_thumbnail_small:pending'],
    );
    assert.deepEqual(
      s.calls().map((c) => c.call),
      ['media.create', 'media.info'],
    );
    s.emulator.clock.advance(PROCESSING_MS / 2);
    assert.equal((await s.ds.getMedia(video.nativeId)).status, VideoStatus.PROCESSING);
    s.emulator.clock.advance(PROCESSING_MS);
    const encodings = (await s.ds.getEncodingsByVideo([video.nativeId]))[0] as { status: EncodingStatus }[];
    assert.deepEqual(
      encodings.map((e) => e.status),
      [EncodingStatus.PROCESSING, EncodingStatus.PROCESSING],
    );
    s.emulator.clock.advance(PROCESSING_MS);
    const done = await s.ds.getMedia(video.nativeId);
    assert.equal(done.status, VideoStatus.READY);
    assert.equal(done.width, 1280);
    await assert.rejects(s.ds.createVideoFromUrl({ sourceUrl: 'ftp://x/y' }), (e) => code(e) === 'BAD_USER_INPUT');
    await assert.rejects(s.ds.createVideoFromUrl({ sourceUrl: 'http://x/y', pathFormat: 'a/b' }), (e) => code(e) === 'BAD_USER_INPUT');
    await assert.rejects(s.ds.createVideoFromUrl({ sourceUrl: 'http://x/y', profiles: ['mp5_h999'] }), (e) => code(e) === 'BAD_USER_INPUT');
  });

  it('a source that cannot be fetched fails the media and its assets', async () => {
    const video = await s.ds.createVideoFromUrl({ sourceUrl: `${s.emulator.baseUrl}/uploads/never-uploaded.mp4` });
    assert.deepEqual(
      video.assets!.map((a) => a.name),
      ['source', 'mp4_h264_aac', 'jpeg_thumbnail_medium'],
      'active assets by default',
    );
    s.emulator.clock.advance(PROCESSING_MS);
    const failed = await s.ds.getMedia(video.nativeId);
    assert.equal(failed.status, VideoStatus.FAILED);
    assert.equal(failed.rawStatus, 'error');
  });

  it('deletes: then NOT_FOUND, twice NOT_FOUND', async () => {
    const id = await s.ds.createMedia();
    await s.ds.deleteVideo(id);
    assert.equal(code((await s.ds.getVideos([id]))[0]), 'NOT_FOUND');
    await assert.rejects(s.ds.deleteVideo(id), (e) => code(e) === 'NOT_FOUND');
  });

  it('gets, sets and removes meta', async () => {
    const id = await s.ds.createMedia({ meta: { title: 'T', author: 'A' } });
    await s.ds.setMeta(id, { author: 'B', rating: 4.5, tags: ['x'] });
    assert.deepEqual(await s.ds.getMeta(id), { title: 'T', author: 'B', rating: 4.5, tags: ['x'] });
    assert.deepEqual(await s.ds.getMeta(id, ['title', 'nope']), { title: 'T' });
    await s.ds.removeMeta(id, ['author', 'tags']);
    assert.deepEqual(await s.ds.getMeta(id), { title: 'T', rating: 4.5 });
    assert.equal((await s.ds.getMedia(id)).title, 'T');
  });
});
