import type { IncomingMessage, RequestListener, ServerOptions } from 'node:http';
import type { VidmeshConfig } from '../config';
import { errorBody } from './errors';
import { scopeOf } from './request-log';

type ReceiveLimits = Pick<VidmeshConfig['server'], 'headersTimeoutMs' | 'requestTimeoutMs'>;

/**
 * Node's own timeouts: headers bounded by `headersTimeoutMs`; its `requestTimeout` off, since it
 * cannot tell an upload from another request and would cut every upload longer than it (Node's
 * default: 5 minutes, 34 MiB/s for a 10 GiB file). `guardReceipt` bounds the other requests instead,
 * and an upload paces its own body (upload-pace.ts).
 */
export function serverTimeouts(limits: ReceiveLimits): ServerOptions {
  return {
    requestTimeout: 0,
    headersTimeout: limits.headersTimeoutMs,
    // how often Node looks for connections past headersTimeout: a small timeout is checked as often
    connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(limits.headersTimeoutMs / 4))),
  };
}

/** Requests whose body paces itself (uploads): not cut by `requestTimeoutMs`. */
const selfPaced = new WeakSet<IncomingMessage>();

/** The request is an upload that paces its body (idle and minimum rate): `requestTimeoutMs` no longer applies to it. */
export function pacesItself(req: IncomingMessage): void {
  selfPaced.add(req);
}

/**
 * Every request must be received whole (headers and body) within `requestTimeoutMs` of its start,
 * unless it paces itself: past it the client gets 408 and the connection is closed, so a slow-drip
 * body holds no request slot for long.
 */
export function guardReceipt(limits: ReceiveLimits, listener: RequestListener): RequestListener {
  return (req, res) => {
    const timer = setTimeout(() => {
      if (req.complete || selfPaced.has(req)) return;
      const cut = () => req.socket.destroy();
      if (res.headersSent) return cut();
      const body = JSON.stringify(errorBody(`the request was not received within ${limits.requestTimeoutMs} ms (server.requestTimeoutMs)`, 'BAD_USER_INPUT', scopeOf(res)));
      res.writeHead(408, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(body, cut);
    }, limits.requestTimeoutMs);
    // a timer per request in flight must not keep a closing process alive
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    listener(req, res);
  };
}
