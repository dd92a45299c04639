import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { request } from 'undici';
import { parseConfig, type AccountConfig } from '../../src/config';
import { EmulatorClock } from '../../src/emulators/common/clock';
import { demoZiggeoAccounts, startZiggeoEmulator, type ZiggeoEmulator, type ZiggeoEmulatorAccount } from '../../src/emulators/ziggeo';
import { startGateway, type GatewayOptions } from '../../src/server';
import type { GraphQLResult, TestGateway } from '../support/gateway';

/**
 * A Ziggeo emulator with demo data and a gateway over its first application (`zig`), built with
 * the gateway's test injections (clock, client token randomness) that the shared helper does not take.
 */
export interface ZiggeoGatewayStack {
  readonly emulator: ZiggeoEmulator;
  readonly app: ZiggeoEmulatorAccount;
  readonly gql: TestGateway;
  close(): Promise<void>;
}

export function ziggeoAccount(app: ZiggeoEmulatorAccount, baseUrl: string, overrides: Partial<Extract<AccountConfig, { provider: 'ziggeo' }>> = {}): AccountConfig {
  return { id: 'zig', provider: 'ziggeo', baseUrl, token: app.token, privateKey: app.privateKey, encryptionKey: app.encryptionKey, ...overrides };
}

export async function startZiggeoGateway(
  options: {
    extraAccounts?: (baseUrl: string, app: ZiggeoEmulatorAccount) => AccountConfig[];
    config?: Record<string, unknown>;
    gateway?: GatewayOptions;
  } = {},
): Promise<ZiggeoGatewayStack> {
  const app = demoZiggeoAccounts()[0]!;
  const emulator = await startZiggeoEmulator({ accounts: [app], demoData: true, clock: new EmulatorClock(), processingMs: 2_000 });
  const accounts = [ziggeoAccount(app, emulator.baseUrl), ...(options.extraAccounts?.(emulator.baseUrl, app) ?? [])];
  const config = parseConfig({ server: { host: '127.0.0.1', port: 0 }, accounts, ...options.config }, 'test');
  const gateway = await startGateway(config, {}, options.gateway);
  const raw = async (body: string, headers: Record<string, string> = {}): Promise<GraphQLResult<unknown>> => {
    const response = await request(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.statusCode, ...(JSON.parse(await response.body.text()) as object) };
  };
  const gql: TestGateway = {
    gateway,
    raw,
    async exec<T, V>(document: TypedDocumentNode<T, V>, variables?: V, headers?: Record<string, string>) {
      return (await raw(JSON.stringify({ query: print(document), variables }), headers)) as GraphQLResult<T>;
    },
    close: () => gateway.close(),
  };
  return {
    emulator,
    app,
    gql,
    async close() {
      await gateway.close();
      await emulator.close();
    },
  };
}

/** The first error's code, or a failure when the call succeeded. */
export function codeOf(result: GraphQLResult<unknown>): unknown {
  if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.errors[0]!.extensions?.code;
}
