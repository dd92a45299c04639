import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { print } from 'graphql';
import { DashboardVideoListDocument, UploadVideoDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { sendMultipart, startUploadStack, testBytes, type UploadStack } from '../uploads/support';

const KEY_A = 'flooding-key-0123456789abcdef';
const KEY_B = 'ordinary-key-0123456789abcdef';
const as = (key: string) => ({ authorization: `Bearer ${key}` });
/** Issue 20 (2): the adversarial run's figure. */
const FLOOD = 1_000;
/** Scaled down from production (60 s idle): a drip below the minimum rate is cut after about this. */
const IDLE_MS = 4_000;

interface Answer {
  readonly status: number;
  readonly code: string | undefined;
  readonly limit: unknown;
}

/**
 * One slow-drip upload as the attack sent it: the operations, the map and the file's head at once,
 * then one byte of the file every 500 ms until the gateway answers (a declared size of 10 MiB, so it
 * never ends by itself). Answers with the status and the first error's code.
 */
function drip(url: string, agent: Agent): Promise<Answer> {
  const boundary = `----flood${randomBytes(6).toString('hex')}`;
  const operations = JSON.stringify({ query: print(UploadVideoDocument), variables: { input: { account: 'dm', file: null, fileSize: 10 * 1024 * 1024 } } });
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.input.file"]}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="drip.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'apollo-require-preflight': 'true', 'transfer-encoding': 'chunked', ...as(KEY_A) },
    });
    const timer = setInterval(() => req.write('x'), 500);
    req.on('response', (res) => {
      clearInterval(timer);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: { extensions?: { code?: string; limit?: unknown } }[] };
        resolve({ status: res.statusCode ?? 0, code: body.errors?.[0]?.extensions?.code, limit: body.errors?.[0]?.extensions?.limit });
      });
    });
    req.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    req.write(head);
  });
}

/**
 * Issue 20 (2), reproduced at the attack's scale with the default shares (`server.perKey`: 100
 * uploads per key): one key's 1,000 slow-drip uploads made another key's upload fail and held their
 * slots for minutes. Now the flooding key gets its share and 429 past it, the other key uploads and
 * reads as usual meanwhile, and the drips are cut by the minimum body rate, leaving nothing behind.
 */
describe('a key flooding the gateway with slow uploads', () => {
  let stack: UploadStack;
  before(async () => {
    stack = await startUploadStack(
      { uploadIdleTimeoutMs: IDLE_MS, uploadMinBytesPerSecond: 1024 },
      {
        apiKeys: [
          { name: 'flooder', key: KEY_A, accounts: ['dm', 'panda'] },
          { name: 'ordinary', key: KEY_B, accounts: ['dm', 'panda'] },
        ],
      },
    );
  });
  after(() => stack.close());

  it(`${FLOOD} slow uploads of one key refuse none of another key's uploads or reads`, { timeout: 120_000 }, async () => {
    const user = stack.dailymotion.accounts[0]!.userId;
    const mediaBefore = stack.dailymotion.store.users.get(user)!.media.size;
    const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
    const flood: Promise<Answer>[] = [];
    for (let i = 0; i < FLOOD; i++) flood.push(drip(stack.gql.gateway.url, agent));
    // the first answers are the refusals past the key's share: by then the share is held
    const firstRefusal = await Promise.race(flood);
    assert.equal(firstRefusal.code, 'RATE_LIMITED', JSON.stringify(firstRefusal));

    const started = performance.now();
    const bytes = testBytes(64 * 1024, 7);
    const other = await sendMultipart(
      stack.gql.gateway.url,
      UploadVideoDocument,
      { input: { account: 'dm', file: null, fileSize: bytes.length } },
      [{ path: 'variables.input.file', name: 'ordinary.mp4', bytes }],
      { headers: as(KEY_B) },
    );
    assert.equal(other.errors, undefined, JSON.stringify(other.errors));
    assert.equal(other.data?.uploadVideo?.upload.state, 'COMPLETED');
    const read = dataOf(await stack.gql.exec(DashboardVideoListDocument, { accounts: ['dm'], first: 20 }, as(KEY_B)));
    assert.ok(read.videos.edges.length > 0);
    const ms = performance.now() - started;
    assert.ok(ms < IDLE_MS, `the other key's upload and read took ${Math.round(ms)} ms, while the flood still held its share`);

    const answers = await Promise.all(flood);
    agent.destroy();
    const refused = answers.filter((a) => a.status === 429 && a.code === 'RATE_LIMITED' && a.limit === 'maxUploads').length;
    const cut = answers.filter((a) => a.status === 408 && a.code === 'BAD_USER_INPUT' && a.limit === 'uploadMinBytesPerSecond').length;
    assert.equal(refused + cut, FLOOD, `every drip refused or cut: ${JSON.stringify(answers.find((a) => a.code !== 'RATE_LIMITED' && a.code !== 'BAD_USER_INPUT'))}`);
    assert.ok(cut >= 100 && cut < FLOOD / 2, `the key's share (100) held, then was cut for its pace: ${cut} cut, ${refused} refused`);
    assert.equal(stack.dailymotion.store.users.get(user)!.media.size, mediaBefore + 1, 'only the ordinary upload created a video');
  });
});
