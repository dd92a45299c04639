import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { AccountConfig } from '../../src/config';
import { EmulatorClock } from '../../emulators/common/clock';
import { demoDailymotionAccounts, startDailymotionEmulator, type DailymotionEmulator } from '../../emulators/dailymotion';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { demoTelestreamAccounts, startTelestreamEmulator, type TelestreamEmulator } from '../../emulators/telestream';
import { demoZiggeoAccounts, startZiggeoEmulator, type ZiggeoEmulator } from '../../emulators/ziggeo';
import { ziggeoAccount } from '../integration/ziggeo-gateway';
import { dailymotionAccountConfig } from '../support/dailymotion-stack';
import { startTestGateway, type GraphQLResult, type TestGateway } from '../support/gateway';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS } from '../support/panda-stack';

/** Deterministic test bytes (no two chunks alike, so a misplaced chunk changes the hash). */
export function testBytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash('sha256').update(String(seed)).digest();
  for (let at = 0; at < size; at += block.length) {
    block.copy(out, at);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

/** The gateway's spool directories now in the temporary directory (src/uploads/body.ts names them). */
export const spoolDirs = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('vidmesh-upload-'));

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The four emulators and a gateway with one account on each: `panda`, `tc`, `dm`, `zig`. */
export interface UploadStack {
  readonly panda: PandaEmulator;
  readonly telestream: TelestreamEmulator;
  readonly dailymotion: DailymotionEmulator;
  readonly ziggeo: ZiggeoEmulator;
  readonly gql: TestGateway;
  readonly accounts: AccountConfig[];
  clearLogs(): void;
  /** Upstream requests of every emulator since `clearLogs`. */
  upstreamCalls(): number;
  close(): Promise<void>;
}

export async function startUploadStack(server: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<UploadStack> {
  const clock = new EmulatorClock();
  const panda = await startPandaEmulator({ accounts: [PANDA_TEST_ACCOUNTS[0]!], clock });
  const factory = demoTelestreamAccounts()[0]!;
  const telestream = await startTelestreamEmulator({ accounts: [factory], clock });
  const user = demoDailymotionAccounts()[0]!;
  const dailymotion = await startDailymotionEmulator({ accounts: [user], clock });
  const app = demoZiggeoAccounts()[0]!;
  const ziggeo = await startZiggeoEmulator({ accounts: [app], clock });
  const accounts: AccountConfig[] = [
    pandaAccountConfig(PANDA_TEST_ACCOUNTS[0]!, panda.baseUrl, 'panda'),
    { id: 'tc', provider: 'telestream', baseUrl: telestream.baseUrl, factoryId: factory.factoryId, accessKey: factory.accessKey, secretKey: factory.secretKey },
    dailymotionAccountConfig(user, dailymotion.baseUrl, 'dm'),
    ziggeoAccount(app, ziggeo.baseUrl, { id: 'zig' }),
  ];
  const gql = await startTestGateway(accounts, { server: { host: '127.0.0.1', port: 0, ...server }, ...extra });
  const all = [panda, telestream, dailymotion, ziggeo];
  return {
    panda,
    telestream,
    dailymotion,
    ziggeo,
    gql,
    accounts,
    clearLogs: () => all.forEach((e) => e.log.clear()),
    upstreamCalls: () => all.reduce((n, e) => n + e.log.entries.length, 0),
    async close() {
      await gql.close();
      await Promise.all(all.map((e) => e.close()));
    },
  };
}

export interface MultipartFile {
  /** Operation path the file goes to, e.g. `variables.input.file`. */
  readonly path: string;
  /** More operation paths the same file is mapped to (the multipart spec allows it). */
  readonly alsoAt?: readonly string[];
  readonly name: string;
  readonly bytes: Buffer;
  readonly contentType?: string;
}

export interface MultipartOptions {
  readonly headers?: Record<string, string>;
  /** Bytes per write; the sender waits `pauseMs` between writes (to watch progress). */
  readonly writeBytes?: number;
  readonly pauseMs?: number;
  /** Destroys the socket once this many bytes of the body were written (a client gone mid-upload). */
  readonly abortAfterBytes?: number;
  /** Called once this many file bytes were written, before going on. */
  readonly midway?: { readonly afterBytes: number; run(): Promise<void> };
  /** The multipart boundary (default a random one). */
  readonly boundary?: string;
}

/** A GraphQL multipart request (spec: operations, map, files), sent by node:http as a browser would. */
export async function sendMultipart<T, V>(
  url: string,
  document: TypedDocumentNode<T, V>,
  variables: V,
  files: readonly MultipartFile[],
  options: MultipartOptions = {},
): Promise<GraphQLResult<T> & { aborted?: boolean }> {
  const boundary = options.boundary ?? `----vidmesh${randomBytes(8).toString('hex')}`;
  const map: Record<string, string[]> = {};
  files.forEach((f, i) => (map[String(i)] = [f.path, ...(f.alsoAt ?? [])]));
  const field = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const parts: Buffer[] = [field('operations', JSON.stringify({ query: print(document), variables })), field('map', JSON.stringify(map))];
  const fileHeads = files.map((f, i) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${i}"; filename="${f.name}"\r\nContent-Type: ${f.contentType ?? 'video/mp4'}\r\n\r\n`),
  );
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const length = parts.reduce((n, p) => n + p.length, 0) + files.reduce((n, f, i) => n + fileHeads[i]!.length + f.bytes.length + 2, 0) + tail.length;
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length), 'apollo-require-preflight': 'true', ...options.headers },
    });
    let written = 0;
    let aborted = false;
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, ...(JSON.parse(text) as object) });
        } catch {
          reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
        }
      });
    });
    req.on('error', (error) => (aborted ? resolve({ status: 0, aborted: true }) : reject(error)));
    const write = (bytes: Buffer) =>
      new Promise<void>((done) => {
        written += bytes.length;
        if (req.write(bytes)) done();
        else req.once('drain', done);
      });
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    void (async () => {
      for (const p of parts) await write(p);
      for (const [i, f] of files.entries()) {
        await write(fileHeads[i]!);
        const step = options.writeBytes ?? 256 * 1024;
        let midwayDone = false;
        for (let at = 0; at < f.bytes.length; at += step) {
          if (req.destroyed) return;
          if (options.abortAfterBytes !== undefined && written >= options.abortAfterBytes) {
            aborted = true;
            req.destroy();
            resolve({ status: 0, aborted: true });
            return;
          }
          if (options.midway && !midwayDone && at >= options.midway.afterBytes) {
            midwayDone = true;
            await options.midway.run();
          }
          await write(f.bytes.subarray(at, at + step));
          if (options.pauseMs) await pause(options.pauseMs);
        }
        await write(Buffer.from('\r\n'));
      }
      req.end(tail);
    })().catch(reject);
  });
}

/** Polls `check` until it holds (or fails after `ms`). */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
