import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ProviderName } from '../../src/config';
import { eventId } from '../../src/events/receiver-types';

/**
 * Provider notifications as the providers send them (panda spec §4.5, telestream spec §4: form
 * data; Ziggeo: the emulator's JSON webhook body), each with the id of the event the gateway will
 * make of it (src/events/receiver-types.ts `eventId`: stable per delivery), so that every
 * subscriber's result can be matched with the POST it came from.
 */
export interface Notification {
  readonly account: string;
  readonly body: string;
  readonly contentType: string;
  readonly eventId: string;
}

const FORM = 'application/x-www-form-urlencoded';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** `video-created` (Panda, Telestream) names the video's encodings: later progress needs no lookup. */
export function videoCreated(provider: ProviderName, account: string, video: string, encodings: readonly string[]): Notification {
  const fields: Record<string, string> = { event: 'video-created', video_id: video };
  encodings.forEach((e, i) => (fields[`encoding_ids[${i}]`] = e));
  return { account, body: form(fields), contentType: FORM, eventId: eventId(provider, account, 'video-created', video) };
}

export function encodingProgress(provider: ProviderName, account: string, encoding: string, progress: number): Notification {
  const body = form({ event: 'encoding-progress', encoding_id: encoding, progress: String(progress) });
  return { account, body, contentType: FORM, eventId: eventId(provider, account, 'encoding-progress', encoding, progress) };
}

/** A Ziggeo webhook call (`jsonheader` encoding): the video, its default stream being `stream`. */
export function ziggeoEvent(account: string, event: 'video_create' | 'video_ready', video: string, stream: string | null): Notification {
  const body = JSON.stringify({
    event_type: event,
    time: Math.floor(Date.now() / 1000),
    data: { video: { token: video, state_string: 'READY', default_stream: stream === null ? null : { token: stream, state_string: 'READY' } } },
  });
  return { account, body, contentType: 'application/json', eventId: eventId('ziggeo', account, event, video, stream, '') };
}

/** POSTs notifications over keep-alive connections; each answer's status and when it came (performance.now()). */
export class NotificationSender {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 32 });

  constructor(private readonly urls: ReadonlyMap<string, string>) {}

  send(notification: Notification): Promise<{ status: number; answeredAt: number }> {
    const url = this.urls.get(notification.account);
    if (url === undefined) return Promise.reject(new Error(`no notification URL for ${notification.account}`));
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        { method: 'POST', agent: this.agent, headers: { 'content-type': notification.contentType, 'content-length': Buffer.byteLength(notification.body) } },
        (res) => {
          const answeredAt = performance.now();
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, answeredAt }));
        },
      );
      req.on('error', reject);
      req.end(notification.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
