import type { IncomingMessage, ServerResponse } from 'node:http';
import { NotificationReceiver, type ReceiverOptions } from '../events/receiver';
import type { Route } from './route';
import { scopeOf } from './request-log';

/** Provider callbacks are small form or JSON posts; anything bigger is not one. */
const MAX_NOTIFICATION_BYTES = 256 * 1024;

/** Plain answers: a provider reads the status only, and a forger learns nothing from the body. */
function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_NOTIFICATION_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * `POST /notifications/<account>/<secret>`: where Panda, Telestream and Ziggeo post their callbacks
 * (src/events/receiver.ts). 200 as soon as the delivery is checked and parsed, before any upstream
 * call; 404 for an unknown account or a wrong secret alike (nothing tells which); 400 malformed.
 */
export function notificationsRoute(options: ReceiverOptions): Route {
  const receiver = new NotificationReceiver(options);
  return {
    name: '/notifications',
    matches: (pathname) => pathname.startsWith('/notifications/'),
    async handle(req, res, url) {
      const parts = url.pathname.split('/');
      if (parts.length !== 4 || parts[2] === '' || parts[3] === '') return answer(res, 404, 'not found');
      if (req.method !== 'POST') return answer(res, 405, 'method not allowed', { allow: 'POST' });
      let account: string;
      try {
        account = decodeURIComponent(parts[2]!);
      } catch {
        return answer(res, 404, 'not found');
      }
      // refused before its body is read: a forger gets no further
      if (receiver.authenticate(account, parts[3]!) === null) {
        req.resume();
        return answer(res, receiver.refused(account).status, 'not found');
      }
      const body = await readBody(req);
      if (body === null) {
        req.resume();
        return answer(res, 413, 'too large', { connection: 'close' });
      }
      const acceptance = receiver.accept(account, parts[3]!, body, req.headers['content-type'], scopeOf(req));
      return answer(res, acceptance.status, acceptance.status === 200 ? 'OK' : acceptance.reason);
    },
  };
}
