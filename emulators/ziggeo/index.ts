import { EmulatorClock } from '../common/clock';
import { RequestLog, type InjectedFault, type RunningEmulator } from '../common/types';
import { seedDemoData } from './demo';
import { MediaSpool } from './media';
import { UploadLeg, UPLOAD_BUCKET } from './s3';
import { listen } from '../common/http';
import { createZiggeoServer, type ServerDeps } from './server';
import { ZiggeoStore, type ZiggeoEmulatorAccount } from './store';
import { ZiggeoNotifier, type ZiggeoNotifierOptions } from './webhooks';

export { STATES, type StateName } from './states';
export { MemoryMedia, type Media, type MediaSpool } from './media';
export type { AppState, PendingUpload, StoredAuthToken, StoredStream, StoredVideo, StoredWebhook, ZiggeoEmulatorAccount, ZiggeoStore } from './store';
export { WEBHOOK_EVENTS, ZiggeoNotifier, type ZiggeoNotifierOptions } from './webhooks';

export interface ZiggeoEmulatorOptions {
  readonly accounts: readonly ZiggeoEmulatorAccount[];
  /** 0 (default): an ephemeral port. */
  readonly port?: number;
  readonly host?: string;
  readonly clock?: EmulatorClock;
  /** 25 videos with streams in every state and 3 auth tokens per application. */
  readonly demoData?: boolean;
  /** How long an uploaded stream stays PROCESSING before READY (default 5 s of emulator clock). */
  readonly processingMs?: number;
  /**
   * Where the 2.30 flow posts files (`url_data.url`). Defaults to this emulator's `/s3/<bucket>/`;
   * the real 2.30 SDK only posts to `https:` URLs (ziggeo spec §3.6), so put a TLS front here for it.
   */
  readonly uploadUrl?: string;
  /** Uploads above this many bytes are spooled to a temporary file (default 4 MiB). */
  readonly memoryLimitBytes?: number;
  /** Seed of the token sequence for objects created at run time. */
  readonly seed?: string | number;
  /** Webhook deliveries: back-off and ticker; real-service timings when absent. */
  readonly webhooks?: ZiggeoNotifierOptions;
}

export interface ZiggeoEmulator extends RunningEmulator<ZiggeoEmulatorAccount> {
  /** The emulator's state, for tests to read and seed. */
  readonly store: ZiggeoStore;
  /** Where uploads above `memoryLimitBytes` are spooled; removed by `close()`. */
  readonly spool: MediaSpool;
  /** Sends webhook callbacks; its `deliveries.attempts` are what tests read. */
  readonly notifier: ZiggeoNotifier;
}

/** Two fixed demo applications (the second one EU-regional, `r1…`), for the sandbox and `npm run emulators`. */
export function demoZiggeoAccounts(): ZiggeoEmulatorAccount[] {
  return [
    { name: 'studio', token: '7a3f0c9e5b2d4e6f8a1b3c5d7e9f0a2b', privateKey: '4c8e2a6f0b3d5e7f9a1c3e5b7d9f1a3c', encryptionKey: 'studio-demo-encryption-key' },
    { name: 'europe', token: 'r1d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2', privateKey: '9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a', encryptionKey: 'europe-demo-encryption-key' },
  ];
}

/**
 * A local Ziggeo server API for both SDK dialects (ziggeo spec §10): Basic auth, tunnelled deletes,
 * 1.17 multipart and 2.30 signed uploads with their S3-like leg, streams processing over clock time.
 */
export async function startZiggeoEmulator(options: ZiggeoEmulatorOptions): Promise<ZiggeoEmulator> {
  const clock = options.clock ?? new EmulatorClock();
  const store = new ZiggeoStore(options.accounts, options.processingMs ?? 5_000, options.seed);
  if (options.demoData) for (const app of store.apps.values()) seedDemoData(store, app, clock.now().getTime());
  const log = new RequestLog();
  const notifier = new ZiggeoNotifier(store, () => clock.now().getTime(), options.webhooks);
  const faults: ServerDeps['faults'] = [];
  const spool = new MediaSpool(options.memoryLimitBytes);
  let baseUrl = '';
  const uploads = new UploadLeg(store, () => options.uploadUrl ?? `${baseUrl}/s3/${UPLOAD_BUCKET}/`);
  const server = createZiggeoServer({ store, clock, log, faults, spool, uploads });
  baseUrl = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    provider: 'ziggeo',
    baseUrl,
    accounts: options.accounts,
    log,
    clock,
    store,
    spool,
    notifier,
    injectFault(fault: InjectedFault) {
      faults.push({ fault, left: fault.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults() {
      faults.length = 0;
    },
    async close() {
      notifier.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      spool.dispose();
    },
  };
}
