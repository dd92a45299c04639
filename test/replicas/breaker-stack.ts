import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import type { AccountConfig } from '../../src/config';
import { createLogger } from '../../src/observability/logger';
import { EmulatorClock } from '../../emulators/common/clock';
import { startPandaEmulator, type PandaEmulator, type PandaEmulatorAccount } from '../../emulators/panda';
import { pandaAccountConfig } from '../support/panda-stack';
import { startTestGateway, type GraphQLResult, type TestGateway } from '../support/gateway';
import { startRedis, type RedisServer } from '../support/redis';
import { VideosDocument, type VideosQuery } from '../generated/graphql';

const BAD: PandaEmulatorAccount = { accessKey: 'bad-ak', secretKey: 'bad-secret-0123456789', cloudId: 'bad00000bad00000bad00000bad00001', cloudName: 'bad' };
const GOOD: PandaEmulatorAccount = { accessKey: 'good-ak', secretKey: 'good-secret-0123456789', cloudId: '900d0000900d0000900d0000900d0001', cloudName: 'good' };

export type LogLine = Record<string, unknown> & { msg: string; level: number };

/** One gateway of the deployment, with the log lines it wrote. */
export interface Replica {
  readonly gql: TestGateway;
  readonly lines: LogLine[];
  /** Each account's circuit as this replica's /readyz lists it. */
  circuits(): Promise<Record<string, string>>;
  readyz(): Promise<{ status: number; body: Record<string, unknown> }>;
  /** `videos` over both accounts. */
  query(): Promise<GraphQLResult<VideosQuery>>;
  close(): Promise<void>;
}

/**
 * A deployment's pieces: one real Redis, two Panda emulators (faults injected into `bad` leave
 * `good` alone), and as many gateways sharing the Redis as a test starts.
 */
export interface ReplicaStack {
  readonly redis: RedisServer;
  readonly bad: PandaEmulator;
  readonly good: PandaEmulator;
  readonly accounts: AccountConfig[];
  startReplica(): Promise<Replica>;
  /** Upstream list calls `bad`'s emulator received so far. */
  badCalls(): number;
  close(): Promise<void>;
}

export async function startReplicaStack(config: Record<string, unknown>): Promise<ReplicaStack> {
  const redis = await startRedis();
  const clock = new EmulatorClock();
  const bad = await startPandaEmulator({ accounts: [BAD], demoData: true, clock });
  const good = await startPandaEmulator({ accounts: [GOOD], demoData: true, clock });
  const accounts = [pandaAccountConfig(BAD, bad.baseUrl), pandaAccountConfig(GOOD, good.baseUrl)];
  const shared = {
    state: { redis: { url: redis.url, keyPrefix: `t${randomBytes(4).toString('hex')}:`, commandTimeoutMs: 300 } },
    tokens: { keys: [{ id: 'k1', secret: randomBytes(32).toString('base64') }] },
    ...config,
  };
  const replicas: Replica[] = [];
  return {
    redis,
    bad,
    good,
    accounts,
    badCalls: () => bad.log.count((e) => e.path.endsWith('/videos.json')),
    async startReplica() {
      const lines: LogLine[] = [];
      const logger = createLogger({ level: 'debug', destination: { write: (text: string) => void lines.push(JSON.parse(text) as LogLine) } });
      const gql = await startTestGateway(accounts, shared, { logger });
      const get = async (path: string) => {
        const response = await request(new URL(path, gql.gateway.url));
        return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
      };
      let closing: Promise<void> | undefined;
      const replica: Replica = {
        gql,
        lines,
        readyz: () => get('/readyz'),
        async circuits() {
          const { body } = await get('/readyz');
          return Object.fromEntries((body.accounts as { account: string; circuit: string }[]).map((a) => [a.account, a.circuit]));
        },
        query: () => gql.exec(VideosDocument, { accounts: ['bad', 'good'], first: 5 }),
        close: () => (closing ??= gql.close()),
      };
      replicas.push(replica);
      return replica;
    },
    async close() {
      await Promise.all(replicas.map((r) => r.close().catch(() => undefined)));
      await Promise.all([bad.close(), good.close(), redis.close()]);
    },
  };
}

/** Polls `check` every 20 ms until it holds; answers the milliseconds it took, or throws after `withinMs`. */
export async function eventually(check: () => Promise<boolean>, withinMs: number, what: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > withinMs) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
