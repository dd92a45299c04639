import type { ProviderName } from '../config';

/** What happened to a video, normalized over the providers' notification formats and polling. */
export enum VideoEventType {
  CREATED = 'CREATED',
  SOURCE_UPLOADED = 'SOURCE_UPLOADED',
  ENCODING_PROGRESS = 'ENCODING_PROGRESS',
  ENCODING_COMPLETED = 'ENCODING_COMPLETED',
  ENCODING_FAILED = 'ENCODING_FAILED',
  DELETED = 'DELETED',
}

/** Final events end a video's or an encoding's story: a subscriber's queue never drops them. */
export const FINAL_EVENT_TYPES: ReadonlySet<VideoEventType> = new Set([VideoEventType.ENCODING_COMPLETED, VideoEventType.ENCODING_FAILED, VideoEventType.DELETED]);

/**
 * One normalized event, as published on the bus (in process, or through Redis across replicas):
 * plain JSON, ids native to the account; subscribers resolve the Video/Encoding through loaders.
 */
export interface VideoEvent {
  /** Stable for one provider delivery: a retried notification carries the same id, and publishes once. */
  readonly id: string;
  readonly type: VideoEventType;
  readonly accountId: string;
  readonly provider: ProviderName;
  readonly videoNativeId: string;
  /** Present for encoding events. */
  readonly encodingNativeId?: string;
  /** 0–100 for ENCODING_PROGRESS (and 100 on completion). */
  readonly progress?: number;
  /** ISO-8601 time the provider (or the poller) reported it. */
  readonly at: string;
  /** Where it came from: a provider notification or the gateway's own polling. */
  readonly source: 'notification' | 'polling';
}

/** Which events a subscriber wants; absent fields match everything (accounts are always narrowed to the key's). */
export interface VideoEventFilter {
  readonly accounts: ReadonlySet<string> | null;
  readonly videoNativeIds?: ReadonlySet<string> | null;
  readonly types?: ReadonlySet<VideoEventType> | null;
}

export type Unsubscribe = () => void;

/** The fan-out between receivers (notifications, pollers) and subscribers (graphql-ws, SSE). */
export interface EventBus {
  /** Publishes once per event id (duplicate deliveries are dropped); resolves when handed to the transport. */
  publish(event: VideoEvent): Promise<boolean>;
  /** Every event published from now on, on any replica, that the filter matches. */
  subscribe(filter: VideoEventFilter, listener: (event: VideoEvent) => void): Unsubscribe;
  close(): Promise<void>;
}

export function matches(filter: VideoEventFilter, event: VideoEvent): boolean {
  if (filter.accounts !== null && !filter.accounts.has(event.accountId)) return false;
  if (filter.videoNativeIds && !filter.videoNativeIds.has(event.videoNativeId)) return false;
  if (filter.types && !filter.types.has(event.type)) return false;
  return true;
}
