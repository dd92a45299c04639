import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** One gateway behind the proxy. */
export interface Backend {
  readonly name: string;
  /** `http://host:port`. */
  readonly origin: string;
}

export interface RoundRobinProxy {
  readonly url: string;
  /** Backends whose last /readyz said ready. */
  ready(): string[];
  close(): Promise<void>;
}

/**
 * The demo's load balancer, as small as one can be: each request to the next backend in turn among
 * those whose `/readyz` answered 200 at the last probe (every `probeMs`; all of them when none
 * did), streamed both ways, the backend's name in `x-vidmesh-replica`. A client that hangs up
 * closes the backend request too, and WebSocket upgrades are passed through. Not for production.
 */
export async function startRoundRobinProxy(backends: readonly Backend[], options: { port?: number; host?: string; probeMs?: number } = {}): Promise<RoundRobinProxy> {
  const agent = new Agent({ keepAlive: true });
  const readiness = new Map(backends.map((b) => [b.name, true]));
  let next = 0;
  const pick = (): Backend => {
    const live = backends.filter((b) => readiness.get(b.name));
    const pool = live.length > 0 ? live : backends;
    return pool[next++ % pool.length]!;
  };

  const probe = () =>
    backends.forEach((b) => {
      const req = request(`${b.origin}/readyz`, { agent: false, timeout: 1_000 }, (res) => {
        readiness.set(b.name, res.statusCode === 200);
        res.resume();
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => readiness.set(b.name, false));
      req.end();
    });
  const probes = setInterval(probe, options.probeMs ?? 1_000);

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const backend = pick();
    const url = new URL(req.url ?? '/', backend.origin);
    const upstream = request(url, { method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-vidmesh-replica': backend.name });
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent)
        res
          .writeHead(502, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: `${backend.name} unreachable`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      else res.destroy();
    });
    // the client left before its answer was complete: so does the request to the gateway
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket) => (sockets.add(socket), socket.once('close', () => sockets.delete(socket))));
  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const backend = new URL(pick().origin);
    const upstream = connect({ host: backend.hostname, port: Number(backend.port) }, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    const end = () => (upstream.destroy(), client.destroy());
    upstream.on('error', end);
    client.on('error', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    ready: () => backends.filter((b) => readiness.get(b.name)).map((b) => b.name),
    async close() {
      clearInterval(probes);
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
      agent.destroy();
    },
  };
}
