import { createHash } from 'node:crypto';
import type { ProviderName } from '../config';
import type { ProviderDatasource } from '../domain/datasource';
import type { VideoEvent, VideoEventType } from './types';

/** The contract between the shared receiver (receiver.ts) and each provider's `notifications-in.ts`. */

/** A delivery the provider could not have sent: answered 400, nothing published. */
export class MalformedNotification extends Error {}

/** One delivery, parsed (synchronously, before the 200): what it says and how it becomes events. */
export interface InboundNotification {
  /** The provider's event name, for logs (`encoding-progress`, `video_ready`). */
  readonly name: string;
  /** The normalized events, in order; may ask the provider (after the 200 went out). */
  events(ctx: InboundContext): Promise<VideoEvent[]>;
}

export interface InboundContext {
  readonly source: ProviderDatasource;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** Encoding → video native ids learned from earlier deliveries and lookups (an encoding's video never changes). */
  readonly videoOfEncoding: BoundedMap<string, string>;
  /** Told when a provider confirmed a webhook (Ziggeo's handshake), so `configureNotifications` can say so. */
  confirmed(webhookId: string): void;
}

/** Body bytes and Content-Type → the delivery, or MalformedNotification. */
export type NotificationParser = (body: Buffer, contentType: string | undefined) => InboundNotification;

/**
 * An event id stable for one delivery: a hash of the provider, the account and the payload's
 * identifying fields (event, ids, progress, provider time), so a retried delivery publishes once.
 */
export function eventId(provider: ProviderName, accountId: string, ...parts: (string | number | null | undefined)[]): string {
  const text = [provider, accountId, ...parts.map((p) => (p == null ? '' : String(p)))].join('\0');
  return `n_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
}

/** The fields every event from a notification shares. */
export function notificationEvent(
  source: ProviderDatasource,
  type: VideoEventType,
  fields: { id: string; videoNativeId: string; encodingNativeId?: string; progress?: number; at: Date | number },
): VideoEvent {
  const at = new Date(fields.at).toISOString();
  return {
    id: fields.id,
    type,
    accountId: source.accountId,
    provider: source.provider,
    videoNativeId: fields.videoNativeId,
    ...(fields.encodingNativeId !== undefined && { encodingNativeId: fields.encodingNativeId }),
    ...(fields.progress !== undefined && { progress: fields.progress }),
    at,
    source: 'notification',
  };
}

/** A Map that forgets its oldest entries past `max` (per-account caches fed by remote input). */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    this.delete(key);
    super.set(key, value);
    if (this.size > this.max) this.delete(this.keys().next().value as K);
    return this;
  }
}
