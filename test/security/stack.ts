import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { request } from 'undici';
import type { AccountConfig } from '../../src/config';
import { EmulatorClock } from '../../emulators/common/clock';
import type { RunningEmulator } from '../../emulators/common/types';
import { startDailymotionEmulator, type DailymotionEmulator } from '../../emulators/dailymotion';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { startTelestreamEmulator, type TelestreamEmulator } from '../../emulators/telestream';
import { startZiggeoEmulator, type ZiggeoEmulator } from '../../emulators/ziggeo';
import type { Gateway, GatewayOptions } from '../../src/http/server';
import { dailymotionAccountConfig } from '../support/dailymotion-stack';
import { startTestGateway } from '../support/gateway';
import { pandaAccountConfig } from '../support/panda-stack';

/** Secrets of known, distinctive value: the masking test greps every response and log line for them. */
export const SECRETS = {
  pandaA: 'pandaSECRETalpha-3f9c71d2e8b4',
  pandaB: 'pandaSECRETbeta-8a2e4c6b1d0f',
  telestream: 'teleSECRETkey-5b7d9f1a3c2e',
  dailymotion: 'dmAPIKEYsecret-0c4e8a2f6b1d',
  ziggeoPrivate: 'zigPRIVATEkey-9e1c3a5b7d2f',
  ziggeoEncryption: 'zigENCRYPTIONkey-4d6f8b0a2c1e',
  keyAll: 'vmkALLaccounts-6c8e0a2b4d9f1a3c',
  keyHmac: 'vmkHMACaccounts-1b3d5f7a9c0e2b4d',
  keyOthers: 'vmkOTHERaccounts-7e9a1c3b5d2f4a6c',
} as const;

/**
 * The accounts, one or two per provider: `panda-a`, `panda-b` (two clouds of one Panda emulator), `tc`
 * (Telestream), `dm` (Dailymotion), `zig` (Ziggeo). API keys: `all` sees every account, `hmac` sees
 * the Panda cloud `panda-a` and `tc`, `others` sees `dm` and `zig`: each provider has an account some
 * key cannot see.
 */
export const HMAC_ACCOUNTS = ['panda-a', 'tc'];
export const OTHER_ACCOUNTS = ['dm', 'zig'];
export const API_KEYS = [
  { name: 'all', key: SECRETS.keyAll, accounts: ['panda-a', 'panda-b', 'tc', 'dm', 'zig'] },
  { name: 'hmac', key: SECRETS.keyHmac, accounts: HMAC_ACCOUNTS },
  { name: 'others', key: SECRETS.keyOthers, accounts: OTHER_ACCOUNTS },
];
export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export interface HttpAnswer<T = unknown> {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly data?: T | null;
  readonly errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface SecurityStack {
  readonly gateway: Gateway;
  readonly panda: PandaEmulator;
  readonly telestream: TelestreamEmulator;
  readonly dailymotion: DailymotionEmulator;
  readonly ziggeo: ZiggeoEmulator;
  readonly emulators: readonly RunningEmulator<unknown>[];
  readonly accounts: AccountConfig[];
  /** Every response body this stack answered, for the masking greps. */
  readonly transcript: string[];
  post(body: string, headers?: Record<string, string>): Promise<HttpAnswer>;
  exec<T, V>(document: TypedDocumentNode<T, V>, variables?: V, headers?: Record<string, string>): Promise<HttpAnswer<T>>;
  query(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<HttpAnswer<Record<string, unknown>>>;
  /** Upstream requests of every emulator since the last `resetLogs()`. */
  upstreamCalls(): number;
  /** Upstream requests that may change state: REST methods other than GET, Dailymotion calls other than reads; `accepted`: only those answered below 400. */
  upstreamWrites(accepted?: boolean): number;
  resetLogs(): void;
  close(): Promise<void>;
}

export interface SecurityStackOptions {
  readonly apiKeys?: boolean;
  readonly server?: Record<string, unknown>;
  /** Account config overrides by id (e.g. a wrong secret, a short timeout). */
  readonly accountOverrides?: Readonly<Record<string, Record<string, unknown>>>;
  /** Top-level config keys besides server, apiKeys and accounts (e.g. `upstream`). */
  readonly config?: Record<string, unknown>;
  /** The gateway's injections (e.g. a logger whose lines a test keeps). */
  readonly gateway?: GatewayOptions;
  /** More accounts, given the emulators (e.g. one whose host is down). */
  readonly extraAccounts?: (stack: { panda: PandaEmulator }) => Record<string, unknown>[];
}

const DM_READ = /\.(list|info|get\w*)$/;

const PANDA_A = { accessKey: 'sec-panda-access-a', secretKey: SECRETS.pandaA, cloudId: 'aa00000000000000000000000000000a', cloudName: 'panda-a' };
const PANDA_B = { accessKey: 'sec-panda-access-b', secretKey: SECRETS.pandaB, cloudId: 'bb00000000000000000000000000000b', cloudName: 'panda-b' };
const DM_USER = { userId: '5e00000000000000000000dd', apiKey: SECRETS.dailymotion, username: 'dm' };

export async function startSecurityStack(options: SecurityStackOptions = {}): Promise<SecurityStack> {
  const clock = new EmulatorClock();
  const [panda, telestream, dailymotion, ziggeo] = await Promise.all([
    startPandaEmulator({ accounts: [PANDA_A, PANDA_B], demoData: true, clock }),
    startTelestreamEmulator({
      accounts: [{ accessKey: 'sec-tele-access', secretKey: SECRETS.telestream, factoryId: 'cc00000000000000000000000000000c', factoryName: 'tc' }],
      demoData: true,
      clock,
    }),
    startDailymotionEmulator({ accounts: [DM_USER], demoData: true, clock }),
    startZiggeoEmulator({
      accounts: [{ name: 'zig', token: 'ee00000000000000000000000000000e', privateKey: SECRETS.ziggeoPrivate, encryptionKey: SECRETS.ziggeoEncryption }],
      demoData: true,
      clock,
    }),
  ]);
  const base: AccountConfig[] = [
    pandaAccountConfig(PANDA_A, panda.baseUrl),
    pandaAccountConfig(PANDA_B, panda.baseUrl),
    { id: 'tc', provider: 'telestream', baseUrl: telestream.baseUrl, factoryId: 'cc00000000000000000000000000000c', accessKey: 'sec-tele-access', secretKey: SECRETS.telestream },
    dailymotionAccountConfig(DM_USER, dailymotion.baseUrl),
    {
      id: 'zig',
      provider: 'ziggeo',
      baseUrl: ziggeo.baseUrl,
      token: 'ee00000000000000000000000000000e',
      privateKey: SECRETS.ziggeoPrivate,
      encryptionKey: SECRETS.ziggeoEncryption,
    },
  ];
  const accounts = [...base.map((a) => ({ ...a, ...options.accountOverrides?.[a.id] })), ...(options.extraAccounts?.({ panda }) ?? [])] as AccountConfig[];
  const extra = { server: { host: '127.0.0.1', port: 0, ...options.server }, ...(options.apiKeys && { apiKeys: API_KEYS }), ...options.config };
  const { gateway } = await startTestGateway(accounts, extra, options.gateway);
  const emulators = [panda, telestream, dailymotion, ziggeo] as RunningEmulator<unknown>[];
  const transcript: string[] = [];

  const post = async (body: string, headers: Record<string, string> = {}): Promise<HttpAnswer> => {
    const response = await request(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await response.body.text();
    transcript.push(text);
    let parsed: object = {};
    try {
      const json: unknown = JSON.parse(text);
      if (json !== null && typeof json === 'object' && !Array.isArray(json)) parsed = json;
    } catch {
      // not JSON: the caller asserts on `text`
    }
    return { status: response.statusCode, headers: response.headers, text, ...parsed };
  };
  const query = (q: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    post(JSON.stringify({ query: q, variables }), headers) as Promise<HttpAnswer<Record<string, unknown>>>;

  return {
    gateway,
    panda,
    telestream,
    dailymotion,
    ziggeo,
    emulators,
    accounts,
    transcript,
    post,
    query,
    exec: <T, V>(document: TypedDocumentNode<T, V>, variables?: V, headers?: Record<string, string>) =>
      post(JSON.stringify({ query: print(document), variables }), headers) as Promise<HttpAnswer<T>>,
    upstreamCalls: () => emulators.reduce((sum, e) => sum + e.log.entries.length, 0),
    upstreamWrites: (accepted = false) =>
      [panda, telestream, ziggeo].reduce((sum, e) => sum + e.log.count((r) => r.method !== 'GET' && r.method !== 'HEAD' && (!accepted || r.status < 400)), 0) +
      dailymotion.calls.filter((c) => c.call !== null && !DM_READ.test(c.call) && !(accepted && c.errorCode !== null)).length,
    resetLogs() {
      for (const e of emulators) e.log.clear();
      dailymotion.calls.length = 0;
    },
    async close() {
      await gateway.close();
      await Promise.all(emulators.map((e) => e.close()));
    },
  };
}

/** The first error's code, for compact assertions. */
export const codeOf = (answer: HttpAnswer): unknown => answer.errors?.[0]?.extensions?.code;
