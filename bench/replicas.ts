import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { parseConfig, type AccountConfig } from '../src/config';
import { startGateway, type Gateway } from '../src/http/server';
import { EmulatorClock } from '../emulators/common/clock';
import { demoPandaAccounts, startPandaEmulator } from '../emulators/panda';
import { demoZiggeoAccounts, MemoryMedia, startZiggeoEmulator } from '../emulators/ziggeo';
import { findRedisServer, MISSING_LINE, startRedis } from '../test/support/redis';
import type { BenchRow, Suite } from './types';
import { BenchClient } from './support/graphql-client';
import { benchLogger } from './support/logger';
import { percentile, ratioOf } from './support/stats';
import { CONCURRENCY, UPSTREAM_LATENCY_MS } from './overhead';

type Mode = 'redis' | 'memory';

/** A gateway of one mode and what its operations need: an upload to poll, a download link, a client. */
interface Side {
  readonly gateway: Gateway;
  readonly client: BenchClient;
  readonly uploadId: string;
  readonly link: string;
}

const SESSION = 'query Poll($id: ID!) { uploadSession(id: $id) { id state bytesSent bytesTotal updatedAt } }';
const TICKET = 'mutation Ticket($input: CreateUploadTicketInput!) { createUploadTicket(input: $input) { id url } }';
const COMPLETE = 'mutation Complete($input: CompleteUploadInput!) { completeUpload(input: $input) { video { id } } }';
const FILE = randomBytes(1024);
const agent = new Agent({ connections: 64, keepAliveTimeout: 10_000 });

/** One small upload through the gateway's multipart endpoint: a finished session to poll. */
async function uploadOnce(gateway: Gateway, uploadId: string): Promise<void> {
  const boundary = `----bench${randomBytes(6).toString('hex')}`;
  const operations = JSON.stringify({
    query: 'mutation Up($input: UploadVideoInput!) { uploadVideo(input: $input) { upload { state } } }',
    variables: { input: { account: 'panda', file: null, fileSize: FILE.length, uploadId } },
  });
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([
    Buffer.from(
      part('operations', operations) +
        part('map', '{"0":["variables.input.file"]}') +
        `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="b.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
    ),
    FILE,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await request(gateway.url, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'apollo-require-preflight': 'true' },
    body,
  });
  const text = await response.body.text();
  if (!text.includes('COMPLETED')) throw new Error(`bench upload: ${text.slice(0, 300)}`);
}

/** Workers run `prepare` (not timed) then `measure` (timed) until `durationMs` has passed. */
async function timedLoop(prepare: () => Promise<unknown>, measure: (prepared: unknown) => Promise<void>, durationMs: number): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < until) {
      const prepared = await prepare();
      const start = performance.now();
      await measure(prepared);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies;
}

/** The state-touching operations of one side, each as prepare + measure. */
function operationsOf(side: Side): Record<string, [() => Promise<unknown>, (prepared: unknown) => Promise<void>]> {
  return {
    'upload progress polling (uploadSession)': [async () => undefined, async () => void (await side.client.post(SESSION, { id: side.uploadId }, 'Poll'))],
    'ticket completion (Panda, browser upload untimed)': [
      async () => {
        const { data } = await side.client.post(TICKET, { input: { account: 'panda', fileName: 'b.mp4', fileSize: FILE.length } }, 'Ticket');
        const ticket = (data as { createUploadTicket: { id: string; url: string } }).createUploadTicket;
        const sent = await request(ticket.url, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${FILE.length - 1}/${FILE.length}` },
          body: FILE,
        });
        await sent.body.dump();
        return ticket.id;
      },
      async (ticket) => void (await side.client.post(COMPLETE, { input: { ticket } }, 'Complete')),
    ],
    'download link open (Ziggeo, 64 KiB)': [
      async () => undefined,
      async () => {
        const response = await request(side.link, { dispatcher: agent });
        await response.body.dump();
        if (response.statusCode !== 200) throw new Error(`download: HTTP ${response.statusCode}`);
      },
    ],
  };
}

/**
 * Issue 15: what shared state costs. The operations that touch it — polling an upload's progress,
 * completing a ticket, opening a download link — through a gateway on Redis (a local
 * redis-server) against the same gateway in memory mode, both over the same emulators answering
 * after UPSTREAM_LATENCY_MS, taking turns round after round.
 */
export const run: Suite = async ({ quick }) => {
  if (findRedisServer() === null) {
    console.log(`replicas: ${MISSING_LINE}`);
    return [];
  }
  const redis = await startRedis();
  const clock = new EmulatorClock();
  const pandaAccount = demoPandaAccounts()[0]!;
  const ziggeoApp = demoZiggeoAccounts()[0]!;
  const panda = await startPandaEmulator({ accounts: [pandaAccount], clock });
  const ziggeo = await startZiggeoEmulator({ accounts: [ziggeoApp], clock });
  const sides: Partial<Record<Mode, Side>> = {};
  try {
    const app = ziggeo.store.app(ziggeoApp.token);
    const video = ziggeo.store.newVideo(app, clock.now().getTime() - 60_000, { key: 'bench-download', tags: null });
    const stream = ziggeo.store.newStream(video, clock.now().getTime() - 60_000);
    stream.video = new MemoryMedia(randomBytes(64 * 1024), 'video/mp4');
    stream.readyAt = clock.now().getTime() - 60_000;
    stream.outcome = 'READY';
    for (const emulator of [panda, ziggeo]) emulator.injectFault({ kind: 'delay', delayMs: UPSTREAM_LATENCY_MS });
    const accounts: AccountConfig[] = [
      { id: 'panda', provider: 'panda', baseUrl: panda.baseUrl, cloudId: pandaAccount.cloudId, accessKey: pandaAccount.accessKey, secretKey: pandaAccount.secretKey },
      { id: 'zig', provider: 'ziggeo', baseUrl: ziggeo.baseUrl, token: ziggeoApp.token, privateKey: ziggeoApp.privateKey, encryptionKey: ziggeoApp.encryptionKey },
    ];
    const shared = { state: { redis: { url: redis.url } }, tokens: { keys: [{ id: 'bench', secret: randomBytes(32).toString('base64url') }] } };
    for (const mode of ['redis', 'memory'] as const) {
      const config = parseConfig({ server: { host: '127.0.0.1', port: 0 }, accounts, ...(mode === 'redis' ? shared : {}) }, 'bench');
      const gateway = await startGateway(config, {}, { logger: benchLogger() });
      const client = new BenchClient(gateway.url);
      const uploadId = `bench-${mode}-upload`;
      await uploadOnce(gateway, uploadId);
      const { data } = await client.post('query L($t: String!) { ziggeoVideo(account: "zig", tokenOrKey: $t) { videoDownloadUrl } }', { t: video.token }, 'L');
      sides[mode] = { gateway, client, uploadId, link: (data as { ziggeoVideo: { videoDownloadUrl: string } }).ziggeoVideo.videoDownloadUrl };
    }
    const rows: BenchRow[] = [];
    const rounds = quick ? 2 : 4;
    const durationMs = quick ? 150 : 750;
    const names = Object.keys(operationsOf(sides.redis!));
    for (const name of names) {
      const samples: Record<Mode, number[]> = { redis: [], memory: [] };
      for (const mode of ['redis', 'memory'] as const) for (let i = 0; i < 3; i++) await timedLoop(...operationsOf(sides[mode]!)[name]!, 1);
      for (let round = 0; round < rounds; round++) {
        const order: Mode[] = round % 2 === 0 ? ['redis', 'memory'] : ['memory', 'redis'];
        for (const mode of order) samples[mode].push(...(await timedLoop(...operationsOf(sides[mode]!)[name]!, durationMs)));
      }
      for (const p of [50, 99]) {
        const vidmesh = percentile(samples.redis, p);
        const baseline = percentile(samples.memory, p);
        rows.push({
          suite: 'replicas',
          case: `${name}: Redis vs memory`,
          metric: `p${p} latency`,
          vidmesh,
          baseline,
          ratio: ratioOf(vidmesh, baseline),
          goal: p === 50 ? '<= 1.1' : 'info',
          unit: 'ms',
        });
      }
    }
    return rows;
  } finally {
    for (const side of Object.values(sides)) {
      await side.client.close();
      await side.gateway.close();
    }
    await Promise.all([panda.close(), ziggeo.close()]);
    await redis.close();
  }
};
