import type { AccountConfig } from '../../src/config';

/** What the subscription bench's child processes and the bench tell each other over IPC. */

/** How much the emulator host seeds per account. */
export interface SeedPlan {
  /** Panda and Telestream: videos, each with `encodingsPerVideo` final encodings. */
  readonly hmacVideos: number;
  readonly encodingsPerVideo: number;
  /** Ziggeo: videos, each with `streamsPerVideo` READY streams (one `video_ready` per stream and run). */
  readonly ziggeoVideos: number;
  readonly streamsPerVideo: number;
}

/** One account of the gateway, and its seeded videos with their encodings (Ziggeo: streams), native ids. */
export interface NotifyingAccount {
  readonly config: AccountConfig;
  readonly videos: readonly { readonly id: string; readonly encodings: readonly string[] }[];
}

export interface SubscriptionEmulatorsReady {
  readonly accounts: readonly NotifyingAccount[];
}

/** `calls`: every request each emulator answered since the last `calls` (then forgotten); `urls`: where each provider posts. */
export type EmulatorRequest = { readonly id: number; readonly op: 'calls' } | { readonly id: number; readonly op: 'urls' };

export type EmulatorResponse =
  { readonly id: number; readonly calls: Readonly<Record<string, readonly string[]>> } | { readonly id: number; readonly urls: Readonly<Record<string, string | null>> };

/** The gateway host: `gc` collects twice and answers the memory figures after. */
export type GatewayRequest = { readonly id: number; readonly op: 'memory' };
export interface GatewayMemory {
  readonly id: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
}
