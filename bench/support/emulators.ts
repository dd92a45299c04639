import type { AccountConfig, ProviderName } from '../../src/config';
import type { RequestLog, RunningEmulator } from '../../emulators/common/types';
import { demoDailymotionAccounts, startDailymotionEmulator } from '../../emulators/dailymotion';
import { demoPandaAccounts, startPandaEmulator } from '../../emulators/panda';
import { demoTelestreamAccounts, startTelestreamEmulator } from '../../emulators/telestream';
import { demoZiggeoAccounts, startZiggeoEmulator } from '../../emulators/ziggeo';

export const PROVIDERS: readonly ProviderName[] = ['panda', 'telestream', 'dailymotion', 'ziggeo'];

/** One provider's emulator with demo data, and the one vidmesh account pointing at it. */
export interface BenchEmulator {
  readonly provider: ProviderName;
  readonly accounts: AccountConfig[];
  /** Every request answered, in order: what the efficiency suite counts. */
  readonly log: RequestLog;
  close(): Promise<void>;
}

/**
 * Starts `provider`'s emulator on loopback with its first demo account and demo data; with
 * `latencyMs` > 0, every response waits that long first (the emulators' `delay` fault, kept for
 * every request).
 */
export async function startBenchEmulator(provider: ProviderName, options: { latencyMs: number }): Promise<BenchEmulator> {
  const id = `${provider}-bench`;
  let running: RunningEmulator<unknown>;
  let account: (baseUrl: string) => AccountConfig;
  if (provider === 'panda') {
    const a = demoPandaAccounts()[0]!;
    running = await startPandaEmulator({ accounts: [a], demoData: true });
    account = (baseUrl) => ({ id, provider, baseUrl, cloudId: a.cloudId, accessKey: a.accessKey, secretKey: a.secretKey });
  } else if (provider === 'telestream') {
    const a = demoTelestreamAccounts()[0]!;
    running = await startTelestreamEmulator({ accounts: [a], demoData: true });
    account = (baseUrl) => ({ id, provider, baseUrl, factoryId: a.factoryId, accessKey: a.accessKey, secretKey: a.secretKey });
  } else if (provider === 'dailymotion') {
    const a = demoDailymotionAccounts()[0]!;
    running = await startDailymotionEmulator({ accounts: [a], demoData: true });
    account = (baseUrl) => ({ id, provider, baseUrl, cdnUrl: baseUrl, userId: a.userId, apiKey: a.apiKey });
  } else {
    const a = demoZiggeoAccounts()[0]!;
    running = await startZiggeoEmulator({ accounts: [a], demoData: true });
    account = (baseUrl) => ({ id, provider, baseUrl, token: a.token, privateKey: a.privateKey, encryptionKey: a.encryptionKey });
  }
  const accounts = [account(running.baseUrl)];
  if (options.latencyMs > 0) running.injectFault({ kind: 'delay', delayMs: options.latencyMs });
  return { provider, accounts, log: running.log, close: () => running.close() };
}
