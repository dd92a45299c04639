import type { ProviderDatasource } from '../../domain/datasource';
import type { NotificationSetup, NotificationTarget } from '../../events/receiver-types';

/** Panda and Telestream post these (panda spec §4.5, telestream spec "Notifications"). */
const HMAC_QUERY_EVENTS = ['video-created', 'video-encoded', 'encoding-progress', 'encoding-complete'];

/** What both datasources offer to point their notifications somewhere. */
interface NotificationSettings {
  updateNotifications(input: { url: string; delay: number; events: Record<'videoCreated' | 'videoEncoded' | 'encodingProgress' | 'encodingCompleted', boolean> }): Promise<unknown>;
}

/** The account's notification settings replaced: the receiver URL, no delay, every event. */
export async function configureHmacQueryNotifications(source: ProviderDatasource, target: NotificationTarget): Promise<NotificationSetup> {
  const all = { videoCreated: true, videoEncoded: true, encodingProgress: true, encodingCompleted: true };
  await (source as ProviderDatasource & NotificationSettings).updateNotifications({ url: target.url, delay: 0, events: all });
  return { delivery: 'NOTIFICATION_SETTINGS', events: HMAC_QUERY_EVENTS, webhookId: null, confirmed: true };
}
