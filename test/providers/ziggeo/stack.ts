import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ZiggeoDatasource, type ZiggeoDialect, type ZiggeoDownload } from '../../../src/providers/ziggeo';
import { EmulatorClock } from '../../../emulators/common/clock';
import type { LoggedRequest } from '../../../emulators/common/types';
import { demoZiggeoAccounts, startZiggeoEmulator, type ZiggeoEmulator, type ZiggeoEmulatorAccount } from '../../../emulators/ziggeo';

/** A Ziggeo emulator with demo data on a fixed clock, and datasources of both dialects over its first application. */
export interface ZiggeoStack {
  readonly emulator: ZiggeoEmulator;
  readonly account: ZiggeoEmulatorAccount;
  readonly ds: ZiggeoDatasource;
  readonly ds230: ZiggeoDatasource;
  datasource(overrides?: { privateKey?: string; encryptionKey?: string; dialect?: ZiggeoDialect }): ZiggeoDatasource;
  calls(filter?: (entry: LoggedRequest) => boolean): LoggedRequest[];
  close(): Promise<void>;
}

export const PROCESSING_MS = 2_000;

export async function startZiggeoStack(): Promise<ZiggeoStack> {
  const accounts = demoZiggeoAccounts();
  const emulator = await startZiggeoEmulator({
    accounts,
    demoData: true,
    clock: new EmulatorClock('2024-03-01T12:00:00Z'),
    processingMs: PROCESSING_MS,
    memoryLimitBytes: 1024 * 1024,
  });
  const account = accounts[0]!;
  const made: ZiggeoDatasource[] = [];
  const datasource = (o: { privateKey?: string; encryptionKey?: string; dialect?: ZiggeoDialect } = {}) => {
    const ds = new ZiggeoDatasource(
      {
        id: 'zig',
        provider: 'ziggeo',
        baseUrl: emulator.baseUrl,
        token: account.token,
        privateKey: o.privateKey ?? account.privateKey,
        encryptionKey: 'encryptionKey' in o ? o.encryptionKey : account.encryptionKey,
      },
      undefined,
      undefined,
      { dialect: o.dialect },
    );
    made.push(ds);
    return ds;
  };
  const ds = datasource();
  const ds230 = datasource({ dialect: '2.30' });
  return {
    emulator,
    account,
    ds,
    ds230,
    datasource,
    calls: (filter = () => true) => emulator.log.entries.filter(filter),
    async close() {
      await Promise.all(made.map((d) => d.close()));
      await emulator.close();
    },
  };
}

export async function readAll(download: ZiggeoDownload): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of download.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `size` deterministic bytes as a stream of 64 KiB chunks, never all in memory at once. */
export function streamOf(size: number, seed = 'x'): { body: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  let sent = 0;
  const body = Readable.from(
    (function* () {
      while (sent < size) {
        const n = Math.min(65536, size - sent);
        const chunk = Buffer.alloc(n, `${seed}${sent}\r\n--`);
        hash.update(chunk);
        sent += n;
        yield chunk;
      }
    })(),
  );
  return { body, sha256: () => hash.digest('hex') };
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
