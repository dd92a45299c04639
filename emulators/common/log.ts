import type { ServerResponse } from 'node:http';
import type { EmulatorClock } from './clock';
import type { RequestLog } from './types';

/**
 * Adds one entry to `log` when the response is done: its status, or 0 when the connection ended
 * before the response did (a reset). `account` is read then, once the request was authenticated.
 */
export function logWhenDone(res: ServerResponse, log: RequestLog, clock: EmulatorClock, entry: { method: string; path: string; account: () => string | null }): void {
  res.once('close', () => {
    log.add({ method: entry.method, path: entry.path, account: entry.account(), status: res.writableFinished ? res.statusCode : 0, at: clock.now() });
  });
}
