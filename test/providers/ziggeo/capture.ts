import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZiggeoExchange } from './vectors';
import { responseBody } from './vectors';

/** What the capture server received. */
export interface CapturedRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Hosts of the vectors' canned answers that the capture server stands in for. */
export const S3_URL = 'https://ziggeo-upload-bucket.s3.amazonaws.com/';
export const CDN_URL = 'https://cdn.example.net/';

/**
 * A loopback server that records requests and answers each with the next canned response of a
 * vector (ziggeo spec §11), the S3 and CDN URLs in them re-pointed at itself.
 */
export class CaptureServer {
  readonly received: CapturedRequest[] = [];
  private script: ZiggeoExchange[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ method: req.method ?? '', target: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        const exchange = this.script.shift();
        if (!exchange) {
          res.writeHead(599).end();
          return;
        }
        const body = Buffer.from(responseBody(exchange).toString('latin1').split(S3_URL).join(`${this.url}/__s3/`), 'latin1');
        const headers: Record<string, string> = { 'content-length': String(body.length) };
        for (const [k, v] of exchange.response.headers) {
          if (/^(content-length|connection)$/i.test(k)) continue;
          headers[k] = k.toLowerCase() === 'location' ? v.replace(CDN_URL, `${this.url}/__cdn/`) : v;
        }
        res.writeHead(exchange.response.status, exchange.response.reason, headers).end(body);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Answers the next requests with these exchanges' responses, forgetting earlier requests. */
  play(exchanges: readonly ZiggeoExchange[]): void {
    this.script = [...exchanges];
    this.received.length = 0;
  }

  /** The target the client should have sent for a vector request, after re-pointing. */
  expectedTarget(exchange: ZiggeoExchange): string {
    const url = exchange.request.url;
    if (url.startsWith(S3_URL)) return `/__s3/${url.slice(S3_URL.length)}`;
    if (url.startsWith(CDN_URL)) return `/__cdn/${url.slice(CDN_URL.length)}`;
    return exchange.request.target;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
