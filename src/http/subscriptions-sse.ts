import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutionResult } from 'graphql';
import { createHandler, type OperationContext } from 'graphql-sse';
import type { Principal } from '../context';
import { VidmeshError } from '../errors';
import { SubscriptionContext } from '../graph/events/context';
import { subscribeSharingResults } from '../graph/events/shared-results';
import { audienceOf, formatResult, isPrepared, prepareSubscription } from './subscription-operation';
import { withHooks } from '../graph/common/hooks';
import { noteErrorCode } from '../observability/request-scope';
import { scopeOf } from './request-log';
import type { Route } from './route';
import type { SubscriptionServerOptions } from './subscriptions-ws';

/** Subscription documents arrive as JSON bodies: the limit of POST /graphql. */
const MAX_BODY = 1024 * 1024;

/** What the handler keeps about one SSE request. */
interface SseRequest {
  readonly principal: Principal;
  readonly res: ServerResponse;
}

export interface SseSubscriptions {
  /** A request for an event stream (`Accept: text/event-stream`): graphql-sse answers it. */
  accepts(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export function acceptsEventStream(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').split(',').some((type) => type.trim().split(';')[0]!.trim().toLowerCase() === 'text/event-stream');
}

async function readLimited(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error(`request body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Waits while the client has not read what was written: events then wait in the subscriber's bounded queue. */
async function writable(res: ServerResponse): Promise<void> {
  while (res.writableNeedDrain && !res.destroyed) await Promise.race([once(res, 'drain'), once(res, 'close')]);
}

/**
 * GraphQL subscriptions over Server-Sent Events (the `graphql-sse` library's protocol, distinct
 * connections mode: one stream per subscription) on `/graphql` for requests that accept
 * `text/event-stream`. The API key is the `Authorization` header, as for queries; a keep-alive
 * comment goes out every `server.subscriptions.keepAliveMs`.
 */
export function subscriptionsOverSse(options: SubscriptionServerOptions): SseSubscriptions {
  const { schema, live, rules, formatError } = options;
  const handler = createHandler<IncomingMessage, SseRequest, OperationContext>({
    schema,
    // subscribers of one audience execute each event once
    subscribe: subscribeSharingResults,
    // distinct connections mode only: no stream reservations (PUT) to track across requests
    authenticate: () => null,
    onSubscribe(req, params) {
      const prepared = prepareSubscription(schema, rules, params);
      if (!isPrepared(prepared)) {
        const scope = scopeOf(req.raw);
        const errors = prepared.map((e) => formatError(e.toJSON(), e, scope?.requestId));
        for (const e of errors) noteErrorCode(scope, typeof e.extensions?.code === 'string' ? e.extensions.code : 'BAD_USER_INPUT');
        return [JSON.stringify({ errors }), { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/json; charset=utf-8' } }];
      }
      const { principal } = req.context;
      const context = new SubscriptionContext(options.registry, principal, live, { overflowed: () => undefined }, audienceOf(prepared, principal, req.raw.headers));
      return {
        schema,
        document: prepared.document,
        operationName: prepared.operationName,
        variableValues: prepared.variables,
        contextValue: withHooks(context, options.hooks(req.raw, principal)) as unknown as OperationContext,
      };
    },
    async onNext(_ctx, req, result) {
      await writable(req.context.res);
      // graphql-sse serializes with JSON.stringify: formatted errors go out as they are
      const requestId = scopeOf(req.context.res)?.requestId;
      return formatResult(result as ExecutionResult, (formatted, error) => formatError(formatted, error, requestId)) as unknown as typeof result;
    },
  });

  const refuse = (res: ServerResponse, status: number, error: VidmeshError, headers: Record<string, string> = {}) => {
    const scope = scopeOf(res);
    noteErrorCode(scope, error.code);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify({ errors: [formatError(error.toJSON(), error, scope?.requestId)] }));
  };

  return {
    accepts: acceptsEventStream,
    async handle(req, res) {
      const principal = options.auth.authenticate(req.headers.authorization);
      if (principal instanceof VidmeshError) return refuse(res, 401, principal, { 'www-authenticate': 'Bearer' });
      if (live.isClosed) return refuse(res, 503, new VidmeshError('PROVIDER_UNAVAILABLE', 'the gateway is shutting down: subscribe again shortly'), { 'retry-after': '1' });
      const [body, init] = await handler({
        method: req.method ?? 'GET',
        url: req.url ?? '/graphql',
        headers: {
          // graphql-sse matches the Accept header exactly: a list naming text/event-stream is a stream request too
          get: (key) => (key === 'accept' && acceptsEventStream(req) ? 'text/event-stream' : [req.headers[key]].flat().join(', ') || null),
        },
        body: () => readLimited(req),
        raw: req,
        context: { principal, res },
      });
      res.writeHead(init.status, init.statusText, init.headers);
      if (!body || typeof body === 'string') return void res.end(body ?? undefined);
      const stop = () => void body.return(undefined);
      res.once('close', stop);
      // graphql-sse pings every 12 s on its own; this keeps to the configured interval
      const ping = setInterval(() => res.write(':\n\n'), live.limits.keepAliveMs);
      ping.unref();
      try {
        for await (const chunk of body) {
          if (!res.writable) break;
          res.write(chunk);
        }
      } finally {
        clearInterval(ping);
        res.off('close', stop);
        res.end();
      }
    },
  };
}

/** The GraphQL route, with event-stream requests to it answered by graphql-sse. */
export function withSse(sse: SseSubscriptions, graphql: Route): Route {
  return { ...graphql, handle: (req, res, url) => (sse.accepts(req) ? sse.handle(req, res) : graphql.handle(req, res, url)) };
}
