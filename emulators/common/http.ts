import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cutRequestAfter } from './faults';
import { faultApplies, type InjectedFault } from './types';

/** Small pieces every emulator's HTTP side shares. */

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** Reads a request body up to `limit` bytes; null when larger (the rest is drained). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) over = true;
    else chunks.push(chunk as Buffer);
  }
  return over ? null : Buffer.concat(chunks);
}

export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      resolve(`http://${shown}:${address.port}`);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Injected faults, each for `times` requests (all while set when absent). */
export class FaultList {
  private readonly entries: { fault: InjectedFault; left: number }[] = [];

  add(fault: InjectedFault): void {
    this.entries.push({ fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.entries.length = 0;
  }

  /** The first fault that applies to `path` (and `method`), counted as used; null when none does. */
  take(path: string, method?: string): InjectedFault | null {
    const entry = this.entries.find((e) => e.left > 0 && faultApplies(e.fault, path, method));
    if (!entry) return null;
    entry.left -= 1;
    return entry.fault;
  }

  /** Applies the first matching fault; true when it answered the request itself. */
  async apply(path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const entry = this.entries.find((e) => e.left > 0 && faultApplies(e.fault, path, req.method));
    if (!entry) return false;
    entry.left -= 1;
    const { fault } = entry;
    if (fault.kind === 'cut') {
      cutRequestAfter(req, fault.afterBytes ?? 0);
      return false;
    }
    if (fault.kind === 'delay') {
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
      return false;
    }
    req.resume();
    if (fault.kind === 'reset') {
      req.socket.destroy();
    } else if (fault.kind === 'slow-body') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...fault.headers });
      res.write('{"result": ');
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
      if (!res.destroyed) res.end('null}');
    } else if (fault.kind === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...fault.headers });
      res.end(fault.body ?? '{"id": "trunc');
    } else {
      const status = fault.status ?? 503;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...fault.headers });
      res.end(fault.body ?? '');
    }
    return true;
  }
}
