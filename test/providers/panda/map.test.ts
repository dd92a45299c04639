import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EncodingStatus, VideoStatus } from '../../../src/domain/types';
import { fromGlobalId } from '../../../src/domain/ids';
import { mapEncoding, mapNotifications, mapVideo, parsePandaDate } from '../../../src/providers/panda/map';
import { wireEncoding, wireVideo } from '../../../src/providers/panda/wire';

describe('panda wire → domain', () => {
  it('parses Panda dates with their offset', () => {
    assert.equal(parsePandaDate('2009/10/13 19:11:26 +0100')?.toISOString(), '2009-10-13T18:11:26.000Z');
    assert.equal(parsePandaDate(''), null);
    assert.equal(parsePandaDate('garbage'), null);
  });

  it('maps the documented video (spec §4.2): ms durations to seconds, status normalized, raw kept', () => {
    const video = mapVideo(
      'panda-eu',
      wireVideo.parse({
        id: 'd891d9a45c698d587831466f236c6c6c',
        status: 'success',
        original_filename: 'test.mp4',
        duration: 14000,
        file_size: 39458349,
        created_at: '2009/10/13 19:11:26 +0100',
        payload: '2456',
      }),
    );
    assert.equal(video.status, VideoStatus.READY);
    assert.equal(video.rawStatus, 'success');
    assert.equal(video.duration, 14);
    assert.equal(video.title, 'test.mp4');
    assert.deepEqual(fromGlobalId(video.id), { type: 'PandaVideo', account: 'panda-eu', nativeId: 'd891d9a45c698d587831466f236c6c6c' });
    assert.equal(mapVideo('a', wireVideo.parse({ id: 'x', status: 'weird' })).status, VideoStatus.UNKNOWN);
  });

  it('tells queued from processing by the start time (spec §4.3)', () => {
    const base = { id: 'e', video_id: 'v', status: 'processing', encoding_progress: 0 };
    assert.equal(mapEncoding('a', wireEncoding.parse({ ...base, started_encoding_at: '' })).status, EncodingStatus.QUEUED);
    const running = mapEncoding('a', wireEncoding.parse({ ...base, encoding_progress: 42, started_encoding_at: '2009/10/13 21:28:45 +0000' }));
    assert.equal(running.status, EncodingStatus.PROCESSING);
    assert.equal(running.progress, 42);
    assert.equal(mapEncoding('a', wireEncoding.parse({ ...base, status: 'success', encoding_progress: 99 })).progress, 100);
    assert.equal(mapEncoding('a', wireEncoding.parse({ ...base, status: 'fail' })).status, EncodingStatus.FAILED);
    assert.equal(mapEncoding('a', wireEncoding.parse({ ...base, status: 'cancelled' })).status, EncodingStatus.CANCELLED);
  });

  it('reads notification flags given as booleans or "true"/"false" strings, and "null" urls', () => {
    const n = mapNotifications('a', { url: 'null', delay: 10, events: { video_created: 'false', video_encoded: true, encoding_progress: 'true' } });
    assert.equal(n.url, null);
    assert.deepEqual(n.events, { videoCreated: false, videoEncoded: true, encodingProgress: true, encodingCompleted: false });
  });
});
