import { randomBytes } from 'node:crypto';
import { EmulatorClock } from '../common/clock';
import { closeServer, FaultList, listen } from '../common/http';
import { RequestLog, type RunningEmulator } from '../common/types';
import { seedDemoCloud } from './demo';
import { createPandaServer } from './server';
import { PandaStore } from './store';
import { UploadSessions } from './upload';

export { demoPandaAccounts } from './demo';
export { PandaStore, type CloudState, type StoredEncoding, type StoredProfile, type StoredVideo } from './store';
export { verifySignature } from './verify';

export interface PandaEmulatorAccount {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly cloudId: string;
  readonly cloudName?: string;
}

export interface PandaEmulatorOptions {
  /** Several clouds may share one access key. */
  readonly accounts: readonly PandaEmulatorAccount[];
  readonly port?: number;
  readonly host?: string;
  readonly clock?: EmulatorClock;
  readonly demoData?: boolean;
  /** Expiry windows of panda spec §9.3.15 (default on). */
  readonly checkTimestamps?: boolean;
  readonly rejectReusedPostSignatures?: boolean;
  /** HOST used when verifying; default: the Host header without port. */
  readonly publicHost?: string;
  /** Source download time of a video created from a URL (default 3 s). */
  readonly downloadMs?: number;
  /** Time a new encoding waits before processing (default 2 s). */
  readonly queueMs?: number;
  /** Time from processing start to success (default 20 s). */
  readonly encodingMs?: number;
}

export interface PandaEmulator extends RunningEmulator<PandaEmulatorAccount> {
  readonly store: PandaStore;
}

/** A local Panda API v2 (panda spec §9): signatures, clouds, videos, encodings over time, uploads. */
export async function startPandaEmulator(options: PandaEmulatorOptions): Promise<PandaEmulator> {
  const clock = options.clock ?? new EmulatorClock();
  const store = new PandaStore(clock, {
    downloadMs: options.downloadMs ?? 3_000,
    queueMs: options.queueMs ?? 2_000,
    encodingMs: options.encodingMs ?? 20_000,
  }, () => randomBytes(16).toString('hex'));
  const secrets = new Map<string, string>();
  for (const account of options.accounts) {
    const known = secrets.get(account.accessKey);
    if (known !== undefined && known !== account.secretKey) throw new Error(`access key ${account.accessKey} given two secrets`);
    secrets.set(account.accessKey, account.secretKey);
    store.addCloud(account.cloudId, account.accessKey, account.cloudName ?? account.cloudId);
    if (options.demoData) seedDemoCloud(store, account.cloudId);
  }
  const log = new RequestLog();
  const faults = new FaultList();
  const server = createPandaServer({
    store,
    uploads: new UploadSessions(store),
    log,
    faults,
    secrets,
    checkTimestamps: options.checkTimestamps ?? true,
    rejectReusedPostSignatures: options.rejectReusedPostSignatures ?? true,
    publicHost: options.publicHost,
  });
  const baseUrl = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    provider: 'panda',
    baseUrl,
    accounts: options.accounts,
    log,
    clock,
    store,
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    close: () => closeServer(server),
  };
}
