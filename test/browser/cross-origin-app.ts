/**
 * The page a browser app on another origin would be: plain `fetch`, `FormData` and `File`, written
 * after README "Uploads" (nothing test-only). Served by `servePage` on its own loopback port; the
 * test drives it through `window.app` and reads what it answers.
 */

/** What `window.app` offers the test (the page's own code, below, is plain browser JavaScript). */
export interface CrossOriginApp {
  /** A JSON POST; `body` is the parsed answer, or `error` the message of a fetch that rejected. */
  gql(endpoint: string, query: string, variables?: unknown): Promise<{ status?: number; body?: GqlBody; error?: string }>;
  /** `uploadVideo` as a GraphQL multipart request (the README's browser example). */
  uploadVideo(endpoint: string, account: string, size: number, seed: number): Promise<Uploaded & { body?: GqlBody; error?: string }>;
  /** `createUploadTicket`, the file straight to the provider as the ticket says, then `completeUpload`. */
  directUpload(endpoint: string, account: string, size: number, seed: number): Promise<Uploaded & { protocol: string; steps: string[] }>;
  /** Panda, Telestream: a new session opened with the ticket's signed `sessionRequest`, then filled (panda_uploader's flow). */
  signedSession(endpoint: string, account: string, size: number, seed: number): Promise<{ sha256: string; videoId: string; steps: string[] }>;
}

export interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface Uploaded {
  /** Hex SHA-256 of the bytes the page sent. */
  sha256: string;
  /** The created video's global id. */
  videoId?: string;
}

const SCRIPT = String.raw`
'use strict';
const TICKET = 'mutation ($input: CreateUploadTicketInput!) { createUploadTicket(input: $input) { id protocol method url fields { name value } fileField partSize parts sessionRequest { url method params { name value } } } }';
const COMPLETE = 'mutation ($input: CompleteUploadInput!) { completeUpload(input: $input) { video { id status account { id } } } }';
const UPLOAD = 'mutation ($input: UploadVideoInput!) { uploadVideo(input: $input) { video { id status account { id } } upload { state bytesSent bytesTotal } } }';
// the JS uploader's chunk for resumable sessions
const CHUNK = 5 * 1024 * 1024;

/** A file as <input type="file"> would give it: deterministic bytes, so the test can find them at the provider. */
function makeFile(size, seed, name) {
  const bytes = new Uint8Array(size);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    bytes[i] = x & 255;
  }
  return new File([bytes], name, { type: 'video/mp4' });
}

async function sha256(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function gql(endpoint, query, variables) {
  try {
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, body: await res.json() };
  } catch (error) {
    return { error: String(error) };
  }
}

async function data(endpoint, query, variables) {
  const { body, error } = await gql(endpoint, query, variables);
  if (error || body.errors) throw new Error(error || JSON.stringify(body.errors));
  return body.data;
}

async function uploadVideo(endpoint, account, size, seed) {
  const file = makeFile(size, seed, 'page-' + seed + '.mp4');
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: UPLOAD, variables: { input: { account, file: null, fileSize: file.size } } }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', file);
  const hash = await sha256(file);
  try {
    const res = await fetch(endpoint, { method: 'POST', body: form, headers: { 'Apollo-Require-Preflight': 'true' } });
    const body = await res.json();
    return { sha256: hash, videoId: body.data && body.data.uploadVideo.video.id, body };
  } catch (error) {
    return { sha256: hash, error: String(error) };
  }
}

/** Resumable session (Panda): chunks with Content-Range; 204 + Range until the last, which answers the video. */
async function fillSession(url, method, file, steps) {
  let answer = null;
  for (let start = 0; start < file.size; start += CHUNK) {
    const end = Math.min(start + CHUNK, file.size) - 1;
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/octet-stream', 'content-range': 'bytes ' + start + '-' + end + '/' + file.size },
      body: file.slice(start, end + 1),
    });
    steps.push(res.status + (res.headers.get('range') ? ' range ' + res.headers.get('range') : ''));
    if (!res.ok) throw new Error('chunk at ' + start + ': HTTP ' + res.status);
    if (res.status === 200) answer = await res.json();
  }
  return answer;
}

/** Multi-part session (Telestream): every part at once with X-Part; the part that completes the file answers the video. */
async function sendParts(url, method, file, partSize, parts, steps) {
  const answers = await Promise.all(
    Array.from({ length: parts }, async (_, i) => {
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/octet-stream', 'x-part': String(i) },
        body: file.slice(i * partSize, (i + 1) * partSize),
      });
      if (!res.ok) throw new Error('part ' + i + ': HTTP ' + res.status);
      return res.json();
    }),
  );
  steps.push(answers.length + ' parts');
  return answers.find((a) => a && a.id) || null;
}

async function directUpload(endpoint, account, size, seed) {
  const file = makeFile(size, seed, 'direct-' + seed + '.mp4');
  const steps = [];
  const { createUploadTicket: ticket } = await data(endpoint, TICKET, { input: { account, fileName: file.name, fileSize: file.size } });
  const complete = { ticket: ticket.id };
  if (ticket.protocol === 'RESUMABLE_SESSION') {
    await fillSession(ticket.url, ticket.method, file, steps);
  } else if (ticket.protocol === 'MULTI_PART_SESSION') {
    const video = await sendParts(ticket.url, ticket.method, file, ticket.partSize, ticket.parts, steps);
    complete.videoId = video && video.id;
  } else {
    // MULTIPART_FORM: the fields in order, the file last
    const form = new FormData();
    for (const f of ticket.fields) form.append(f.name, f.value);
    form.append(ticket.fileField, file);
    const res = await fetch(ticket.url, { method: ticket.method, body: form });
    steps.push(String(res.status));
    if (!res.ok) throw new Error('form upload: HTTP ' + res.status);
    // Dailymotion's upload server answers the uploaded file's url; S3-style targets answer nothing
    if ((res.headers.get('content-type') || '').includes('json')) complete.uploadedUrl = (await res.json()).url;
  }
  const { completeUpload } = await data(endpoint, COMPLETE, { input: complete });
  return { protocol: ticket.protocol, steps, sha256: await sha256(file), videoId: completeUpload.video.id };
}

async function signedSession(endpoint, account, size, seed) {
  const file = makeFile(size, seed, 'signed-' + seed + '.mp4');
  const steps = [];
  const { createUploadTicket: ticket } = await data(endpoint, TICKET, { input: { account, fileName: file.name, fileSize: file.size } });
  const signed = ticket.sessionRequest;
  const query = new URLSearchParams(signed.params.map((p) => [p.name, p.value])).toString();
  const opened = await fetch(signed.url + '?' + query, { method: signed.method });
  steps.push(String(opened.status));
  const session = await opened.json();
  const video = session.part_size
    ? await sendParts(session.location, 'POST', file, session.part_size, session.parts, steps)
    : await fillSession(session.location, 'POST', file, steps);
  return { sha256: await sha256(file), videoId: video && video.id, steps };
}

window.app = { gql, uploadVideo, directUpload, signedSession };
document.getElementById('state').textContent = 'ready';
`;

export const CROSS_ORIGIN_APP_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>another origin</title><link rel="icon" href="data:,"></head>
<body><p id="state">loading</p><script>${SCRIPT}</script></body></html>`;
