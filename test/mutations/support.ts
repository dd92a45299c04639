import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import type { AccountConfig } from '../../src/config';
import type { GatewayOptions } from '../../src/http/server';
import { EmulatorClock } from '../../emulators/common/clock';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS } from '../support/panda-stack';

export const CREATE_VIDEO = `mutation ($input: CreateVideoInput!) { createVideo(input: $input) { video { id nativeId } } }`;

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly data?: Record<string, { video?: { id: string; nativeId: string } } | null> | null;
  readonly errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A POST of one operation with optional headers, answering status, headers and body. */
export async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.statusCode, headers: response.headers, ...((await response.body.json()) as object) };
}

export const newKey = (): string => randomBytes(12).toString('hex');

/** One Panda emulator (account `alpha`) and gateways over it, as a test starts them. */
export interface PandaFarm {
  readonly emulator: PandaEmulator;
  readonly account: AccountConfig;
  gateway(extra?: Record<string, unknown>, options?: GatewayOptions): Promise<TestGateway>;
  /** Videos the emulator created since the start (`POST …/videos.json` answered 201/200). */
  creations(): number;
  close(): Promise<void>;
}

export async function startPandaFarm(): Promise<PandaFarm> {
  const emulator = await startPandaEmulator({ accounts: [PANDA_TEST_ACCOUNTS[0]!], clock: new EmulatorClock() });
  const account = pandaAccountConfig(PANDA_TEST_ACCOUNTS[0]!, emulator.baseUrl, 'alpha');
  const gateways: TestGateway[] = [];
  return {
    emulator,
    account,
    async gateway(extra = {}, options) {
      const gql = await startTestGateway([account], extra, options);
      gateways.push(gql);
      return gql;
    },
    creations: () => emulator.log.entries.filter((e) => e.method === 'POST' && e.path.endsWith('/videos.json') && e.status < 300).length,
    async close() {
      // a test may have closed one already (a restart)
      await Promise.allSettled(gateways.map((g) => g.close()));
      await emulator.close();
    },
  };
}
