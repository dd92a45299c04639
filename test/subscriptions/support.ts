import WebSocket from 'ws';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import type { AccountConfig } from '../../src/config';
import { EmulatorClock } from '../../emulators/common/clock';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { MemoryEventBus } from '../../src/events/memory-bus';
import { VideoEventType, type VideoEvent } from '../../src/events/types';
import { toGlobalId } from '../../src/domain/ids';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS } from '../support/panda-stack';

export const KEY_ALPHA = 'alpha-key-0123456789abcdef';
export const KEY_BETA = 'beta-key-0123456789abcdef0';
export const KEY_BOTH = 'both-key-0123456789abcdef0';
export const API_KEYS = [
  { name: 'alpha-only', key: KEY_ALPHA, accounts: ['alpha'] },
  { name: 'beta-only', key: KEY_BETA, accounts: ['beta'] },
];
/** API_KEYS and a key that sees both accounts. */
export const API_KEYS_WITH_BOTH = [...API_KEYS, { name: 'both', key: KEY_BOTH, accounts: ['alpha', 'beta'] }];

/** Two Panda clouds (`alpha`, `beta`) with demo videos, a gateway over them with one API key each, and the gateway's bus. */
export interface PandaLive {
  readonly emulator: PandaEmulator;
  readonly gql: TestGateway;
  readonly bus: MemoryEventBus;
  readonly wsUrl: string;
  /** A video of the account with at least `encodings` encodings: native ids. */
  video(account: 'alpha' | 'beta', encodings?: number): { id: string; globalId: string; encodings: string[] };
  close(): Promise<void>;
}

export async function startPandaLive(subscriptions: Record<string, unknown> = {}, apiKeys = API_KEYS): Promise<PandaLive> {
  const emulator = await startPandaEmulator({ accounts: PANDA_TEST_ACCOUNTS, demoData: true, clock: new EmulatorClock() });
  const accounts: AccountConfig[] = PANDA_TEST_ACCOUNTS.map((a) => pandaAccountConfig(a, emulator.baseUrl));
  const bus = new MemoryEventBus();
  const gql = await startTestGateway(accounts, { apiKeys, server: { host: '127.0.0.1', port: 0, subscriptions } }, { events: bus });
  // these accounts' notifications stand as set up: events come from the bus only, no polling
  for (const a of accounts) gql.gateway.live.pollers.setNotified(a.id, true);
  return {
    emulator,
    gql,
    bus,
    wsUrl: gql.gateway.url.replace(/^http/, 'ws'),
    video(account, encodings = 1) {
      const cloudId = PANDA_TEST_ACCOUNTS[account === 'alpha' ? 0 : 1]!.cloudId;
      const cloud = emulator.store.cloud(cloudId)!;
      for (const video of cloud.videos.values()) {
        const own = [...cloud.encodings.values()].filter((e) => e.videoId === video.id).map((e) => e.id);
        if (own.length >= encodings) return { id: video.id, globalId: toGlobalId('PandaVideo', account, video.id), encodings: own };
      }
      throw new Error(`no ${account} video with ${encodings} encodings`);
    },
    async close() {
      await gql.close();
      await emulator.close();
    },
  };
}

let seq = 0;
/** A notification-style event, with a unique delivery id. */
export function event(type: VideoEventType, accountId: string, videoNativeId: string, extra: Partial<VideoEvent> = {}): VideoEvent {
  return { id: `test-${process.pid}-${++seq}`, type, accountId, provider: 'panda', videoNativeId, at: new Date().toISOString(), source: 'notification', ...extra };
}

export function wsClient(url: string, key: string | null, options: { lazy?: boolean } = {}): WsClient & { closes: { code: number; reason: string }[] } {
  const closes: { code: number; reason: string }[] = [];
  const client = createWsClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: key === null ? undefined : { Authorization: `Bearer ${key}` },
    retryAttempts: 0,
    lazy: options.lazy ?? true,
    on: { closed: (e) => void closes.push({ code: (e as { code: number }).code, reason: String((e as { reason: unknown }).reason) }) },
  });
  return Object.assign(client, { closes });
}

export function sseClient(url: string, key: string | null): SseClient {
  return createSseClient({ url, headers: key === null ? {} : { Authorization: `Bearer ${key}` }, retryAttempts: 0 });
}

export interface Result {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A subscription's results as they come, with helpers to wait for a count or the end. */
export class Collected {
  readonly results: Result[] = [];
  error: unknown = null;
  completed = false;
  private waiters: (() => void)[] = [];
  readonly dispose: () => void;

  constructor(subscribe: (sink: { next(r: Result): void; error(e: unknown): void; complete(): void }) => () => void) {
    this.dispose = subscribe({
      next: (r) => this.push(() => this.results.push(r)),
      error: (e) => this.push(() => (this.error = e)),
      complete: () => this.push(() => (this.completed = true)),
    });
  }

  private push(change: () => void): void {
    change();
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once `test` holds, fails after `ms`. */
  async until(test: (c: Collected) => boolean, ms = 5_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + ms;
    while (!test(this)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}: ${JSON.stringify({ results: this.results, error: describe(this.error), completed: this.completed })}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  count(n: number, ms?: number): Promise<void> {
    return this.until((c) => c.results.length >= n, ms, `${n} results`);
  }

  ended(ms?: number): Promise<void> {
    return this.until((c) => c.completed || c.error !== null, ms, 'the end');
  }

  /** The subscription field's values (`videoEvents` / `encodingProgress`). */
  events(field = 'videoEvents'): Record<string, unknown>[] {
    return this.results.map((r) => r.data?.[field] as Record<string, unknown>).filter(Boolean);
  }
}

function describe(error: unknown): unknown {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return error;
  if (error && typeof error === 'object' && 'code' in error) return { code: (error as { code: unknown }).code, reason: (error as { reason?: unknown }).reason };
  return error;
}

export function subscribeWs(client: WsClient, query: string, variables?: Record<string, unknown>): Collected {
  return new Collected((sink) => client.subscribe({ query, variables }, sink as never));
}

export function subscribeSse(client: SseClient, query: string, variables?: Record<string, unknown>): Collected {
  return new Collected((sink) => client.subscribe({ query, variables }, sink as never));
}

/** Resolves when `test` holds (polled), fails after `ms`. */
export async function eventually(test: () => boolean, ms = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const EVENT_FIELDS = `
  id type progress source at
  account { id provider }
  video { id nativeId title status }
  encoding { id nativeId status progress }
`;
