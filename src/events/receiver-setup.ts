import type { ProviderDatasource } from '../domain/datasource';
import { unsupported, VidmeshError } from '../errors';
import type { NotificationReceiver } from './receiver';
import type { NotificationSetup, NotificationTarget } from './receiver-types';

export type { NotificationSetup } from './receiver-types';

/** The provider side of `configureNotifications` (a provider descriptor's `notifications.configure`). */
export type ConfigureProvider = (source: ProviderDatasource, target: NotificationTarget) => Promise<NotificationSetup>;

/** An upstream error that could quote the URL it was given, with the secret cut out. */
function scrubbed(error: unknown, secret: string): unknown {
  if (!(error instanceof Error) || !error.message.includes(secret)) return error;
  const message = error.message.split(secret).join('***');
  if (error instanceof VidmeshError) return new VidmeshError(error.code, message, { extra: error.extensions as Record<string, string> });
  return new Error(message);
}

/**
 * Points an account's provider at the receiver (`configure` comes from the provider's descriptor:
 * Panda/Telestream notification settings, or a Ziggeo webhook confirmed when its code arrives).
 */
export async function configureNotifications(receiver: NotificationReceiver, source: ProviderDatasource, configure: ConfigureProvider | undefined): Promise<NotificationSetup> {
  if (configure === undefined) throw unsupported('notifications', source.accountId, source.provider);
  const secret = receiver.secrets.secretFor(source.accountId);
  const target: NotificationTarget = {
    url: receiver.urlFor(source.accountId),
    previousWebhook: receiver.webhooks.get(source.accountId),
    awaitConfirmation: (webhookId, timeoutMs) => receiver.awaitConfirmation(webhookId, timeoutMs),
  };
  try {
    const setup = await configure(source, target);
    if (setup.webhookId !== null) receiver.webhooks.set(source.accountId, setup.webhookId);
    if (setup.confirmed) receiver.configured(source.accountId);
    return setup;
  } catch (error) {
    throw scrubbed(error, secret);
  }
}
