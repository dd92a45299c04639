import { request } from 'undici';
import { parseConfig } from '../../src/config';
import { startGateway, type Gateway } from '../../src/http/server';

/** An account that is never called: these tests only ask `__typename` and the front's own routes. */
export const IDLE_ACCOUNT = { id: 'idle', provider: 'panda', baseUrl: 'http://127.0.0.1:9', cloudId: 'c', accessKey: 'a', secretKey: 's' } as const;

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/** A gateway on an ephemeral loopback port with the given `server` keys, and raw HTTP against it. */
export async function startFront(server: Record<string, unknown> = {}): Promise<{ gateway: Gateway; origin: string; send: typeof send; close(): Promise<void> }> {
  const gateway = await startGateway(parseConfig({ server: { host: '127.0.0.1', port: 0, ...server }, accounts: [IDLE_ACCOUNT] }, 'test'));
  const origin = new URL(gateway.url).origin;
  return { gateway, origin, send: (path, init) => send(`${origin}${path}`, init), close: () => gateway.close() };
}

async function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  const response = await request(url, { method: (init.method ?? 'GET') as 'GET', headers: init.headers, body: init.body });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

/** The GraphQL errors of an answer's JSON body. */
export function errorsOf(answer: Answer): { message: string; extensions?: Record<string, unknown> }[] {
  return (JSON.parse(answer.text) as { errors?: { message: string; extensions?: Record<string, unknown> }[] }).errors ?? [];
}
