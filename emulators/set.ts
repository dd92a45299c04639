import type { EmulatorAccountSpec, EmulatorProvider } from './accounts-file';
import { EmulatorClock } from './common/clock';
import { demoDailymotionAccounts, startDailymotionEmulator, type DailymotionEmulatorAccount } from './dailymotion';
import { demoPandaAccounts, startPandaEmulator, type NotifierOptions, type PandaEmulatorAccount } from './panda';
import { demoTelestreamAccounts, startTelestreamEmulator, type TelestreamEmulatorAccount } from './telestream';
import { demoZiggeoAccounts, startZiggeoEmulator, type ZiggeoEmulatorAccount } from './ziggeo';

/** An account with the URL of the emulator serving it: a vidmesh config entry for that emulator. */
export type AccountOnEmulator<A extends EmulatorAccountSpec> = A & { readonly baseUrl: string; readonly cdnUrl?: string };

/** The four emulators and the accounts pointing at them (DESIGN §3). */
export interface EmulatorSet<A extends EmulatorAccountSpec = EmulatorAccountSpec> {
  /** The given accounts with their emulator's URL, or one account per demo cloud/factory/user/application. */
  readonly accounts: AccountOnEmulator<A | EmulatorAccountSpec>[];
  /** One line per emulator for `npm run emulators`: credentials included, for SDKs. */
  readonly lines: { provider: EmulatorProvider; baseUrl: string; accounts: unknown[] }[];
  close(): Promise<void>;
}

export interface EmulatorSetOptions<A extends EmulatorAccountSpec = EmulatorAccountSpec> {
  /** Accounts of a vidmesh config (`--accounts`); the demo accounts with demo data when absent. */
  readonly accounts?: readonly A[];
  /** Fixed clock, to replay recorded requests (`--clock`). */
  readonly clock?: string;
  /** First emulator's port; the others take the next ones (`--port`). 0: ephemeral. */
  readonly port?: number;
  readonly host?: string;
  /** Encoding speed (Panda, Telestream: queue/encoding/download ms; Ziggeo: processing ms); the emulators' defaults when absent. */
  readonly timing?: { readonly queueMs?: number; readonly encodingMs?: number; readonly downloadMs?: number; readonly processingMs?: number };
  /** Notification and webhook callbacks: ticker, progress step, back-off. */
  readonly notifications?: NotifierOptions;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 48);

function ofProvider<P extends EmulatorProvider>(accounts: readonly EmulatorAccountSpec[], provider: P): Extract<EmulatorAccountSpec, { provider: P }>[] {
  return accounts.filter((a): a is Extract<EmulatorAccountSpec, { provider: P }> => a.provider === provider);
}

export async function startEmulatorSet<A extends EmulatorAccountSpec = EmulatorAccountSpec>(options: EmulatorSetOptions<A> = {}): Promise<EmulatorSet<A>> {
  const clock = new EmulatorClock(options.clock ?? null);
  const demo = options.accounts === undefined;
  const given: readonly A[] = options.accounts ?? [];
  let next = options.port ?? 0;
  const nextPort = () => (options.port ? next++ : 0);

  const pandaAccounts: PandaEmulatorAccount[] = demo
    ? demoPandaAccounts()
    : ofProvider(given, 'panda').map((a) => ({ accessKey: a.accessKey, secretKey: a.secretKey, cloudId: a.cloudId, cloudName: a.id }));
  const { processingMs, ...encoding } = options.timing ?? {};
  const notifications = options.notifications;
  const panda = await startPandaEmulator({ accounts: pandaAccounts, clock, demoData: demo, port: nextPort(), host: options.host, ...encoding, notifications });

  const ziggeoAccounts: ZiggeoEmulatorAccount[] = demo
    ? demoZiggeoAccounts()
    : ofProvider(given, 'ziggeo').map((a) => ({ token: a.token, privateKey: a.privateKey, encryptionKey: a.encryptionKey, name: a.id }));
  const ziggeo = await startZiggeoEmulator({ accounts: ziggeoAccounts, clock, demoData: demo, port: nextPort(), host: options.host, processingMs, webhooks: notifications });

  const telestreamAccounts: TelestreamEmulatorAccount[] = demo
    ? demoTelestreamAccounts()
    : ofProvider(given, 'telestream').map((a) => ({ accessKey: a.accessKey, secretKey: a.secretKey, factoryId: a.factoryId, factoryName: a.id }));
  const telestream = await startTelestreamEmulator({ accounts: telestreamAccounts, clock, demoData: demo, port: nextPort(), host: options.host, ...encoding, notifications });

  const dailymotionAccounts: DailymotionEmulatorAccount[] = demo
    ? demoDailymotionAccounts()
    : ofProvider(given, 'dailymotion').map((a) => ({ userId: a.userId, apiKey: a.apiKey, username: a.id }));
  const dailymotion = await startDailymotionEmulator({ accounts: dailymotionAccounts, clock, demoData: demo, port: nextPort(), host: options.host });

  const urls: Record<EmulatorProvider, { baseUrl: string; cdnUrl?: string }> = {
    panda: { baseUrl: panda.baseUrl },
    telestream: { baseUrl: telestream.baseUrl },
    dailymotion: { baseUrl: dailymotion.baseUrl, cdnUrl: dailymotion.baseUrl },
    ziggeo: { baseUrl: ziggeo.baseUrl },
  };
  const accounts: AccountOnEmulator<A | EmulatorAccountSpec>[] = demo
    ? [
        ...pandaAccounts.map((a) => ({
          id: `panda-${slug(a.cloudName ?? a.cloudId)}`,
          provider: 'panda' as const,
          ...urls.panda,
          cloudId: a.cloudId,
          accessKey: a.accessKey,
          secretKey: a.secretKey,
        })),
        ...telestreamAccounts.map((a) => ({
          id: `telestream-${slug(a.factoryName ?? a.factoryId)}`,
          provider: 'telestream' as const,
          ...urls.telestream,
          factoryId: a.factoryId,
          accessKey: a.accessKey,
          secretKey: a.secretKey,
        })),
        ...dailymotionAccounts.map((a) => ({ id: `dailymotion-${slug(a.username)}`, provider: 'dailymotion' as const, ...urls.dailymotion, userId: a.userId, apiKey: a.apiKey })),
        ...ziggeoAccounts.map((a) => ({
          id: `ziggeo-${slug(a.name ?? a.token)}`,
          provider: 'ziggeo' as const,
          ...urls.ziggeo,
          token: a.token,
          privateKey: a.privateKey,
          encryptionKey: a.encryptionKey,
        })),
      ]
    : given.map((a) => ({ ...a, ...urls[a.provider] }));

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
