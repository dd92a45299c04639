import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromGlobalId } from '../../../src/domain/ids';
import { EncodingStatus, VideoStatus } from '../../../src/domain/types';
import { mapAuthToken, mapStream, mapVideo, parseStreamNativeId, ziggeoStateName } from '../../../src/providers/ziggeo/map';
import { wireAuthToken, wireStream, wireVideo } from '../../../src/providers/ziggeo/wire';
import { ziggeoVectors } from './vectors';

const canned = (id: string) => JSON.parse(ziggeoVectors().http_vectors.find((v) => v.id === id && v.sdk_version === '1.17')!.exchanges[0]!.response.body_text!) as unknown;

describe('ziggeo wire → domain (spec §6)', () => {
  it('maps the documented video: READY normalized, raw state kept, streams as encodings', () => {
    const video = mapVideo('zig', wireVideo.parse(canned('videos.get.by_key')));
    assert.deepEqual(fromGlobalId(video.id), { type: 'ZiggeoVideo', account: 'zig', nativeId: 'a7edab8c635ec37047d8ae75411528e3' });
    assert.equal(video.status, VideoStatus.READY);
    assert.deepEqual([video.rawStatus, video.rawState], ['READY', 5]);
    assert.equal(video.title, 'interview-42');
    assert.equal(video.createdAt?.toISOString(), '2014-01-20T22:43:18.000Z');
    assert.equal(video.updatedAt?.toISOString(), '2014-01-20T22:43:19.000Z');
    assert.deepEqual([video.duration, video.fileSize, video.width, video.height], [1, 36078, 640, 360]);
    assert.equal(video.streams.length, 1);
    const stream = video.streams[0]!;
    assert.equal(stream.nativeId, 'a7edab8c635ec37047d8ae75411528e3/d751140b4e1cf0a243f32092f6110296');
    assert.deepEqual([stream.status, stream.progress, stream.isDefault, stream.isOriginal], [EncodingStatus.READY, 100, true, true]);
    assert.deepEqual([stream.creationType, stream.streamable, stream.videoType], ['SERVER_UPLOAD', 'DEGRADED', 'mp4']);
  });

  it('maps the EMPTY stream of a new stream as queued, and tolerates sparse objects', () => {
    const stream = mapStream('zig', wireStream.parse(canned('streams.create.no_file')));
    assert.deepEqual([stream.status, stream.rawStatus, stream.rawState, stream.isDefault], [EncodingStatus.QUEUED, 'EMPTY', 0, null]);
    const sparse = mapVideo('zig', wireVideo.parse({ token: 't', tags: 'a, b' }));
    assert.deepEqual([sparse.status, sparse.rawStatus, sparse.tags, sparse.streams], [VideoStatus.UNKNOWN, 'UNKNOWN', ['a', 'b'], []]);
    assert.equal(ziggeoStateName(5, null), 'READY');
    assert.equal(ziggeoStateName(9, undefined), '9');
    assert.equal(mapVideo('zig', wireVideo.parse({ token: 't', state: 3, state_string: 'processing' })).status, VideoStatus.PROCESSING);
  });

  it('maps auth tokens, grants as JSON text either way they come back', () => {
    const token = mapAuthToken('zig', wireAuthToken.parse(canned('authtokens.create')));
    assert.equal(token.kind, 'ZiggeoAuthToken');
    assert.equal(token.grants, '{"read":"all"}');
    assert.equal(token.expiresAt?.toISOString(), '2025-01-01T00:00:00.000Z');
    assert.deepEqual([token.sessionLimit, token.usageExpirationTime, token.nonce], [10, 3600, null]);
    assert.equal(mapAuthToken('zig', wireAuthToken.parse({ token: 'x', grants: '{"read": "all"}' })).grants, '{"read": "all"}');
  });

  it('reads stream native ids', () => {
    assert.deepEqual(parseStreamNativeId('v/s'), { video: 'v', stream: 's' });
    assert.equal(parseStreamNativeId('v'), null);
    assert.equal(parseStreamNativeId('v/s/x'), null);
  });
});
