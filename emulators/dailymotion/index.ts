import { EmulatorClock } from '../common/clock';
import { closeServer, FaultList, listen } from '../common/http';
import { RequestLog, type InjectedFault, type RunningEmulator } from '../common/types';
import { ENCODING_SETTINGS_METHODS, fileMethods, USER_METHODS } from './account-methods';
import { DEFAULT_GEO, type ViewerGeo } from './cdn';
import { seedDemoData } from './demo';
import { MEDIA_METHODS } from './media-methods';
import type { Namespaces } from './rpc';
import { createDailymotionServer, type RpcCallEntry } from './server';
import { DailymotionStore, type DailymotionEmulatorAccount } from './store';

export { DEMO_MEDIA_PER_USER } from './demo';
export { DEFAULT_GEO, verifySignedUrl, type ViewerGeo } from './cdn';
export { rpcSignedText } from './auth';
export { LexFloat, parseLexicalJson, plainJson, type Json, type LexJson } from './jsonlex';
export type { RpcCallEntry } from './server';
export {
  ASSET_NAMES,
  DEFAULT_ACTIVE_ASSETS,
  DailymotionStore,
  type AssetState,
  type DailymotionEmulatorAccount,
  type StoredAsset,
  type StoredMedia,
  type UploadTicketState,
  type UserState,
} from './store';

export interface DailymotionEmulatorOptions {
  readonly accounts: readonly DailymotionEmulatorAccount[];
  /** 0 (default): an ephemeral port. */
  readonly port?: number;
  readonly host?: string;
  readonly clock?: EmulatorClock;
  /** ~25 media per user with assets in every state. */
  readonly demoData?: boolean;
  /** How long one asset encodes, in emulator-clock ms (default 5 s); a source is fetched in 0.7 of it. */
  readonly assetProcessingMs?: number;
  /** The emulator's own secret sealing upload tickets (`seal`, spec §5.2); signed URLs use the users' API keys. */
  readonly cdnSecret?: string;
  /** The viewer's AS number and country for ASNUM/COUNTRY checks (default 64512 and ZZ for everyone). */
  readonly geo?: ViewerGeo;
  /** Seed of ids and upload tickets created at run time. */
  readonly seed?: string | number;
}

export interface DailymotionEmulator extends RunningEmulator<DailymotionEmulatorAccount> {
  /** The emulator's state, for tests to read and seed. */
  readonly store: DailymotionStore;
  /** Every RPC answered, with its call name: the request log only shows `POST /api`. */
  readonly calls: RpcCallEntry[];
}

/** Two fixed demo users: the SDK README's sample credentials (dailymotion spec §0), and a second one. */
export function demoDailymotionAccounts(): DailymotionEmulatorAccount[] {
  return [
    { userId: '4c1a4d3edede832bfd000002', apiKey: '52a32c7890338770e3ea1601214c02142d297298', username: 'demo' },
    { userId: '5d2b5e4fefef943c0e000003', apiKey: '8f3e1d2c4b5a69788796a5b4c3d2e1f0a9b8c7d6', username: 'newsroom' },
  ];
}

/**
 * A local Dailymotion Cloud (dailymotion spec §11): JSON-RPC `POST /api` with the md5 auth check,
 * media and assets processing over clock time, the upload host and the signed CDN/player routes.
 */
export async function startDailymotionEmulator(options: DailymotionEmulatorOptions): Promise<DailymotionEmulator> {
  const clock = options.clock ?? new EmulatorClock();
  const store = new DailymotionStore(options.accounts, options.assetProcessingMs ?? 5_000, options.seed);
  if (options.demoData) for (const user of store.users.values()) seedDemoData(store, user, clock.now().getTime());
  const namespaces: Namespaces = {
    media: MEDIA_METHODS,
    user: USER_METHODS,
    encoding_settings: ENCODING_SETTINGS_METHODS,
    file: fileMethods(options.cdnSecret ?? `cdn-secret:${String(options.seed ?? 'dailymotion-emulator')}`),
  };
  const log = new RequestLog();
  const calls: RpcCallEntry[] = [];
  const faults = new FaultList();
  const server = createDailymotionServer({ store, clock, log, calls, faults, namespaces, geo: options.geo ?? DEFAULT_GEO });
  const baseUrl = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    provider: 'dailymotion',
    baseUrl,
    accounts: options.accounts,
    log,
    clock,
    store,
    calls,
    injectFault(fault: InjectedFault) {
      faults.add(fault);
    },
    clearFaults() {
      faults.clear();
    },
    close: () => closeServer(server),
  };
}
