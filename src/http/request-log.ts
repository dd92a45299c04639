import { setMaxListeners } from 'node:events';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger';
import { recordGraphqlErrors, recordHttpRequest } from '../observability/metrics';
import { ClientGone, requestIdOf, type RequestScope } from '../observability/request-scope';

/** Each request's scope, found from its request or response by whoever handles them. */
const scopes = new WeakMap<IncomingMessage, RequestScope>();

/** The scope of the request `message` belongs to; undefined for one the front did not take (an upgrade, a test's own server). */
export function scopeOf(message: IncomingMessage | ServerResponse): RequestScope | undefined {
  return scopes.get('req' in message ? message.req : message);
}

/**
 * A request's scope whose abort signal is made when first asked for (by an upstream call): a request
 * answered from memory makes no AbortController. Once the client has left, the signal is aborted
 * with ClientGone, whenever it is made.
 */
class HttpRequestScope implements RequestScope {
  operation: string | null = null;
  readonly errorCodes: string[] = [];
  upstreamCalls = 0;
  private controller: AbortController | undefined;
  private left = false;

  constructor(readonly requestId: string) {}

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      setMaxListeners(0, this.controller.signal); // one listener per upstream call in flight, by design
      if (this.left) this.controller.abort(new ClientGone());
    }
    return this.controller.signal;
  }

  clientLeft(): void {
    this.left = true;
    this.controller?.abort(new ClientGone());
  }
}

/**
 * The gateway's HTTP front: a request id for every request (the client's `x-request-id` or a new
 * one, echoed back), one log line per GraphQL request, HTTP metrics, and the in-flight count that
 * graceful shutdown waits on. While draining, new requests on kept-alive connections get 503.
 * Each request carries an AbortSignal that fires when its client leaves before the response is
 * complete, so the upstream calls made for it stop too.
 */
export class RequestFront {
  private active = 0;
  private draining = false;
  private leaving = false;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    private readonly logger: Logger,
    /** The metrics label of a path (its route's name). */
    private readonly routeOf: (pathname: string) => string,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  /** Not ready any more: announced (the balancer's delay before a drain) or draining. */
  get isDraining(): boolean {
    return this.leaving || this.draining;
  }

  /**
   * The first step of a shutdown: readiness answers 503 so the balancer sends new requests
   * elsewhere, while requests still arriving are served; each answer closes its connection, so
   * clients holding one open reconnect through the balancer.
   */
  announceDrain(): void {
    this.leaving = true;
  }

  listener(handler: (req: IncomingMessage, res: ServerResponse) => void): RequestListener {
    return (req, res) => {
      const scope = new HttpRequestScope(requestIdOf(req.headers['x-request-id']));
      res.setHeader('x-request-id', scope.requestId);
      if (this.leaving) res.setHeader('connection', 'close');
      if (this.draining) {
        res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close', 'retry-after': '1' });
        res.end(JSON.stringify({ errors: [{ message: 'the gateway is shutting down', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
        return;
      }
      const started = performance.now();
      const route = (req.url ?? '/').split('?')[0]!;
      this.active += 1;
      res.once('close', () => {
        // closed before the last byte was handed over: the client left (or the drain cut it)
        if (!res.writableFinished) scope.clientLeft();
        this.active -= 1;
        this.finished(req, res, route, scope, performance.now() - started);
        if (this.active === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
      });
      scopes.set(req, scope);
      handler(req, res);
    };
  }

  /**
   * Stops accepting, lets in-flight requests finish for at most `timeoutMs`, then cuts what is
   * left. Answers how many requests were cut.
   */
  async drain(server: Server, timeoutMs: number): Promise<number> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const idle = this.active === 0 ? Promise.resolve(true) : new Promise<boolean>((resolve) => this.idleWaiters.push(() => resolve(true)));
    const finished = await Promise.race([idle, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))]);
    clearTimeout(timer);
    const cut = finished ? 0 : this.active;
    if (cut > 0) this.logger.warn({ inFlight: cut, timeoutMs }, 'shutdown timeout: cutting in-flight requests');
    server.closeAllConnections();
    await closed;
    return cut;
  }

  private finished(req: IncomingMessage, res: ServerResponse, path: string, scope: RequestScope, ms: number): void {
    const route = this.routeOf(path);
    const status = res.writableFinished ? res.statusCode : 0;
    recordHttpRequest(route, status, ms / 1000);
    if (route !== '/graphql') return;
    recordGraphqlErrors(scope.errorCodes);
    const fields = {
      requestId: scope.requestId,
      method: req.method,
      operation: scope.operation,
      status,
      ms: Math.round(ms * 10) / 10,
      upstreamCalls: scope.upstreamCalls,
      errors: [...new Set(scope.errorCodes)],
    };
    if (status === 0 || status >= 500) this.logger.warn(fields, 'graphql request');
    else this.logger.info(fields, 'graphql request');
  }
}
