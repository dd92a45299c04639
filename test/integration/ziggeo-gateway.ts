import type { AccountConfig } from '../../src/config';
import { EmulatorClock } from '../../emulators/common/clock';
import { demoZiggeoAccounts, startZiggeoEmulator, type ZiggeoEmulator, type ZiggeoEmulatorAccount } from '../../emulators/ziggeo';
import type { GatewayOptions } from '../../src/http/server';
import { startTestGateway, type GraphQLResult, type TestGateway } from '../support/gateway';

/**
 * A Ziggeo emulator with demo data and a gateway over its first application (`zig`), optionally
 * with the gateway's test injections (clock, client token randomness).
 */
export interface ZiggeoGatewayStack {
  readonly emulator: ZiggeoEmulator;
  readonly app: ZiggeoEmulatorAccount;
  readonly gql: TestGateway;
  close(): Promise<void>;
}

export function ziggeoAccount(app: ZiggeoEmulatorAccount, baseUrl: string, overrides: Partial<Extract<AccountConfig, { provider: 'ziggeo' }>> = {}): AccountConfig {
  return { id: 'zig', provider: 'ziggeo', baseUrl, token: app.token, privateKey: app.privateKey, encryptionKey: app.encryptionKey, ...overrides };
}

export async function startZiggeoGateway(
  options: {
    extraAccounts?: (baseUrl: string, app: ZiggeoEmulatorAccount) => AccountConfig[];
    config?: Record<string, unknown>;
    gateway?: GatewayOptions;
  } = {},
): Promise<ZiggeoGatewayStack> {
  const app = demoZiggeoAccounts()[0]!;
  const emulator = await startZiggeoEmulator({ accounts: [app], demoData: true, clock: new EmulatorClock(), processingMs: 2_000 });
  const accounts = [ziggeoAccount(app, emulator.baseUrl), ...(options.extraAccounts?.(emulator.baseUrl, app) ?? [])];
  const gql = await startTestGateway(accounts, options.config, options.gateway);
  return {
    emulator,
    app,
    gql,
    async close() {
      await gql.close();
      await emulator.close();
    },
  };
}

/** The first error's code, or a failure when the call succeeded. */
export function codeOf(result: GraphQLResult<unknown>): unknown {
  if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.errors[0]!.extensions?.code;
}
