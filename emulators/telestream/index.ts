import { startHmacQueryEmulator, type EmulatorDialect, type PandaEmulator, type PandaEmulatorOptions, type PandaStore } from '../panda';
import type { RunningEmulator } from '../common/types';

/**
 * A local Telestream Cloud Flip API 3.0 (telestream spec §7): Panda's emulator under the
 * Telestream dialect — `/v3.0`, `factory_id`, `/factories`, multi-part upload sessions.
 */
export const TELESTREAM_EMULATOR_DIALECT: EmulatorDialect = {
  provider: 'telestream',
  versionPrefix: '/v3.0',
  scopeKey: 'factory_id',
  scopeCollection: 'factories',
  scopeModel: 'Factory',
  // the vectors' part size (spec §6.1)
  partSize: 5 * 1024 * 1024,
};

export interface TelestreamEmulatorAccount {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly factoryId: string;
  readonly factoryName?: string;
}

export interface TelestreamEmulatorOptions extends Omit<PandaEmulatorOptions, 'accounts' | 'uploadRangeWhenEmpty'> {
  /** Several factories may share one access key (with one secret). */
  readonly accounts: readonly TelestreamEmulatorAccount[];
  /** Default 5 MiB (spec §6.1). */
  readonly partSize?: number;
}

export interface TelestreamEmulator extends RunningEmulator<TelestreamEmulatorAccount> {
  readonly store: PandaStore;
  readonly uploads: PandaEmulator['uploads'];
  readonly notifier: PandaEmulator['notifier'];
}

export async function startTelestreamEmulator(options: TelestreamEmulatorOptions): Promise<TelestreamEmulator> {
  const { accounts, partSize, ...rest } = options;
  const dialect = { ...TELESTREAM_EMULATOR_DIALECT, partSize: partSize ?? TELESTREAM_EMULATOR_DIALECT.partSize };
  const running = await startHmacQueryEmulator(
    { ...rest, accounts: accounts.map((a) => ({ accessKey: a.accessKey, secretKey: a.secretKey, cloudId: a.factoryId, cloudName: a.factoryName })) },
    dialect,
  );
  return { ...running, provider: 'telestream', accounts };
}

/** Demo credentials for the sandbox: two factories on one key, one on another. */
export function demoTelestreamAccounts(): TelestreamEmulatorAccount[] {
  return [
    { accessKey: 'demo-telestream-access-key-1', secretKey: 'demo-telestream-secret-key-1', factoryId: 'tf0000000000000000000000000000a1', factoryName: 'eu-studio' },
    { accessKey: 'demo-telestream-access-key-1', secretKey: 'demo-telestream-secret-key-1', factoryId: 'tf0000000000000000000000000000a2', factoryName: 'eu-promo' },
    { accessKey: 'demo-telestream-access-key-2', secretKey: 'demo-telestream-secret-key-2', factoryId: 'tf0000000000000000000000000000b1', factoryName: 'us-library' },
  ];
}
