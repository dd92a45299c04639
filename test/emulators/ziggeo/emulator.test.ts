import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Pool, request } from 'undici';
import { basicAuthorization } from '../../../src/providers/ziggeo/encode';
import { EmulatorClock } from '../../../emulators/common/clock';
import { demoZiggeoAccounts, startZiggeoEmulator, STATES, type ZiggeoEmulator } from '../../../emulators/ziggeo';
import { readMultipart } from '../../../emulators/common/multipart';

const [STUDIO] = demoZiggeoAccounts();
const AUTH = basicAuthorization(STUDIO!.token, STUDIO!.privateKey);

async function call(em: ZiggeoEmulator, method: string, path: string, options: { body?: string | Buffer; headers?: Record<string, string>; auth?: string | null } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth !== null) headers.authorization = options.auth ?? AUTH;
  if (typeof options.body === 'string') headers['content-type'] ??= 'application/x-www-form-urlencoded';
  const res = await request(`${em.baseUrl}${path}`, { method: method as 'GET', headers, body: options.body });
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, body, json: <T = Record<string, unknown>>() => JSON.parse(body.toString('utf8')) as T };
}

describe('ziggeo emulator', () => {
  let em: ZiggeoEmulator;
  const clock = new EmulatorClock('2024-06-01T00:00:00Z');
  before(async () => {
    em = await startZiggeoEmulator({ accounts: demoZiggeoAccounts(), demoData: true, clock, processingMs: 10_000, memoryLimitBytes: 1024 });
  });
  after(() => em.close());
  beforeEach(() => {
    em.clearFaults();
    em.log.clear();
  });

  it('seeds the same demo data on every start: 25 videos per app, streams in every state, auth tokens', async () => {
    const twin = await startZiggeoEmulator({ accounts: demoZiggeoAccounts(), demoData: true, clock: new EmulatorClock('2024-06-01T00:00:00Z') });
    try {
      for (const app of em.store.apps.values()) {
        const other = twin.store.app(app.account.token);
        assert.equal(app.videos.size, 25);
        assert.deepEqual([...app.videos.keys()], [...other.videos.keys()]);
        assert.deepEqual([...app.authTokens.keys()], [...other.authTokens.keys()]);
        const states = new Set([...app.videos.values()].flatMap((v) => v.streams.map((s) => em.store.streamState(s, clock.now().getTime()))));
        assert.deepEqual([...states].sort(), Object.keys(STATES).sort());
        assert.ok(
          [...app.videos.values()].every((v) => v.created < clock.now().getTime()),
          'all in the past',
        );
      }
    } finally {
      await twin.close();
    }
  });

  it('moves uploads through PROCESSING to READY as the clock advances, without timers', async () => {
    const body = `--b.1\r\nContent-Disposition: file; name="file"; filename="x.mp4"\r\nContent-Type: video/mp4\r\n\r\n0123456789abcdef0123456789\r\n--b.1--\r\n`;
    const created = await call(em, 'POST', '/v1/videos/', { body: Buffer.from(body), headers: { 'content-type': 'multipart/form-data; boundary=b.1' } });
    assert.equal(created.status, 200);
    const token = created.json().token as string;
    assert.equal(created.json().state_string, 'PROCESSING');
    assert.equal(created.json().state, STATES.PROCESSING);
    clock.advance(9_999);
    assert.equal((await call(em, 'GET', `/v1/videos/${token}`)).json().state_string, 'PROCESSING');
    clock.advance(1);
    const ready = (await call(em, 'GET', `/v1/videos/${token}`)).json();
    assert.deepEqual([ready.state, ready.state_string], [5, 'READY']);
    const media = await call(em, 'GET', `/v1/videos/${token}/video`);
    assert.deepEqual([media.headers['content-type'], media.headers['accept-ranges'], media.body.toString()], ['video/mp4', 'bytes', '0123456789abcdef0123456789']);
  });

  it('logs method (tunnelled verbs resolved), path, account, status and clock time', async () => {
    await call(em, 'GET', '/v1/videos/?limit=1');
    await call(em, 'POST', '/v1/authtokens/missing?_method=DELETE', { body: '' });
    await call(em, 'DELETE', '/v1/authtokens/missing');
    await call(em, 'GET', '/v1/videos/', { auth: null });
    assert.deepEqual(
      em.log.entries.map((e) => [e.method, e.path, e.account, e.status]),
      [
        ['GET', '/v1/videos/', STUDIO!.token, 200],
        ['DELETE', '/v1/authtokens/missing', STUDIO!.token, 404],
        ['DELETE', '/v1/authtokens/missing', STUDIO!.token, 404],
        ['GET', '/v1/videos/', null, 401],
      ],
    );
    assert.equal(em.log.entries[0]!.at.getTime(), clock.now().getTime());
  });

  it('checks Basic auth as the service: unknown, wrong, malformed and missing credentials are 401', async () => {
    for (const auth of [
      null,
      'Bearer x',
      'Basic !!!',
      basicAuthorization(STUDIO!.token, 'wrong'),
      basicAuthorization('nobody', STUDIO!.privateKey),
      `Basic ${Buffer.from(STUDIO!.token).toString('base64')}`,
    ]) {
      const res = await call(em, 'GET', '/v1/videos/', { auth });
      assert.equal(res.status, 401);
      assert.equal(res.headers['www-authenticate'], undefined, 'no challenge (spec §10.1.2)');
      assert.deepEqual(res.json(), { error: 'Unauthorized' });
    }
  });

  it('accepts paths with and without the trailing slash, keys for tokens, and answers ASCII JSON', async () => {
    const size = Math.min(50, em.store.app(STUDIO!.token).videos.size);
    assert.equal((await call(em, 'GET', '/v1/videos')).json<unknown[]>().length, size);
    assert.equal((await call(em, 'GET', '/v1/videos/?')).json<unknown[]>().length, size);
    const video = (await call(em, 'GET', '/v1/videos/demo-1')).json();
    const updated = await call(em, 'POST', `/v1/videos/${video.token as string}`, { body: 'tags=caf%C3%A9%2Cthé&volatile=True&expiration_days=None' });
    assert.match(updated.body.toString('latin1'), /"tags":\["caf\\u00e9","th\\u00e9"\]/);
    assert.equal(updated.json().volatile, true);
    assert.equal((await call(em, 'POST', `/v1/videos/${video.token as string}`, { body: 'volatile=maybe' })).status, 400);
    assert.equal((await call(em, 'GET', '/v1/nothing-here')).status, 404);
  });

  it('injects status, delay, reset and malformed faults, each bounded by times and path', async () => {
    em.injectFault({ kind: 'status', status: 503, times: 2, pathIncludes: '/count' });
    assert.equal((await call(em, 'GET', '/v1/videos/count')).status, 503);
    assert.equal((await call(em, 'GET', '/v1/videos/')).status, 200, 'other paths unaffected');
    assert.equal((await call(em, 'GET', '/v1/videos/count')).status, 503);
    assert.equal((await call(em, 'GET', '/v1/videos/count')).status, 200);
    em.injectFault({ kind: 'delay', delayMs: 150, times: 1 });
    const started = performance.now();
    assert.equal((await call(em, 'GET', '/v1/videos/count')).status, 200);
    assert.ok(performance.now() - started >= 140);
    em.injectFault({ kind: 'malformed', times: 1 });
    const malformed = await call(em, 'GET', '/v1/videos/count');
    assert.throws(() => malformed.json());
    em.injectFault({ kind: 'reset', times: 1 });
    await assert.rejects(call(em, 'GET', '/v1/videos/count'));
    assert.equal((await call(em, 'GET', '/v1/videos/count')).status, 200);
    assert.deepEqual(em.log.entries.map((e) => e.status).slice(-3), [200, 0, 200]);
  });

  it('serves the S3-like upload leg only to signed, unexpired, known slots', async () => {
    const ticket = (await call(em, 'POST', '/v1/videos-upload-url', { body: 'video_type=mp4' })).json<{
      url_data: { url: string; fields: Record<string, string> };
      video: Record<string, unknown>;
    }>();
    assert.match(ticket.url_data.url, new RegExp(`^${em.baseUrl}/s3/`));
    assert.equal((ticket.video.default_stream as { state_string: string }).state_string, 'UPLOADING');
    const post = (fields: Record<string, string>, file = 'movie bytes') => {
      const parts = Object.entries(fields).map(([k, v]) => `--B\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
      const body = `${parts.join('')}--B\r\nContent-Disposition: form-data; name="file"; filename="m.mp4"\r\nContent-Type: video/mp4\r\n\r\n${file}\r\n--B--\r\n`;
      return call(em, 'POST', new URL(ticket.url_data.url).pathname, { body: Buffer.from(body), auth: null, headers: { 'content-type': 'multipart/form-data; boundary=B' } });
    };
    const confirmPath = `/v1/videos/${ticket.video.token as string}/streams/${(ticket.video.default_stream as { token: string }).token}/confirm-video`;
    assert.equal((await call(em, 'POST', confirmPath, { body: '' })).status, 400, 'nothing uploaded yet');
    assert.equal((await post({ ...ticket.url_data.fields, 'x-amz-signature': '0'.repeat(64) })).status, 403);
    assert.equal((await post({ ...ticket.url_data.fields, key: 'uploads/elsewhere' })).status, 403);
    assert.equal((await post(ticket.url_data.fields)).status, 204);
    const confirmed = await call(em, 'POST', confirmPath, { body: '' });
    assert.equal(confirmed.json().state_string, 'PROCESSING');
    const late = (await call(em, 'POST', '/v1/videos-upload-url', { body: '' })).json<typeof ticket>();
    clock.advance(2 * 60 * 60 * 1000);
    const expired = await post(late.url_data.fields);
    assert.equal(expired.status, 403);
    assert.match(expired.body.toString(), /Policy expired/);
  });

  it('spools big uploads to a temporary file that close() removes, and closes keep-alive sockets', async () => {
    const local = await startZiggeoEmulator({ accounts: demoZiggeoAccounts(), memoryLimitBytes: 16 });
    const bytes = Buffer.alloc(5000, 'z');
    const body = Buffer.concat([Buffer.from('--x\r\nContent-Disposition: file; name="file"; filename="a.mp4"\r\n\r\n'), bytes, Buffer.from('\r\n--x--\r\n')]);
    const pool = new Pool(local.baseUrl);
    const res = await pool.request({ method: 'POST', path: '/v1/videos/', headers: { authorization: AUTH, 'content-type': 'multipart/form-data; boundary=x' }, body });
    const video = (await res.body.json()) as { token: string };
    const dir = local.spool.directory!;
    assert.equal(readdirSync(dir).length, 1, 'one spooled upload');
    const media = await pool.request({ method: 'GET', path: `/v1/videos/${video.token}/video`, headers: { authorization: AUTH } });
    assert.deepEqual(Buffer.from(await media.body.arrayBuffer()), bytes);
    const started = performance.now();
    await local.close();
    assert.ok(performance.now() - started < 1000, 'close() does not wait for idle keep-alive sockets');
    assert.equal(existsSync(dir), false);
    await assert.rejects(pool.request({ method: 'GET', path: '/v1/videos/', headers: { authorization: AUTH } }));
    await pool.close();
  });
});

describe('ziggeo emulator multipart reader (spec §10.1.6)', () => {
  const body = Buffer.concat([
    Buffer.from('preamble\r\n--127.0.0.1.0.4242.1.1\r\nContent-Disposition: form-data; name="tags"\r\n\r\na,b\r\n'),
    Buffer.from('--127.0.0.1.0.4242.1.1\r\nContent-Disposition: file; name="file"; filename="v.mp4"\r\nContent-Type: video/mp4\r\n\r\n'),
    Buffer.from('\x00\r\n--127.0.0.1.0.4242.1.\r\n--not\xff\r\n--127.0.0.1.0.4242.1.1--\r\n', 'latin1'),
  ]);
  const run = async (chunks: Buffer[]) => {
    const files: Buffer[] = [];
    const fields = await readMultipart(chunks, '127.0.0.1.0.4242.1.1', (part) => (part.filename ? { write: (c) => void files.push(c), end: () => undefined } : null));
    return { fields, file: Buffer.concat(files) };
  };

  it('reads dotted boundaries, `file` dispositions and binary with boundary-like text, however it is chunked', async () => {
    const whole = await run([body]);
    assert.deepEqual(whole.fields, [['tags', 'a,b']]);
    assert.deepEqual(whole.file, Buffer.from('\x00\r\n--127.0.0.1.0.4242.1.\r\n--not\xff', 'latin1'));
    const bytewise = await run([...body].map((b) => Buffer.from([b])));
    assert.deepEqual(bytewise, whole);
  });

  it('refuses a body without its closing boundary', async () => {
    await assert.rejects(run([body.subarray(0, body.length - 30)]));
  });
});
