import type { ZiggeoDatasource } from './datasource';

/**
 * Ziggeo webhooks (ziggeo spec §5.4): `POST /v1/api/hook` (`target_url`, `encoding`, `events`)
 * answers `{"webhook_id": …}` as raw text; the service then sends a validation code to the URL, and
 * `POST /v1/api/confirmhook` with it turns the hook on; `removehook` drops one.
 */

/** The events the gateway's receiver understands (src/providers/ziggeo/notifications-in.ts). */
export const ZIGGEO_HOOK_EVENTS = ['video_create', 'video_processing', 'video_ready', 'video_fail', 'video_delete'] as const;

/** A new webhook posting JSON (with its Content-Type header) to `url`; its id. */
export async function createWebhook(source: ZiggeoDatasource, url: string): Promise<string> {
  const raw = await source.client.webhooks.create({ target_url: url, encoding: 'jsonheader', events: ZIGGEO_HOOK_EVENTS.join(',') });
  let id: unknown;
  try {
    id = (JSON.parse(raw.toString('utf8')) as { webhook_id?: unknown }).webhook_id;
  } catch {
    id = undefined;
  }
  if (typeof id !== 'string' || id === '') throw new Error('Ziggeo answered a webhook creation without webhook_id');
  return id;
}

export async function confirmWebhook(source: ZiggeoDatasource, webhookId: string, validationCode: string): Promise<void> {
  await source.client.webhooks.confirm({ webhook_id: webhookId, validation_code: validationCode });
}

export async function removeWebhook(source: ZiggeoDatasource, webhookId: string): Promise<void> {
  await source.client.webhooks.delete({ webhook_id: webhookId });
}
