import type { AccountConfig } from '../../src/config';
import { EmulatorClock } from '../../emulators/common/clock';
import type { LoggedRequest } from '../../emulators/common/types';
import { startPandaEmulator, type PandaEmulator, type PandaEmulatorAccount } from '../../emulators/panda';
import { startTestGateway, type TestGateway } from './gateway';

export const PANDA_TEST_ACCOUNTS: PandaEmulatorAccount[] = [
  { accessKey: 'test-access-1', secretKey: 'test-secret-one-0123456789', cloudId: 'c0ffee00c0ffee00c0ffee00c0ffee01', cloudName: 'alpha' },
  { accessKey: 'test-access-2', secretKey: 'test-secret-two-0123456789', cloudId: 'c0ffee00c0ffee00c0ffee00c0ffee02', cloudName: 'beta' },
];

/** A Panda emulator with demo data in two clouds, and a gateway over both as accounts `alpha` and `beta`. */
export interface PandaStack {
  readonly emulator: PandaEmulator;
  readonly gql: TestGateway;
  readonly accounts: AccountConfig[];
  /** Upstream requests since the last `resetLog()`. */
  calls(filter?: (entry: LoggedRequest) => boolean): LoggedRequest[];
  resetLog(): void;
  close(): Promise<void>;
}

export function pandaAccountConfig(a: PandaEmulatorAccount, baseUrl: string, id = a.cloudName ?? a.cloudId): AccountConfig {
  return { id, provider: 'panda', baseUrl, cloudId: a.cloudId, accessKey: a.accessKey, secretKey: a.secretKey };
}

export async function startPandaStack(
  options: {
    extraAccounts?: (emulatorUrl: string) => AccountConfig[];
    gatewayConfig?: Record<string, unknown>;
    /** Off for tests that move the emulator's clock ahead of the gateway's (timestamps would look old). */
    checkTimestamps?: boolean;
  } = {},
): Promise<PandaStack> {
  const emulator = await startPandaEmulator({ accounts: PANDA_TEST_ACCOUNTS, demoData: true, clock: new EmulatorClock(), checkTimestamps: options.checkTimestamps });
  const accounts = [...PANDA_TEST_ACCOUNTS.map((a) => pandaAccountConfig(a, emulator.baseUrl)), ...(options.extraAccounts?.(emulator.baseUrl) ?? [])];
  const gql = await startTestGateway(accounts, options.gatewayConfig);
  return {
    emulator,
    gql,
    accounts,
    calls: (filter = () => true) => emulator.log.entries.filter(filter),
    resetLog: () => emulator.log.clear(),
    async close() {
      await gql.close();
      await emulator.close();
    },
  };
}
