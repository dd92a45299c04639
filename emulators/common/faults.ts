import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InjectedFault } from './types';

/** Timers an emulator may still be waiting on, cleared on close so tests exit at once. */
export class PendingTimers {
  private readonly timers = new Set<NodeJS.Timeout>();

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/**
 * Plays one injected fault. `delay` waits and lets the request go on (false); the other kinds
 * answer it themselves (true): `status` with its headers and body, `malformed` as a 200 with
 * truncated JSON, `reset` as a 200 whose socket is destroyed after the first bytes of the body,
 * `cut` lets the request go on and breaks its connection mid-body (see `cutRequestAfter`).
 */
export async function serveFault(fault: InjectedFault, req: IncomingMessage, res: ServerResponse, timers: PendingTimers): Promise<boolean> {
  if (fault.kind === 'cut') {
    cutRequestAfter(req, fault.afterBytes ?? 0);
    return false;
  }
  if (fault.kind === 'delay') {
    await timers.wait(fault.delayMs ?? 1000);
    return false;
  }
  req.resume();
  const json = { 'content-type': 'application/json; charset=utf-8' };
  if (fault.kind === 'reset') {
    // promise a body, send part of it, then cut the connection: the client sees a reset mid-response
    res.writeHead(200, { ...json, 'content-length': '4096', ...fault.headers });
    res.write('{"id": "', () => res.socket?.destroy());
  } else if (fault.kind === 'slow-body') {
    res.writeHead(200, { ...json, ...fault.headers });
    res.write('{"id": "');
    await timers.wait(fault.delayMs ?? 1000);
    if (!res.destroyed) res.end('slow"}');
  } else if (fault.kind === 'malformed') {
    res.writeHead(200, { ...json, ...fault.headers });
    res.end(fault.body ?? '{"id": "trunc');
  } else {
    // a status after `delayMs`: a provider slow to answer that in the end did nothing
    if (fault.delayMs) await timers.wait(fault.delayMs);
    if (res.destroyed) return true;
    res.writeHead(fault.status ?? 503, { ...json, ...fault.headers });
    res.end(fault.body ?? '');
  }
  return true;
}

/**
 * A network failure in the middle of an upload: the handler reads the first `afterBytes` bytes of the
 * body as usual (they count as received), then the connection breaks and the handler's read fails.
 */
export function cutRequestAfter(req: IncomingMessage, afterBytes: number): void {
  let seen = 0;
  let cut = false;
  const push = req.push.bind(req);
  const breakWhenRead = (): void => {
    if (req.readableLength > 0 && !req.destroyed) {
      setTimeout(breakWhenRead, 2);
      return;
    }
    req.socket.destroy();
  };
  req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (cut) return false;
    if (chunk === null || !Buffer.isBuffer(chunk)) return push(chunk, encoding);
    if (seen + chunk.length < afterBytes) {
      seen += chunk.length;
      return push(chunk);
    }
    const kept = chunk.subarray(0, afterBytes - seen);
    seen = afterBytes;
    cut = true;
    if (kept.length > 0) push(kept);
    setTimeout(breakWhenRead, 2);
    return false;
  };
}
