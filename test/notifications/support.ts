import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccountConfig } from '../../src/config';
import type { Logger } from '../../src/observability/logger';
import { EmulatorClock } from '../../emulators/common/clock';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { startTelestreamEmulator, type TelestreamEmulator } from '../../emulators/telestream';
import { demoZiggeoAccounts, startZiggeoEmulator, type ZiggeoEmulator } from '../../emulators/ziggeo';
import { MemoryEventBus } from '../../src/events/memory-bus';
import type { VideoEvent } from '../../src/events/types';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway';

/** Emulator timings scaled down: an encoding runs ~1.5 s, callbacks are compared every 50 ms, retried after 100 ms. */
export const FAST_NOTIFICATIONS = { tickMs: 50, progressStep: 20, retryBaseMs: 100, retryMaxMs: 400, giveUpAfterMs: 10_000 };
export const FAST_TIMING = { downloadMs: 100, queueMs: 100, encodingMs: 1_500 };

export const PANDA = { accessKey: 'notify-access', secretKey: 'notify-secret-0123456789', cloudId: 'c0ffee00c0ffee00c0ffee00c0ffee77', cloudName: 'notify' };
export const TELESTREAM = { accessKey: 'notify-ts-access', secretKey: 'notify-ts-secret-0123456789', factoryId: 'tf0000000000000000000000000000f7', factoryName: 'notify' };
export const ZIGGEO = demoZiggeoAccounts()[0]!;

/** Every event the bus carries, in publication order. */
export class Recorder {
  readonly events: VideoEvent[] = [];
  readonly bus = new MemoryEventBus();

  constructor() {
    this.bus.subscribe({ accounts: null }, (event) => this.events.push(event));
  }

  of(videoNativeId: string): VideoEvent[] {
    return this.events.filter((e) => e.videoNativeId === videoNativeId);
  }

  /** Waits (polling) until `done` holds over the events, or fails after `timeoutMs`. */
  async until(done: (events: VideoEvent[]) => boolean, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!done(this.events)) {
      if (Date.now() > end) throw new Error(`timed out; events so far: ${JSON.stringify(this.events.map((e) => [e.type, e.videoNativeId, e.progress]))}`);
      await sleep(20);
    }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface NotifyStack {
  readonly panda: PandaEmulator;
  readonly telestream: TelestreamEmulator;
  readonly ziggeo: ZiggeoEmulator;
  readonly gql: TestGateway;
  readonly recorder: Recorder;
  readonly accounts: AccountConfig[];
  close(): Promise<void>;
}

/** The three emulators that notify, fast, and a gateway over them (`pa`, `ts`, `zg`, and `dm` when asked) publishing on a recorded bus. */
export async function startNotifyStack(options: { config?: Record<string, unknown>; logger?: Logger; dailymotion?: boolean } = {}): Promise<NotifyStack> {
  const clock = new EmulatorClock();
  const panda = await startPandaEmulator({ accounts: [PANDA], clock, ...FAST_TIMING, notifications: FAST_NOTIFICATIONS });
  const telestream = await startTelestreamEmulator({ accounts: [TELESTREAM], clock, ...FAST_TIMING, notifications: FAST_NOTIFICATIONS });
  const ziggeo = await startZiggeoEmulator({ accounts: [ZIGGEO], clock, processingMs: 800, webhooks: FAST_NOTIFICATIONS });
  const accounts: AccountConfig[] = [
    { id: 'pa', provider: 'panda', baseUrl: panda.baseUrl, cloudId: PANDA.cloudId, accessKey: PANDA.accessKey, secretKey: PANDA.secretKey },
    { id: 'ts', provider: 'telestream', baseUrl: telestream.baseUrl, factoryId: TELESTREAM.factoryId, accessKey: TELESTREAM.accessKey, secretKey: TELESTREAM.secretKey },
    { id: 'zg', provider: 'ziggeo', baseUrl: ziggeo.baseUrl, token: ZIGGEO.token, privateKey: ZIGGEO.privateKey, encryptionKey: ZIGGEO.encryptionKey },
    // no notifications at Dailymotion: never called here
    ...(options.dailymotion ? [{ id: 'dm', provider: 'dailymotion' as const, baseUrl: 'http://127.0.0.1:9', userId: 'dm-user', apiKey: 'dm-api-key' }] : []),
  ];
  const recorder = new Recorder();
  const gql = await startTestGateway(accounts, options.config, { events: recorder.bus, logger: options.logger });
  return {
    panda,
    telestream,
    ziggeo,
    gql,
    recorder,
    accounts,
    async close() {
      await gql.close();
      await Promise.all([panda.close(), telestream.close(), ziggeo.close()]);
    },
  };
}

export interface ConfigureResult {
  accountId: string;
  delivery: string;
  receiverBaseUrl: string;
  events: string[];
  webhookId: string | null;
  confirmed: boolean;
}

export async function configure(gql: TestGateway, account: string): Promise<ConfigureResult> {
  const query = `mutation($a: ID!) { configureNotifications(account: $a) { accountId delivery receiverBaseUrl events webhookId confirmed } }`;
  return (dataOf(await gql.raw(JSON.stringify({ query, variables: { a: account } }))) as { configureNotifications: ConfigureResult }).configureNotifications;
}

/** POSTs a body to a URL over loopback; status and text. */
export function post(url: string, body: string, contentType = 'application/x-www-form-urlencoded', method = 'POST'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A loopback server answering with `decide` (and forwarding to `forwardTo` when it says so); the requests it saw. */
export async function startHttpSpy(decide: (n: number, req: IncomingMessage, body: string) => { status: number; forward?: boolean }, forwardTo?: () => string) {
  const seen: { path: string; body: string; contentType: string | undefined; status: number }[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const verdict = decide(seen.length, req, body);
      seen.push({ path: req.url ?? '', body, contentType: req.headers['content-type'], status: verdict.status });
      // forwarded before the answer, so the gateway sees deliveries in the order they came
      const forwarded = verdict.forward && forwardTo ? post(forwardTo() + (req.url ?? ''), body, req.headers['content-type']).catch(() => undefined) : Promise.resolve();
      void forwarded.then(() => res.writeHead(verdict.status).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
