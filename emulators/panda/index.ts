import { EmulatorClock } from '../common/clock';
import { PendingTimers } from '../common/faults';
import { closeServer, FaultList, listen } from '../common/http';
import { RequestLog, type RunningEmulator } from '../common/types';
import type { PandaEmulatorAccount } from './records';
import { demoCloudOptions, seedDemoCloud } from './demo';
import { createPandaServer } from './server';
import { PandaStore } from './store';
import { PandaNotifier, type NotifierOptions } from './notifier';
import { UploadSessions } from './upload';
import { Authenticator } from './verify';
import { PANDA_EMULATOR_DIALECT, type EmulatorDialect } from './dialect';

export { demoPandaAccounts } from './demo';
export { PANDA_EMULATOR_DIALECT, type EmulatorDialect } from './dialect';
export { PandaNotifier, type NotifierOptions } from './notifier';
export { PandaStore } from './store';
export type { CloudState, Failure, ReceivedFile, StoredCloud, StoredEncoding, StoredProfile, StoredVideo } from './records';
export type { SeedRecord } from './seed';
export type { WireCloud, WireEncoding, WireMetadata, WireNotifications, WireProfile, WireVideo } from './wire';
export { pandaDate, parsePandaDate } from './wire';

export type { PandaEmulatorAccount } from './records';

export interface PandaEmulatorOptions {
  /** Several clouds may share one access key (with one secret). */
  readonly accounts: readonly PandaEmulatorAccount[];
  /** Default 0: ephemeral. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default: the system clock. A fixed clock replays recorded requests. */
  readonly clock?: EmulatorClock;
  /** Seeds every cloud with demo data (default false). */
  readonly demoData?: boolean;
  /** Timestamp windows of panda spec §9.3.15 (default true). */
  readonly checkTimestamps?: boolean;
  /** A POST signature is good once (default true). */
  readonly rejectReusedPostSignatures?: boolean;
  /** HOST used when verifying signatures; default: the Host header without port, lower-cased. */
  readonly publicHost?: string;
  /** Time a new encoding waits before processing (default 2000 ms). */
  readonly queueMs?: number;
  /** Time from processing start to success (default 20000 ms). */
  readonly encodingMs?: number;
  /** Time to download a `source_url` before the video is `success` (default 3000 ms). */
  readonly downloadMs?: number;
  /** Uploads larger than this answer 413 FileSizeLimitExceeded (spec §5; default: no limit). */
  readonly maxFileSize?: number;
  /** Upload status query before any byte: answer `Range: 0-0` instead of no Range (spec §9.4.17; default false). */
  readonly uploadRangeWhenEmpty?: boolean;
  /** Notification callbacks (spec §4.5): back-off, ticker and progress step; real-service timings when absent. */
  readonly notifications?: NotifierOptions;
}

export interface PandaEmulator extends RunningEmulator<PandaEmulatorAccount> {
  readonly store: PandaStore;
  /** Upload sessions (spec §6), for tests of what an upload leaves behind. */
  readonly uploads: UploadSessions;
  /** Posts each cloud's notifications to its URL; its `deliveries.attempts` are what tests read. */
  readonly notifier: PandaNotifier;
}

/** One secret per access key: two accounts giving different secrets for one key is a configuration error. */
function secretsOf(accounts: readonly PandaEmulatorAccount[], provider: string): Map<string, string> {
  const secrets = new Map<string, string>();
  const clouds = new Set<string>();
  for (const account of accounts) {
    const known = secrets.get(account.accessKey);
    if (known !== undefined && known !== account.secretKey) throw new Error(`${provider} emulator: access key ${account.accessKey} given two secrets`);
    if (clouds.has(account.cloudId)) throw new Error(`${provider} emulator: scope ${account.cloudId} given twice`);
    secrets.set(account.accessKey, account.secretKey);
    clouds.add(account.cloudId);
  }
  return secrets;
}

/** A local Panda API v2 (panda spec §9): signatures, clouds, videos, encodings over time, uploads. */
export function startPandaEmulator(options: PandaEmulatorOptions): Promise<PandaEmulator> {
  return startHmacQueryEmulator(options, PANDA_EMULATOR_DIALECT);
}

/** The one emulator behind Panda and Telestream, parameterized by `dialect` (telestream spec §7). */
export async function startHmacQueryEmulator(options: PandaEmulatorOptions, dialect: EmulatorDialect): Promise<PandaEmulator> {
  const clock = options.clock ?? new EmulatorClock();
  const secrets = secretsOf(options.accounts, dialect.provider);
  const store = new PandaStore(clock, { downloadMs: options.downloadMs ?? 3_000, queueMs: options.queueMs ?? 2_000, encodingMs: options.encodingMs ?? 20_000 });
  for (const account of options.accounts) {
    store.addCloud(account, options.demoData ? demoCloudOptions(account.cloudId, store.now()) : {});
    if (options.demoData) seedDemoCloud(store, account.cloudId);
  }
  const maxFileSize = options.maxFileSize ?? null;
  const log = new RequestLog();
  const faults = new FaultList();
  const timers = new PendingTimers();
  const auth = new Authenticator({
    store,
    clock,
    secrets,
    checkTimestamps: options.checkTimestamps ?? true,
    rejectReusedPostSignatures: options.rejectReusedPostSignatures ?? true,
    publicHost: options.publicHost,
    dialect,
  });
  const uploads = new UploadSessions(store, { rangeWhenEmpty: options.uploadRangeWhenEmpty ?? false, maxFileSize, partSize: dialect.partSize });
  const notifier = new PandaNotifier(store, options.notifications, dialect.provider === 'telestream');
  const server = createPandaServer({ store, clock, auth, uploads, log, faults, timers, maxFileSize, dialect });
  const baseUrl = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    provider: dialect.provider,
    baseUrl,
    accounts: options.accounts,
    log,
    clock,
    store,
    uploads,
    notifier,
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    async close() {
      timers.clear();
      notifier.close();
      await closeServer(server);
    },
  };
}
