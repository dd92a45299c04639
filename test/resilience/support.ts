import { request } from 'undici';
import type { AccountConfig } from '../../src/config';
import { EmulatorClock } from '../../emulators/common/clock';
import type { GatewayOptions } from '../../src/http/server';
import { startPandaEmulator, type PandaEmulator, type PandaEmulatorAccount } from '../../emulators/panda';
import { pandaAccountConfig } from '../support/panda-stack';
import { startTestGateway, type TestGateway } from '../support/gateway';

const BAD: PandaEmulatorAccount = { accessKey: 'bad-ak', secretKey: 'bad-secret-0123456789', cloudId: 'bad00000bad00000bad00000bad00001', cloudName: 'bad' };
const GOOD: PandaEmulatorAccount = { accessKey: 'good-ak', secretKey: 'good-secret-0123456789', cloudId: '900d0000900d0000900d0000900d0001', cloudName: 'good' };

/** Two Panda accounts on two emulators — faults injected into `bad` leave `good` alone — and a gateway over both. */
export interface TwoAccountStack {
  readonly bad: PandaEmulator;
  readonly good: PandaEmulator;
  readonly gql: TestGateway;
  readonly accounts: AccountConfig[];
  /** GET a path beside /graphql (healthz, readyz, metrics). */
  get(path: string): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }>;
  close(): Promise<void>;
}

export async function startTwoAccountStack(gatewayConfig: Record<string, unknown> = {}, options?: GatewayOptions): Promise<TwoAccountStack> {
  const clock = new EmulatorClock();
  const bad = await startPandaEmulator({ accounts: [BAD], demoData: true, clock });
  const good = await startPandaEmulator({ accounts: [GOOD], demoData: true, clock });
  const accounts = [pandaAccountConfig(BAD, bad.baseUrl), pandaAccountConfig(GOOD, good.baseUrl)];
  const gql = await startTestGateway(accounts, gatewayConfig, options);
  return {
    bad,
    good,
    gql,
    accounts,
    async get(path) {
      const response = await request(new URL(path, gql.gateway.url));
      return { status: response.statusCode, text: await response.body.text(), headers: response.headers };
    },
    async close() {
      await gql.close();
      await Promise.all([bad.close(), good.close()]);
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
