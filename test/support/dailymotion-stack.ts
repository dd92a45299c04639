import type { AccountConfig } from '../../src/config';
import { EmulatorClock } from '../../emulators/common/clock';
import {
  demoDailymotionAccounts,
  startDailymotionEmulator,
  type DailymotionEmulator,
  type DailymotionEmulatorAccount,
  type RpcCallEntry,
  type StoredMedia,
} from '../../emulators/dailymotion';
import { startTestGateway, type TestGateway } from './gateway';

/** A Dailymotion emulator with demo media for one user, and a gateway over it as account `dm`. */
export interface DailymotionStack {
  readonly emulator: DailymotionEmulator;
  readonly gql: TestGateway;
  readonly user: DailymotionEmulatorAccount;
  /** RPCs answered since the last `resetCalls()`, optionally only those of one method. */
  calls(call?: string): RpcCallEntry[];
  resetCalls(): void;
  /** The user's media in the emulator's store, newest first. */
  media(): StoredMedia[];
  close(): Promise<void>;
}

export function dailymotionAccountConfig(user: DailymotionEmulatorAccount, baseUrl: string, id = 'dm'): AccountConfig {
  return { id, provider: 'dailymotion', baseUrl, cdnUrl: baseUrl, userId: user.userId, apiKey: user.apiKey };
}

export async function startDailymotionStack(options: { extraAccounts?: (emulatorUrl: string) => AccountConfig[] } = {}): Promise<DailymotionStack> {
  const user = demoDailymotionAccounts()[0]!;
  const emulator = await startDailymotionEmulator({ accounts: [user], demoData: true, clock: new EmulatorClock() });
  const gql = await startTestGateway([dailymotionAccountConfig(user, emulator.baseUrl), ...(options.extraAccounts?.(emulator.baseUrl) ?? [])]);
  return {
    emulator,
    gql,
    user,
    calls: (call) => emulator.calls.filter((c) => call === undefined || c.call === call),
    resetCalls: () => void emulator.calls.splice(0),
    media: () => [...emulator.store.user(user.userId).media.values()].sort((a, b) => b.created - a.created),
    async close() {
      await gql.close();
      await emulator.close();
    },
  };
}
