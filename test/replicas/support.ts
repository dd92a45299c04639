import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { MemoryMedia } from '../../emulators/ziggeo';
import { CompleteUploadDocument, CreateUploadTicketDocument, UploadSessionDocument, UploadVideoDocument, ZiggeoDownloadUrlsDocument } from '../generated/graphql';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway';
import { startRedis, type RedisServer } from '../support/redis';
import { sendMultipart, startUploadStack, testBytes, type MultipartOptions, type UploadStack } from '../uploads/support';

export const MiB = 1024 * 1024;

/** A token key as `tokens.keys` takes it. */
export const tokenKey = (id: string) => ({ id, secret: randomBytes(32).toString('base64url') });

/**
 * One emulator set, one Redis, and gateways over the same config (accounts, state.redis, tokens.keys)
 * as replicas behind a balancer: `a` and `b` to start, more (or a restarted one) with `replica()`.
 */
export class Replicas {
  private readonly extra: Record<string, unknown>;

  private constructor(
    readonly redis: RedisServer,
    readonly stack: UploadStack,
    readonly a: TestGateway,
    readonly b: TestGateway,
    extra: Record<string, unknown>,
    private readonly started: TestGateway[],
  ) {
    this.extra = extra;
  }

  static async start(options: { keys?: { id: string; secret: string }[]; commandTimeoutMs?: number; shutdownTimeoutMs?: number } = {}): Promise<Replicas> {
    const redis = await startRedis();
    const extra = {
      state: { redis: { url: redis.url, keyPrefix: 'replicas-test:', commandTimeoutMs: options.commandTimeoutMs ?? 500 } },
      tokens: { keys: options.keys ?? [tokenKey('k1')] },
    };
    const server = { shutdownTimeoutMs: options.shutdownTimeoutMs ?? 10_000 };
    const stack = await startUploadStack(server, extra);
    const b = await startTestGateway(stack.accounts, { server: { host: '127.0.0.1', port: 0, ...server }, ...extra });
    // each replica connects to Redis in the background: start the flows once both reach it
    await Promise.all([stack.gql, b].map((gateway) => reachable(gateway)));
    return new Replicas(redis, stack, stack.gql, b, { ...extra, server: { host: '127.0.0.1', port: 0, ...server } }, [b]);
  }

  /** Another replica on the same config; `tokens` replaces the keys (rotation). */
  async replica(tokens?: { keys: { id: string; secret: string }[] }): Promise<TestGateway> {
    const gateway = await startTestGateway(this.stack.accounts, { ...this.extra, ...(tokens && { tokens }) });
    this.started.push(gateway);
    return gateway;
  }

  get keys(): { id: string; secret: string }[] {
    return (this.extra.tokens as { keys: { id: string; secret: string }[] }).keys;
  }

  async close(): Promise<void> {
    // each part closed whatever another's close did: nothing left to hold the test process open
    for (const gateway of this.started) await gateway.close().catch(() => undefined);
    await this.stack.close().catch(() => undefined);
    await Promise.all([this.stack.panda, this.stack.telestream, this.stack.dailymotion, this.stack.ziggeo].map((e) => e.close().catch(() => undefined)));
    await this.redis.close();
  }
}

/** Resolves once `gateway` reads shared state (its Redis connection is up), within 10 s. */
async function reachable(gateway: TestGateway): Promise<void> {
  const until = Date.now() + 10_000;
  for (;;) {
    const answer = await gateway.exec(UploadSessionDocument, { id: 'reachable-probe' });
    if (!answer.errors) return;
    if (Date.now() > until) throw new Error(`the replica does not reach Redis: ${JSON.stringify(answer.errors)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `uploadVideo` of `bytes` to `account` through `gateway`, followed with `uploadId`. */
export function uploadThrough(gateway: TestGateway, account: string, bytes: Buffer, uploadId: string, options: MultipartOptions = {}) {
  return sendMultipart(
    gateway.gateway.url,
    UploadVideoDocument,
    { input: { account, file: null, fileSize: bytes.length, uploadId } },
    [{ path: 'variables.input.file', name: 'replica.mp4', bytes }],
    options,
  );
}

export async function sessionOn(gateway: TestGateway, id: string) {
  return dataOf(await gateway.exec(UploadSessionDocument, { id })).uploadSession;
}

type Ticket = Awaited<ReturnType<typeof createTicket>>;

export async function createTicket(gateway: TestGateway, account: string, bytes: Buffer) {
  return dataOf(await gateway.exec(CreateUploadTicketDocument, { input: { account, fileName: 'direct.mp4', fileSize: bytes.length } })).createUploadTicket!;
}

/** What a browser does with a ticket: sends the file to the provider; answers what completion needs. */
export async function browserSends(ticket: Ticket, bytes: Buffer): Promise<{ videoId?: string; uploadedUrl?: string }> {
  if (ticket.protocol === 'RESUMABLE_SESSION') {
    const res = await fetch(ticket.url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: bytes,
    });
    assert.equal(res.status, 200);
    return {};
  }
  if (ticket.protocol === 'MULTI_PART_SESSION') {
    let answer: { id?: string } = {};
    for (let i = 0; i < ticket.parts!; i++) {
      const res = await fetch(ticket.url, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-part': String(i) },
        body: bytes.subarray(i * ticket.partSize!, (i + 1) * ticket.partSize!),
      });
      assert.equal(res.status, 200);
      answer = (await res.json()) as { id?: string };
    }
    return { videoId: answer.id };
  }
  const form = new FormData();
  for (const f of ticket.fields) form.append(f.name, f.value);
  form.append(ticket.fileField!, new Blob([bytes], { type: 'video/mp4' }), 'direct.mp4');
  const res = await fetch(ticket.url, { method: 'POST', body: form });
  assert.ok(res.status >= 200 && res.status < 300, `form upload answered ${res.status}`);
  const text = await res.text();
  return ticket.fileField === 'file' && ticket.fields.length === 0 ? { uploadedUrl: (JSON.parse(text) as { url: string }).url } : {};
}

export function completeOn(gateway: TestGateway, ticket: string, extra: { videoId?: string; uploadedUrl?: string } = {}) {
  return gateway.exec(CompleteUploadDocument, { input: { ticket, ...extra } });
}

/** A READY Ziggeo video holding `bytes`, made at the emulator (a user's recording meanwhile). */
export function ziggeoVideoWith(stack: UploadStack, bytes: Buffer): string {
  const store = stack.ziggeo.store;
  const app = store.app(stack.ziggeo.accounts[0]!.token);
  const at = Date.now() - 60_000;
  const video = store.newVideo(app, at - (at % 1000), { key: `replica-${randomBytes(4).toString('hex')}`, tags: null });
  const stream = store.newStream(video, at - (at % 1000));
  stream.video = new MemoryMedia(bytes, 'video/mp4');
  stream.readyAt = at;
  stream.outcome = 'READY';
  return video.token;
}

export async function downloadUrlOn(gateway: TestGateway, token: string): Promise<string> {
  const video = dataOf(await gateway.exec(ZiggeoDownloadUrlsDocument, { account: 'zig', tokenOrKey: token })).ziggeoVideo;
  assert.ok(video?.videoDownloadUrl);
  return video.videoDownloadUrl;
}

/** The same link path asked of another replica (a balancer sends it anywhere). */
export async function fetchVia(gateway: TestGateway, link: string): Promise<{ status: number; body: Buffer }> {
  const url = new URL(link);
  const res = await fetch(new URL(url.pathname, gateway.gateway.url));
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

export const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown => result.errors?.[0]?.extensions?.code;

export { testBytes };
