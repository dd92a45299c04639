import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EncodingStatus, VideoStatus } from '../../../src/domain/types';
import { fromGlobalId } from '../../../src/domain/ids';
import { encodingsOf, mapAsset, mapMedia, mediaStatus, parseAssetNativeId, parseCreated } from '../../../src/providers/dailymotion/map';
import { wireMedia } from '../../../src/providers/dailymotion/wire';

const ID = '4c922386dede830447000009';
const media = (assets: Record<string, string> | null) =>
  mapMedia(
    'dm',
    wireMedia.parse({
      id: ID,
      created: 1300000000,
      meta: { title: 'T' },
      ...(assets && { assets: Object.fromEntries(Object.entries(assets).map(([k, status]) => [k, { status }])) }),
    }),
  );

describe('dailymotion wire → domain', () => {
  it('maps asset statuses, keeps the raw one, ids as <media>:<asset>', () => {
    const a = mapAsset('dm', ID, 'mp4_h264_aac', { status: 'ready', video_width: 640, file_size: 10 });
    assert.deepEqual([a.status, a.rawStatus, a.progress, a.width, a.fileSize], [EncodingStatus.READY, 'ready', 100, 640, 10]);
    assert.deepEqual(fromGlobalId(a.id), { type: 'DailymotionAsset', account: 'dm', nativeId: `${ID}:mp4_h264_aac` });
    assert.deepEqual(parseAssetNativeId(a.nativeId), { mediaId: ID, name: 'mp4_h264_aac' });
    assert.equal(parseAssetNativeId('x:y:z'), null);
    const statuses = ['pending', 'processing', 'error', 'weird'].map((s) => mapAsset('dm', ID, 'x', { status: s }).status);
    assert.deepEqual(statuses, [EncodingStatus.QUEUED, EncodingStatus.PROCESSING, EncodingStatus.FAILED, EncodingStatus.UNKNOWN]);
  });

  it('derives the media status from the source, then the other assets', () => {
    const status = (assets: Record<string, string> | null) => {
      const m = media(assets);
      return `${m.status}/${m.rawStatus}`;
    };
    assert.equal(status(null), 'UNKNOWN/unknown');
    assert.equal(status({}), 'PENDING/no_source');
    assert.equal(status({ source: 'pending', mp4_h264_aac: 'pending' }), 'PENDING/pending');
    assert.equal(status({ source: 'processing' }), 'PROCESSING/processing');
    assert.equal(status({ source: 'ready', mp4_h264_aac: 'processing' }), 'PROCESSING/ready');
    assert.equal(status({ source: 'ready', mp4_h264_aac: 'ready', flv_h263_mp3: 'error' }), 'READY/ready');
    assert.equal(status({ source: 'error', mp4_h264_aac: 'error' }), 'FAILED/error');
    assert.equal(status({ mp4_h264_aac: 'ready' }), 'READY/no_source');
    assert.equal(status({ mp4_h264_aac: 'error' }), 'FAILED/no_source');
    assert.equal(mediaStatus([]).status, VideoStatus.PENDING);
  });

  it('reads created as Unix seconds (or ISO text), title from meta, sizes from the source', () => {
    assert.equal(parseCreated(1300000000)!.toISOString(), '2011-03-13T07:06:40.000Z');
    assert.equal(parseCreated('1300000000')!.toISOString(), '2011-03-13T07:06:40.000Z');
    assert.equal(parseCreated('2011-03-13T07:06:40Z')!.getTime(), 1300000000000);
    assert.equal(parseCreated('garbage'), null);
    const m = mapMedia(
      'dm',
      wireMedia.parse({ id: ID, meta: { title: 42 }, assets: { source: { status: 'ready', duration: 12.5, file_size: 99, video_width: 320, video_height: 240 } } }),
    );
    assert.deepEqual([m.title, m.duration, m.fileSize, m.width, m.height, m.kind], [null, 12.5, 99, 320, 240, 'DailymotionMedia']);
  });
});

describe('dailymotion encodingsOf', () => {
  it("gives the assets less source, to prime a video's encodings from a listing", () => {
    assert.deepEqual(
      encodingsOf(media({ source: 'ready', mp4_h264_aac: 'ready' }))!.map((a) => a.name),
      ['mp4_h264_aac'],
    );
    assert.equal(encodingsOf(media(null)), null);
  });
});
