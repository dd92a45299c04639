import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { request } from 'undici';
import { parseConfig, type AccountConfig } from '../../src/config';
import { startGateway, type Gateway, type GatewayOptions } from '../../src/http/server';

export interface GraphQLResult<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A gateway on an ephemeral loopback port over the given accounts, and a typed client for it. */
export interface TestGateway {
  readonly gateway: Gateway;
  exec<T, V>(document: TypedDocumentNode<T, V>, variables?: V, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  raw(body: string, headers?: Record<string, string>): Promise<GraphQLResult<unknown>>;
  close(): Promise<void>;
}

export async function startTestGateway(accounts: AccountConfig[], extra: Record<string, unknown> = {}, options?: GatewayOptions): Promise<TestGateway> {
  const config = parseConfig({ server: { host: '127.0.0.1', port: 0 }, accounts, ...extra }, 'test');
  const gateway = await startGateway(config, {}, options);
  const raw = async (body: string, headers: Record<string, string> = {}): Promise<GraphQLResult<unknown>> => {
    const response = await request(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.body.text();
    return { status: response.statusCode, ...(JSON.parse(text) as object) };
  };
  return {
    gateway,
    raw,
    async exec<T, V>(document: TypedDocumentNode<T, V>, variables?: V, headers?: Record<string, string>) {
      return (await raw(JSON.stringify({ query: print(document), variables }), headers)) as GraphQLResult<T>;
    },
    close: () => gateway.close(),
  };
}

/** Fails with the GraphQL errors when there are any; answers `data` otherwise. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  if (result.data == null) throw new Error(`no data (HTTP ${result.status})`);
  return result.data;
}
