import type { AccountConfig } from '../config';
import { EmulatorClock } from './common/clock';
import { demoPandaAccounts, startPandaEmulator, type PandaEmulatorAccount } from './panda';

/** The embedded emulators and the vidmesh accounts pointing at them (DESIGN §3). */
export interface EmulatorSet {
  readonly accounts: AccountConfig[];
  /** One line per emulator for `npm run emulators`: credentials included, for SDKs. */
  readonly lines: { provider: string; baseUrl: string; accounts: unknown[] }[];
  close(): Promise<void>;
}

export interface EmulatorSetOptions {
  /** Accounts from a vidmesh config (`--accounts`); the demo accounts with demo data when absent. */
  readonly accounts?: readonly AccountConfig[];
  /** Fixed clock, to replay recorded requests (`--clock`). */
  readonly clock?: string;
  /** First emulator's port; the others take the next ones (`--port`). 0: ephemeral. */
  readonly port?: number;
  readonly host?: string;
}

function pandaAccountsOf(accounts: readonly AccountConfig[]): PandaEmulatorAccount[] {
  return accounts.flatMap((a) => (a.provider === 'panda' ? [{ accessKey: a.accessKey, secretKey: a.secretKey, cloudId: a.cloudId, cloudName: a.id }] : []));
}

export async function startEmulators(options: EmulatorSetOptions = {}): Promise<EmulatorSet> {
  const clock = new EmulatorClock(options.clock ?? null);
  const demo = options.accounts === undefined;
  const port = options.port ?? 0;
  let next = port;
  const nextPort = () => (port === 0 ? 0 : next++);

  const pandaAccounts = demo ? demoPandaAccounts() : pandaAccountsOf(options.accounts ?? []);
  const panda = await startPandaEmulator({ accounts: pandaAccounts, clock, demoData: demo, port: nextPort(), host: options.host });

  const pandaConfigs: AccountConfig[] = demo
    ? pandaAccounts.map((a) => ({
        id: `panda-${(a.cloudName ?? a.cloudId).toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`,
        provider: 'panda',
        baseUrl: panda.baseUrl,
        cloudId: a.cloudId,
        accessKey: a.accessKey,
        secretKey: a.secretKey,
      }))
    : (options.accounts ?? []).filter((a) => a.provider === 'panda').map((a) => ({ ...a, baseUrl: panda.baseUrl }));

  return {
    accounts: pandaConfigs,
    lines: [{ provider: 'panda', baseUrl: panda.baseUrl, accounts: pandaAccounts.map((a) => ({ ...a })) }],
    async close() {
      await panda.close();
    },
  };
}
