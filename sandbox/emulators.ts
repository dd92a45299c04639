import type { AccountConfig } from '../src/config';
import { EmulatorClock } from '../emulators/common/clock';
import { demoDailymotionAccounts, startDailymotionEmulator, type DailymotionEmulatorAccount } from '../emulators/dailymotion';
import { demoPandaAccounts, startPandaEmulator, type PandaEmulatorAccount } from '../emulators/panda';
import { demoTelestreamAccounts, startTelestreamEmulator, type TelestreamEmulatorAccount } from '../emulators/telestream';
import { demoZiggeoAccounts, startZiggeoEmulator, type ZiggeoEmulatorAccount } from '../emulators/ziggeo';

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

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 48);

export async function startEmulators(options: EmulatorSetOptions = {}): Promise<EmulatorSet> {
  const clock = new EmulatorClock(options.clock ?? null);
  const demo = options.accounts === undefined;
  const given = options.accounts ?? [];
  let next = options.port ?? 0;
  const nextPort = () => (options.port ? next++ : 0);

  const pandaAccounts: PandaEmulatorAccount[] = demo
    ? demoPandaAccounts()
    : given.flatMap((a) => (a.provider === 'panda' ? [{ accessKey: a.accessKey, secretKey: a.secretKey, cloudId: a.cloudId, cloudName: a.id }] : []));
  const panda = await startPandaEmulator({ accounts: pandaAccounts, clock, demoData: demo, port: nextPort(), host: options.host });

  const ziggeoAccounts: ZiggeoEmulatorAccount[] = demo
    ? demoZiggeoAccounts()
    : given.flatMap((a) => (a.provider === 'ziggeo' ? [{ token: a.token, privateKey: a.privateKey, encryptionKey: a.encryptionKey, name: a.id }] : []));
  const ziggeo = await startZiggeoEmulator({ accounts: ziggeoAccounts, clock, demoData: demo, port: nextPort(), host: options.host });

  const telestreamAccounts: TelestreamEmulatorAccount[] = demo
    ? demoTelestreamAccounts()
    : given.flatMap((a) => (a.provider === 'telestream' ? [{ accessKey: a.accessKey, secretKey: a.secretKey, factoryId: a.factoryId, factoryName: a.id }] : []));
  const telestream = await startTelestreamEmulator({ accounts: telestreamAccounts, clock, demoData: demo, port: nextPort(), host: options.host });

  const dailymotionAccounts: DailymotionEmulatorAccount[] = demo
    ? demoDailymotionAccounts()
    : given.flatMap((a) => (a.provider === 'dailymotion' ? [{ userId: a.userId, apiKey: a.apiKey, username: a.id }] : []));
  const dailymotion = await startDailymotionEmulator({ accounts: dailymotionAccounts, clock, demoData: demo, port: nextPort(), host: options.host });

  const accounts: AccountConfig[] = demo
    ? [
        ...pandaAccounts.map((a): AccountConfig => ({
          id: `panda-${slug(a.cloudName ?? a.cloudId)}`,
          provider: 'panda',
          baseUrl: panda.baseUrl,
          cloudId: a.cloudId,
          accessKey: a.accessKey,
          secretKey: a.secretKey,
        })),
        ...telestreamAccounts.map((a): AccountConfig => ({
          id: `telestream-${slug(a.factoryName ?? a.factoryId)}`,
          provider: 'telestream',
          baseUrl: telestream.baseUrl,
          factoryId: a.factoryId,
          accessKey: a.accessKey,
          secretKey: a.secretKey,
        })),
        ...dailymotionAccounts.map((a): AccountConfig => ({
          id: `dailymotion-${slug(a.username)}`,
          provider: 'dailymotion',
          baseUrl: dailymotion.baseUrl,
          cdnUrl: dailymotion.baseUrl,
          userId: a.userId,
          apiKey: a.apiKey,
        })),
        ...ziggeoAccounts.map((a): AccountConfig => ({
          id: `ziggeo-${slug(a.name ?? a.token)}`,
          provider: 'ziggeo',
          baseUrl: ziggeo.baseUrl,
          token: a.token,
          privateKey: a.privateKey,
          encryptionKey: a.encryptionKey,
        })),
      ]
    : given.flatMap((a): AccountConfig[] =>
        a.provider === 'panda'
          ? [{ ...a, baseUrl: panda.baseUrl }]
          : a.provider === 'telestream'
            ? [{ ...a, baseUrl: telestream.baseUrl }]
            : a.provider === 'ziggeo'
            ? [{ ...a, baseUrl: ziggeo.baseUrl }]
            : a.provider === 'dailymotion'
              ? [{ ...a, baseUrl: dailymotion.baseUrl, cdnUrl: dailymotion.baseUrl }]
              : [],
      );

  return {
    accounts,
    lines: [
      { provider: 'panda', baseUrl: panda.baseUrl, accounts: pandaAccounts.map((a) => ({ ...a })) },
      { provider: 'telestream', baseUrl: telestream.baseUrl, accounts: telestreamAccounts.map((a) => ({ ...a })) },
      { provider: 'dailymotion', baseUrl: dailymotion.baseUrl, accounts: dailymotionAccounts.map((a) => ({ ...a })) },
      { provider: 'ziggeo', baseUrl: ziggeo.baseUrl, accounts: ziggeoAccounts.map((a) => ({ ...a })) },
    ],
    async close() {
      await Promise.all([panda.close(), telestream.close(), dailymotion.close(), ziggeo.close()]);
    },
  };
}
