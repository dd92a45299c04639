import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { EncodingStatus, VideoStatus } from '../../../src/domain/types';
import { VidmeshError } from '../../../src/errors';
import { KNOWN_PRESETS, type DailymotionAssetRecord } from '../../../src/providers/dailymotion';
import { PROCESSING_MS, startDailymotionStack, streamOf, type DailymotionStack } from './stack';

const code = (error: unknown) => (error instanceof VidmeshError ? error.code : String(error));

describe('DailymotionDatasource ↔ emulator: assets, presets, thumbnails, settings, users, upload (dailymotion spec §5, §6)', () => {
  let s: DailymotionStack;
  before(async () => {
    s = await startDailymotionStack();
  });
  after(() => s.close());
  beforeEach(() => {
    s.emulator.calls.length = 0;
  });

  /** A demo media that is READY with a medium thumbnail (media made by earlier tests are newer). */
  const readyMedia = async () => {
    const ready = await s.ds.listVideos({ offset: 0, count: 100, status: VideoStatus.READY });
    s.emulator.calls.length = 0;
    return ready.find((m) => m.assets!.some((a) => a.name === 'jpeg_thumbnail_medium'))!;
  };

  it("lists a media's encodings (assets less source) and reads many assets with one get_assets per media", async () => {
    const media = await readyMedia();
    const [list] = (await s.ds.getEncodingsByVideo([media.nativeId])) as DailymotionAssetRecord[][];
    assert.ok(list!.length >= 2 && list!.every((a) => a.name !== 'source' && a.kind === 'DailymotionAsset' && a.videoNativeId === media.nativeId));
    const mp4 = list!.find((a) => a.name === 'mp4_h264_aac')!;
    assert.deepEqual(
      [mp4.status, mp4.rawStatus, mp4.progress, mp4.container, mp4.videoCodec, mp4.width, mp4.height],
      [EncodingStatus.READY, 'ready', 100, 'mp4', 'h264', 640, 360],
    );
    assert.ok(mp4.fileSize! > 0 && mp4.duration! > 0 && mp4.createdAt instanceof Date);
    const thumb = list!.find((a) => a.name === 'jpeg_thumbnail_medium')!;
    assert.deepEqual([thumb.container, thumb.audioCodec, thumb.width], ['jpeg', null, 160]);
    s.emulator.calls.length = 0;
    const got = await s.ds.getEncodings([mp4.nativeId, thumb.nativeId, `${media.nativeId}:abs`, 'nonsense']);
    assert.equal((got[0] as DailymotionAssetRecord).name, 'mp4_h264_aac');
    assert.equal((got[1] as DailymotionAssetRecord).name, 'jpeg_thumbnail_medium');
    assert.equal(code(got[2]), 'NOT_FOUND');
    assert.equal(code(got[3]), 'BAD_USER_INPUT');
    assert.equal(s.calls('media.get_assets').length, 1);
    await assert.rejects(s.ds.getAssets(media.nativeId, ['abs']), (e) => code(e) === 'NOT_FOUND');
  });

  it('every asset state appears in the demo data, normalized with the raw status kept', async () => {
    const all = await s.ds.listVideos({ offset: 0, count: 100 });
    const states = new Map(all.flatMap((m) => m.assets ?? []).map((a) => [a.rawStatus, a.status]));
    assert.deepEqual(Object.fromEntries(states), {
      ready: EncodingStatus.READY,
      processing: EncodingStatus.PROCESSING,
      pending: EncodingStatus.QUEUED,
      error: EncodingStatus.FAILED,
    });
  });

  it('creates an encoding with set_assets and retries a failed one', async () => {
    const media = await readyMedia();
    const created = await s.ds.createEncoding({ videoId: media.nativeId, profileName: 'flv_h263_mp3_ld' });
    assert.equal(created.status, EncodingStatus.PROCESSING, 'the source is ready: it starts at once');
    assert.deepEqual(
      s.calls().map((c) => c.call),
      ['media.set_assets', 'media.get_assets'],
    );
    s.emulator.clock.advance(PROCESSING_MS);
    assert.equal((await s.ds.getAsset(media.nativeId, 'flv_h263_mp3_ld')).status, EncodingStatus.READY);
    const all = await s.ds.listVideos({ offset: 0, count: 100 });
    const failed = all
      .flatMap((m) => m.assets ?? [])
      .find((a) => a.status === EncodingStatus.FAILED && a.name !== 'source' && all.find((m) => m.nativeId === a.videoNativeId)!.rawStatus === 'ready')!;
    const retried = await s.ds.retryEncoding(failed.nativeId);
    assert.equal(retried.status, EncodingStatus.PROCESSING);
    await assert.rejects(s.ds.createEncoding({ videoId: media.nativeId }), (e) => code(e) === 'BAD_USER_INPUT');
    await assert.rejects(s.ds.retryEncoding('no-colon'), (e) => code(e) === 'BAD_USER_INPUT');
  });

  it('sets a source and assets on an empty media: encodings wait for the source', async () => {
    const id = await s.ds.createMedia({ assetNames: ['mp4_h264_aac'] });
    assert.equal((await s.ds.getAsset(id, 'mp4_h264_aac')).status, EncodingStatus.QUEUED);
    s.emulator.clock.advance(10 * PROCESSING_MS);
    assert.equal((await s.ds.getAsset(id, 'mp4_h264_aac')).status, EncodingStatus.QUEUED, 'no source, no progress');
    await s.ds.setAssets(id, [
      { name: 'source', url: 'http://example.com/a.mov' },
      { name: 'jpeg_thumbnail_large', url: 'http://example.com/t.jpg' },
    ]);
    s.emulator.clock.advance(3 * PROCESSING_MS);
    const assets = await s.ds.getAssets(id);
    assert.deepEqual(assets.map((a) => `${a.name}:${a.rawStatus}`).sort(), ['jpeg_thumbnail_large:ready', 'mp4_h264_aac:ready', 'source:ready']);
    await assert.rejects(s.ds.setAssets(id, [{ name: 'source' }]), (e) => code(e) === 'BAD_USER_INPUT');
  });

  it('sets thumbnails from a URL or a timecode', async () => {
    const media = await readyMedia();
    await s.ds.setThumbnail(media.nativeId, { timecode: '00:00:01.00', force: true });
    assert.equal((await s.ds.getAsset(media.nativeId, 'jpeg_thumbnail_medium')).status, EncodingStatus.PROCESSING);
    await s.ds.setThumbnail(media.nativeId, { url: 'http://example.com/cover.jpg' });
    await assert.rejects(s.ds.setThumbnail(media.nativeId, { timecode: 'soon' }), (e) => code(e) === 'BAD_USER_INPUT');
    assert.equal(s.ds.thumbnailUrl(media.nativeId, 'medium'), `${s.emulator.baseUrl}/${s.account.userId}/${media.nativeId}/jpeg_thumbnail_medium.jpeg`);
  });

  it('presets as profiles: known ones and the active ones flagged, from one call', async () => {
    const profiles = await s.ds.listProfiles();
    assert.deepEqual(
      profiles.map((p) => p.name),
      [...KNOWN_PRESETS],
    );
    assert.deepEqual(
      profiles.filter((p) => p.active).map((p) => p.name),
      ['mp4_h264_aac', 'jpeg_thumbnail_medium'],
    );
    assert.equal(profiles.find((p) => p.name === 'abs')!.adaptive, true);
    assert.equal(profiles.find((p) => p.name === 'flv_h263_mp3')!.extname, '.flv');
    const [hq, none] = await s.ds.getProfiles(['mp4_h264_aac_hq', 'nope']);
    assert.equal((hq as { kind: string }).kind, 'DailymotionPreset');
    assert.equal(code(none), 'NOT_FOUND');
    assert.equal(s.calls('encoding_settings.get_active_assets').length, 2);
  });

  it('manages encoding settings', async () => {
    await s.ds.enableAsset('flv_h263_mp3');
    await s.ds.disableAsset('jpeg_thumbnail_medium');
    assert.deepEqual(await s.ds.activeAssets(), ['mp4_h264_aac', 'flv_h263_mp3']);
    await s.ds.setAssetSetting('mp4_h264_aac', 'abitrate', '128');
    assert.equal(await s.ds.getAssetSetting('mp4_h264_aac', 'abitrate'), '128');
    await assert.rejects(s.ds.getAssetSetting('mp4_h264_aac', 'vbitrate'), (e) => code(e) === 'NOT_FOUND');
    await assert.rejects(s.ds.enableAsset('mp5'), (e) => code(e) === 'BAD_USER_INPUT');
    await s.ds.resetEncodingSettings();
    assert.deepEqual(await s.ds.activeAssets(), ['mp4_h264_aac', 'jpeg_thumbnail_medium']);
  });

  it('reads the user; another user needs admin rights', async () => {
    const me = await s.ds.whoami();
    assert.deepEqual([me.kind, me.userId, me.username], ['DailymotionUser', s.account.userId, 'demo']);
    assert.equal((await s.ds.userInfo()).userId, s.account.userId);
    await assert.rejects(s.ds.userInfo('5d2b5e4fefef943c0e000003'), (e) => code(e) === 'PROVIDER_AUTH_FAILED');
  });

  it('uploads a streamed file (file.upload, then multipart) and creates a media from it', async () => {
    const size = 3 * 1024 * 1024 + 17;
    const file = streamOf(size);
    const media = await s.ds.createMediaFromUpload({ body: file.body, size, fileName: 'holiday clip.mov' }, { assetNames: ['mp4_h264_aac'] });
    assert.equal(media.title, 'holiday clip');
    assert.deepEqual(
      s.calls().map((c) => c.call),
      ['file.upload', 'media.create', 'media.info'],
    );
    assert.equal(
      s.emulator.log.count((e) => e.path === '/upload' && e.status === 200),
      1,
    );
    s.emulator.clock.advance(PROCESSING_MS);
    assert.equal((await s.ds.getMedia(media.nativeId)).fileSize, size, 'the source is the uploaded file');
    const small = await s.ds.uploadFile({ body: Buffer.from('0123456789'), size: 10, fileName: 'video.3gp' });
    assert.deepEqual([small.name, small.size], ['video', 10]);
    assert.match(small.url, /\/uploads\/[0-9a-f]{32}\.3gp$/);
    await assert.rejects(s.ds.uploadFile({ body: streamOf(100).body, size: 200, fileName: 'short.mp4' }), (e) => code(e) === 'BAD_USER_INPUT');
    await assert.rejects(s.ds.uploadFile({ body: Buffer.alloc(3), size: 4, fileName: 'x.mp4' }), (e) => code(e) === 'BAD_USER_INPUT');
  });

  it('issues browser upload tickets with target and a progress URL', async () => {
    const ticket = await s.ds.uploadTicket({ target: 'http://app.example/done', status: true, jsonpCallback: '?' });
    const url = new URL(ticket.url);
    assert.deepEqual([...url.searchParams.keys()].sort(), ['seal', 'target', 'uuid']);
    const status = await fetch(ticket.statusUrl!.replace('callback=?', 'callback=cb'));
    assert.match(await status.text(), /^cb\(\{"state":"waiting","received":0,"size":null\}\)$/);
  });
});
