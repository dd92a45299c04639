import type { ProviderDatasource } from '../domain/datasource';
import { unsupported, VidmeshError } from '../errors';
import { PandaDatasource } from '../providers/panda';
import { TelestreamDatasource } from '../providers/telestream/datasource';
import { ZiggeoDatasource } from '../providers/ziggeo/datasource';
import { createWebhook, removeWebhook, ZIGGEO_HOOK_EVENTS } from '../providers/ziggeo/webhooks';
import type { NotificationReceiver } from './receiver';

/** How long `configureNotifications` waits for Ziggeo's validation code to come back and be confirmed. */
export const CONFIRMATION_WAIT_MS = 5_000;

export interface NotificationSetup {
  readonly delivery: 'NOTIFICATION_SETTINGS' | 'WEBHOOK';
  /** The provider's event names it will post. */
  readonly events: readonly string[];
  readonly webhookId: string | null;
  readonly confirmed: boolean;
}

const HMAC_QUERY_EVENTS = ['video-created', 'video-encoded', 'encoding-progress', 'encoding-complete'];

/** An upstream error that could quote the URL it was given, with the secret cut out. */
function scrubbed(error: unknown, secret: string): unknown {
  if (!(error instanceof Error) || !error.message.includes(secret)) return error;
  const message = error.message.split(secret).join('***');
  if (error instanceof VidmeshError) return new VidmeshError(error.code, message, { extra: error.extensions as Record<string, string> });
  return new Error(message);
}

/**
 * Points an account's provider at the receiver: Panda and Telestream notification settings (URL,
 * no delay, every event), or a new Ziggeo webhook, confirmed when its validation code arrives.
 */
export async function configureNotifications(receiver: NotificationReceiver, source: ProviderDatasource): Promise<NotificationSetup> {
  const url = receiver.urlFor(source.accountId);
  const secret = receiver.secrets.secretFor(source.accountId);
  try {
    if (source instanceof PandaDatasource || source instanceof TelestreamDatasource) {
      const all = { videoCreated: true, videoEncoded: true, encodingProgress: true, encodingCompleted: true };
      await source.updateNotifications({ url, delay: 0, events: all });
      return { delivery: 'NOTIFICATION_SETTINGS', events: HMAC_QUERY_EVENTS, webhookId: null, confirmed: true };
    }
    if (source instanceof ZiggeoDatasource) {
      const webhookId = await createWebhook(source, url);
      const confirmed = await receiver.awaitConfirmation(webhookId, CONFIRMATION_WAIT_MS);
      // the hook this process made before would deliver everything twice (the bus drops repeats, but still)
      const previous = receiver.webhooks.get(source.accountId);
      receiver.webhooks.set(source.accountId, webhookId);
      if (previous !== undefined && previous !== webhookId) await removeWebhook(source, previous).catch(() => undefined);
      return { delivery: 'WEBHOOK', events: ZIGGEO_HOOK_EVENTS, webhookId, confirmed };
    }
  } catch (error) {
    throw scrubbed(error, secret);
  }
  throw unsupported('notifications', source.accountId, source.provider);
}
