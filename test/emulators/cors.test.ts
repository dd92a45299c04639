import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { CreateUploadTicketDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { startUploadStack, testBytes, type UploadStack } from '../uploads/support';

const ORIGIN = 'https://app.example.org';

type Headers = Record<string, string | string[] | undefined>;

async function call(url: string, method: string, headers: Record<string, string>, body?: Buffer | FormData): Promise<{ status: number; headers: Headers; text: string }> {
  // a form is encoded as a browser does it (boundary in the content type), then sent as bytes
  const encoded = body instanceof FormData ? new Response(body) : null;
  const bytes = encoded ? Buffer.from(await encoded.arrayBuffer()) : (body as Buffer | undefined);
  const res = await request(url, {
    method: method as 'OPTIONS',
    headers: encoded ? { ...headers, 'content-type': encoded.headers.get('content-type')! } : headers,
    body: bytes,
  });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

const preflight = (url: string, method: string, requestHeaders?: string) =>
  call(url, 'OPTIONS', { origin: ORIGIN, 'access-control-request-method': method, ...(requestHeaders ? { 'access-control-request-headers': requestHeaders } : {}) });

function assertPreflightAllowed(answer: { status: number; headers: Headers }, method: string, requestHeaders?: string): void {
  assert.equal(answer.status, 204);
  assert.equal(answer.headers['access-control-allow-origin'], ORIGIN, 'the origin echoed');
  assert.ok(String(answer.headers['access-control-allow-methods']).split(', ').includes(method));
  if (requestHeaders) assert.equal(answer.headers['access-control-allow-headers'], requestHeaders, 'the requested headers echoed');
  assert.ok(Number(answer.headers['access-control-max-age']) > 0);
}

function exposed(headers: Headers): string[] {
  return String(headers['access-control-expose-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * CORS on what a browser reaches in a direct upload (README "Uploads"): the ticket's URL answers
 * a preflight from any origin and lets the page read the answer, as does the signed session opening
 * panda_uploader sends (Panda, Telestream); the other signed API routes do not.
 */
describe('emulators: CORS on browser upload routes only', () => {
  let stack: UploadStack;
  before(async () => {
    stack = await startUploadStack();
  });
  after(() => stack.close());

  const ticketFor = async (account: string, bytes: Buffer) =>
    dataOf(await stack.gql.exec(CreateUploadTicketDocument, { input: { account, fileName: 'page.mp4', fileSize: bytes.length } })).createUploadTicket!;

  /** A preflight and a plain request with an Origin to a signed API route: no CORS header at all. */
  async function assertNoCors(url: string, method: string): Promise<void> {
    const pre = await preflight(url, method, 'content-type');
    assert.equal(pre.headers['access-control-allow-origin'], undefined, `${url}: preflight`);
    const plain = await call(url, method, { origin: ORIGIN, 'content-type': 'application/json' }, Buffer.from('{}'));
    assert.equal(plain.headers['access-control-allow-origin'], undefined, `${url}: answer`);
  }

  it('Panda: the resumable session location; Range is readable', async () => {
    const bytes = testBytes(1000, 31);
    const ticket = await ticketFor('panda', bytes);
    const wanted = 'content-type, content-range';
    assertPreflightAllowed(await preflight(ticket.url, 'POST', wanted), 'POST', wanted);
    assertPreflightAllowed(await preflight(ticket.url, 'PUT', wanted), 'PUT', wanted);
    const type = { origin: ORIGIN, 'content-type': 'application/octet-stream' };
    const first = await call(ticket.url, 'POST', { ...type, 'content-range': `bytes 0-499/${bytes.length}` }, bytes.subarray(0, 500));
    assert.equal(first.status, 204);
    assert.equal(first.headers['access-control-allow-origin'], ORIGIN);
    assert.ok(exposed(first.headers).includes('range'));
    assert.equal(first.headers.range, '0-499');
    const last = await call(ticket.url, 'POST', { ...type, 'content-range': `bytes 500-999/${bytes.length}` }, bytes.subarray(500));
    assert.equal(last.status, 200, last.text);
    assert.equal(last.headers['access-control-allow-origin'], ORIGIN);
    assert.equal((await preflight(ticket.url, 'PATCH')).status, 403, 'a method the session does not take');
    await assertNoCors(`${stack.panda.baseUrl}/v2/videos.json`, 'GET');
  });

  it('Telestream: the multi-part session location', async () => {
    const bytes = testBytes(2000, 32);
    const ticket = await ticketFor('tc', bytes);
    assertPreflightAllowed(await preflight(ticket.url, 'POST', 'content-type, x-part'), 'POST', 'content-type, x-part');
    assertPreflightAllowed(await preflight(ticket.url, 'GET'), 'GET');
    let answer = { status: 0, headers: {} as Headers, text: '' };
    for (let i = 0; i < ticket.parts!; i++) {
      const part = bytes.subarray(i * ticket.partSize!, (i + 1) * ticket.partSize!);
      answer = await call(ticket.url, 'POST', { origin: ORIGIN, 'content-type': 'application/octet-stream', 'x-part': String(i) }, part);
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.headers['access-control-allow-origin'], ORIGIN);
    }
    assert.ok((JSON.parse(answer.text) as { id?: string }).id, 'the last part answers the video');
    await assertNoCors(`${stack.telestream.baseUrl}/v3.0/videos.json`, 'GET');
  });

  it("Panda, Telestream: the signed POST /videos/upload.json a page sends with the ticket's sessionRequest (panda_uploader)", async () => {
    for (const [account, api] of [
      ['panda', `${stack.panda.baseUrl}/v2`],
      ['tc', `${stack.telestream.baseUrl}/v3.0`],
    ] as const) {
      const signed = (await ticketFor(account, testBytes(100, 36))).sessionRequest!;
      assert.equal(signed.url, `${api}/videos/upload.json`);
      assertPreflightAllowed(await preflight(signed.url, 'POST', 'content-type'), 'POST', 'content-type');
      assert.equal((await preflight(signed.url, 'GET')).status, 403, `${account}: POST only`);
      const query = new URLSearchParams(signed.params.map((p): [string, string] => [p.name, p.value])).toString();
      const opened = await call(`${signed.url}?${query}`, 'POST', { origin: ORIGIN });
      assert.equal(opened.status, 201, opened.text);
      assert.equal(opened.headers['access-control-allow-origin'], ORIGIN, `${account}: the page reads the session location`);
      assert.ok((JSON.parse(opened.text) as { location?: string }).location?.includes('/upload/session'));
      // a refused signature is readable too: the page learns why
      const forged = await call(`${signed.url}?${query.replace(/signature=[^&]+/, 'signature=AAAA')}`, 'POST', { origin: ORIGIN });
      assert.equal(forged.status, 401, forged.text);
      assert.equal(forged.headers['access-control-allow-origin'], ORIGIN);
      // the rest of the signed API keeps no CORS
      await assertNoCors(`${api}/videos.json`, 'POST');
    }
  });

  it('Dailymotion: the upload URL takes the page form and lets it read the answer', async () => {
    const bytes = testBytes(3000, 33);
    const ticket = await ticketFor('dm', bytes);
    assertPreflightAllowed(await preflight(ticket.url, 'POST', 'content-type'), 'POST', 'content-type');
    const form = new FormData();
    form.append(ticket.fileField!, new Blob([bytes]), 'page.mp4');
    const answer = await call(ticket.url, 'POST', { origin: ORIGIN }, form);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.headers['access-control-allow-origin'], ORIGIN);
    assert.equal((JSON.parse(answer.text) as { size: number }).size, bytes.length);
    await assertNoCors(`${stack.dailymotion.baseUrl}/api`, 'POST');
  });

  it('Ziggeo: the signed 2.30 upload target; ETag is readable', async () => {
    const bytes = testBytes(4000, 34);
    const ticket = await ticketFor('zig', bytes);
    assertPreflightAllowed(await preflight(ticket.url, 'POST', 'content-type'), 'POST', 'content-type');
    const form = new FormData();
    for (const f of ticket.fields) form.append(f.name, f.value);
    form.append(ticket.fileField!, new Blob([bytes], { type: 'video/mp4' }), 'page.mp4');
    const answer = await call(ticket.url, 'POST', { origin: ORIGIN }, form);
    assert.equal(answer.status, 204, answer.text);
    assert.equal(answer.headers['access-control-allow-origin'], ORIGIN);
    assert.ok(exposed(answer.headers).includes('etag'));
    await assertNoCors(`${stack.ziggeo.baseUrl}/v1/videos`, 'GET');
  });

  it('requests without an Origin are answered as before, with no CORS header', async () => {
    const bytes = testBytes(10, 35);
    const ticket = await ticketFor('panda', bytes);
    const answer = await call(ticket.url, 'POST', { 'content-type': 'application/octet-stream' }, bytes);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['access-control-allow-origin'], undefined);
  });
});
