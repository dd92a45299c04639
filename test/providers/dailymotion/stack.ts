import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DailymotionDatasource, type DailymotionDatasourceOptions } from '../../../src/providers/dailymotion';
import { EmulatorClock } from '../../../emulators/common/clock';
import { demoDailymotionAccounts, startDailymotionEmulator, type DailymotionEmulator, type DailymotionEmulatorAccount, type RpcCallEntry } from '../../../emulators/dailymotion';

/** A Dailymotion emulator with demo data on a fixed clock, and a datasource over its first user. */
export interface DailymotionStack {
  readonly emulator: DailymotionEmulator;
  readonly account: DailymotionEmulatorAccount;
  readonly ds: DailymotionDatasource;
  datasource(overrides?: { apiKey?: string; options?: DailymotionDatasourceOptions }): DailymotionDatasource;
  /** RPC calls answered since the last clear, by call name. */
  calls(call?: string): RpcCallEntry[];
  now(): number;
  close(): Promise<void>;
}

export const PROCESSING_MS = 2_000;

export async function startDailymotionStack(): Promise<DailymotionStack> {
  const accounts = demoDailymotionAccounts();
  const clock = new EmulatorClock('2024-03-01T12:00:00Z');
  const emulator = await startDailymotionEmulator({ accounts, demoData: true, clock, assetProcessingMs: PROCESSING_MS });
  const account = accounts[0]!;
  const made: DailymotionDatasource[] = [];
  const datasource = (o: { apiKey?: string; options?: DailymotionDatasourceOptions } = {}) => {
    const ds = new DailymotionDatasource(
      { id: 'dm', provider: 'dailymotion', baseUrl: emulator.baseUrl, cdnUrl: emulator.baseUrl, userId: account.userId, apiKey: o.apiKey ?? account.apiKey },
      undefined,
      undefined,
      { signing: { now: () => clock.now().getTime() / 1000 }, ...o.options },
    );
    made.push(ds);
    return ds;
  };
  const ds = datasource();
  return {
    emulator,
    account,
    ds,
    datasource,
    calls: (call) => emulator.calls.filter((c) => call === undefined || c.call === call),
    now: () => clock.now().getTime(),
    async close() {
      await Promise.all(made.map((d) => d.close()));
      await emulator.close();
    },
  };
}

/** `size` deterministic bytes as a stream of 64 KiB chunks, never all in memory at once. */
export function streamOf(size: number): { body: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  let sent = 0;
  const body = Readable.from(
    (function* () {
      while (sent < size) {
        const n = Math.min(65536, size - sent);
        const chunk = Buffer.alloc(n, `${sent}\r\n--`);
        hash.update(chunk);
        sent += n;
        yield chunk;
      }
    })(),
  );
  return { body, sha256: () => hash.digest('hex') };
}
