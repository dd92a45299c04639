import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EmulatorClock } from '../../../emulators/common/clock';
import { startPandaEmulator, type PandaEmulator, type WireEncoding, type WireVideo } from '../../../emulators/panda';
import { pandaClient, send, type Answer } from './http';

const A = { accessKey: 'ak-u', secretKey: 'sk-u', cloudId: 'cloud-u' };

/** byte i = (7i + 3) mod 256, the vectors' content rule. */
function bytes(start: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = (7 * (start + i) + 3) % 256;
  return out;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('panda emulator: resumable upload sessions (spec §6, §9.4)', () => {
  let emulator: PandaEmulator;
  let api: ReturnType<typeof pandaClient>;
  before(async () => {
    emulator = await startPandaEmulator({ accounts: [A], clock: new EmulatorClock('2026-01-01T00:00:00Z'), maxFileSize: 50 * 1024 * 1024 });
    api = pandaClient(emulator, A);
    emulator.store.seedProfile(A.cloudId, { name: 'webm', preset_name: 'webm' });
  });
  after(() => emulator.close());

  async function open(params: Record<string, string>): Promise<URL> {
    const answer = await api.call('POST', '/videos/upload.json', params);
    assert.equal(answer.status, 201, answer.body);
    const session = answer.json as { id: string; location: string };
    assert.equal(session.location, `http://${api.host}/upload/session?id=${session.id}`, 'absolute, on this server');
    return new URL(session.location);
  }

  const chunk = (location: URL, method: string, range: string | null, body?: Buffer, type = 'application/octet-stream'): Promise<Answer> =>
    send(
      emulator.baseUrl,
      method,
      location.pathname + location.search,
      { host: location.host, 'content-type': type, ...(range === null ? {} : { 'content-range': range }) },
      body ?? Buffer.alloc(0),
    );

  it('takes chunks in order, drops what is past a gap, accepts overlaps, and completes with the video', async () => {
    const location = await open({ file_name: 'uploads/day 1/movie.mp4', file_size: '300', profiles: 'h264,webm', payload: 'p-1', path_format: 'up/:id' });
    const empty = await chunk(location, 'POST', 'bytes */300');
    assert.deepEqual([empty.status, empty.headers.range, empty.body], [204, undefined, ''], 'nothing yet: no Range');
    const first = await chunk(location, 'PUT', 'bytes 0-99/300', bytes(0, 100));
    assert.deepEqual([first.status, first.headers.range], [204, '0-99']);
    assert.equal((await chunk(location, 'POST', 'bytes 200-299/300', bytes(200, 100))).headers.range, '0-99', 'past a gap: dropped');
    // the SDK resumes at the last byte the server has: one byte of overlap (spec §6.3)
    assert.equal((await chunk(location, 'POST', 'bytes 99-198/300', bytes(99, 100))).headers.range, '0-198');
    assert.equal((await chunk(location, 'POST', 'bytes */300')).headers.range, '0-198');
    // the last chunk claims a full chunk's range: the end is never clamped by the SDK (U01)
    const done = await chunk(location, 'POST', 'bytes 199-5242878/300', bytes(199, 101));
    const video = JSON.parse(done.body) as WireVideo;
    assert.deepEqual([done.status, video.status, video.original_filename, video.file_size, video.payload, video.path], [200, 'success', 'movie.mp4', 300, 'p-1', `up/${video.id}`]);
    assert.equal(emulator.store.uploadedSha256(video.id), sha256(bytes(0, 300)));
    const encodings = (await api.call('GET', `/videos/${video.id}/encodings.json`)).json as WireEncoding[];
    assert.deepEqual(encodings.map((e) => e.profile_name).sort(), ['h264', 'webm']);
    assert.equal((await chunk(location, 'POST', 'bytes */300')).status, 200, 'a completed session shows its video');
    const deleted = await send(emulator.baseUrl, 'DELETE', location.pathname + location.search, { host: location.host });
    assert.deepEqual([deleted.status, deleted.body], [200, '']);
    assert.equal((await chunk(location, 'POST', 'bytes */300')).status, 404, 'forgotten');
    assert.equal(emulator.log.entries.at(-1)?.account, null);
    assert.equal(emulator.log.entries.at(-2)?.account, A.cloudId, 'session requests are logged under their cloud');
  });

  it('streams a whole file without Content-Range, and takes a multipart file', async () => {
    const size = 12 * 1024 * 1024 + 7;
    const whole = await open({ file_name: 'big.mov', file_size: String(size), use_all_profiles: 'True' });
    const data = bytes(0, size);
    const answer = await chunk(whole, 'PUT', null, data);
    const video = JSON.parse(answer.body) as WireVideo;
    assert.equal(answer.status, 200);
    assert.equal(emulator.store.uploadedSha256(video.id), sha256(data));
    assert.equal(((await api.call('GET', `/videos/${video.id}/encodings.json`)).json as unknown[]).length, 2, 'use_all_profiles');

    const multipart = await open({ file_name: 'clip.mp4', file_size: '31' });
    const body = Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="clip.mp4"\r\n\r\nFAKE-MP4-DATA:0123456789abcdef\n\r\n--xyz--\r\n');
    const posted = await chunk(multipart, 'POST', null, body, 'multipart/form-data; boundary=xyz');
    const made = JSON.parse(posted.body) as WireVideo;
    assert.equal(posted.status, 200);
    assert.equal(emulator.store.uploadedSha256(made.id), sha256(Buffer.from('FAKE-MP4-DATA:0123456789abcdef\n')));
    assert.equal(((await api.call('GET', `/videos/${made.id}/encodings.json`)).json as unknown[]).length, 0, 'no profiles asked: none');
  });

  it('refuses bad sessions and requests with clear errors', async () => {
    const missing = await api.call('POST', '/videos/upload.json', { file_name: 'a.mp4' });
    assert.deepEqual(missing.json, { error: 'BadRequest', message: 'All required parameters were not supplied: file_size, file_name' });
    assert.equal((await api.call('POST', '/videos/upload.json', { file_name: 'a.mp4', file_size: '-3' })).status, 400);
    assert.equal((await api.call('POST', '/videos/upload.json', { file_name: 'a.mp4', file_size: '10', profiles: 'nope' })).status, 404);
    const tooBig = await api.call('POST', '/videos/upload.json', { file_name: 'a.mp4', file_size: String(60 * 1024 * 1024) });
    assert.deepEqual([tooBig.status, tooBig.json], [413, { error: 'FileSizeLimitExceeded', message: `File size limit for this account is set to ${50 * 1024 * 1024} bytes` }]);
    const location = await open({ file_name: 'a.mp4', file_size: '10' });
    assert.equal((await chunk(location, 'POST', 'bytes 0-9/11', bytes(0, 10))).status, 400, 'length other than file_size');
    assert.equal((await chunk(location, 'POST', 'bytes 0-9/10', bytes(0, 10), 'text/plain')).status, 400, 'octet-stream only');
    assert.equal((await chunk(location, 'POST', 'bytes=0-9', bytes(0, 10))).status, 400);
    assert.equal((await chunk(location, 'GET', null)).status, 400);
    const unknown = await send(emulator.baseUrl, 'POST', '/upload/session?id=nope', { 'content-type': 'application/octet-stream' }, bytes(0, 3));
    assert.deepEqual([unknown.status, (JSON.parse(unknown.body) as { error: string }).error], [404, 'RecordNotFound']);
  });

  it('can answer Range: 0-0 before any byte arrived (spec §9.4.17); refuses multipart files over the limit', async () => {
    const eager = await startPandaEmulator({ accounts: [A], clock: new EmulatorClock('2026-01-01T00:00:00Z'), uploadRangeWhenEmpty: true, maxFileSize: 20 });
    try {
      const client = pandaClient(eager, A);
      const answer = await client.call('POST', '/videos/upload.json', { file_name: 'a.mp4', file_size: '10' });
      const location = new URL((answer.json as { location: string }).location);
      const status = await send(eager.baseUrl, 'POST', location.pathname + location.search, { 'content-type': 'application/octet-stream', 'content-range': 'bytes */10' });
      assert.deepEqual([status.status, status.headers.range], [204, '0-0']);
      const signed = client.sign('POST', '/videos.json');
      const body = Buffer.concat([Buffer.from('--q\r\nContent-Disposition: form-data; name="file"; filename="x.mp4"\r\n\r\n'), bytes(0, 21), Buffer.from('\r\n--q--\r\n')]);
      const big = await send(eager.baseUrl, 'POST', `/v2/videos.json?${signed.query}`, { host: client.host, 'content-type': 'multipart/form-data; boundary=q' }, body);
      assert.deepEqual([big.status, (JSON.parse(big.body) as { error: string }).error], [413, 'FileSizeLimitExceeded']);
    } finally {
      await eager.close();
    }
  });
});
