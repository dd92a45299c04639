import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Principal } from '../context';
import { VidmeshError } from '../errors';
import type { LiveEvents } from '../graph/events/live';
import { SubscriptionContext } from '../graph/events/context';
import { subscribeSharingResults } from '../graph/events/shared-results';
import { audienceOf, formatResult, isPrepared, prepareSubscription, type OperationRules } from './subscription-operation';
import { withHooks, type GatewayHooks } from '../graph/common/hooks';
import type { AccountRegistry } from '../providers/accounts';
import type { ApiKeyAuthenticator } from '../security/auth';

/** What both subscription transports need from the gateway. */
export interface SubscriptionServerOptions {
  readonly schema: GraphQLSchema;
  readonly live: LiveEvents;
  readonly registry: AccountRegistry;
  readonly auth: ApiKeyAuthenticator;
  readonly rules: OperationRules;
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown, requestId?: string) => GraphQLFormattedError;
  /** The clock and download links of a request from this client (as queries get them). */
  readonly hooks: (req: IncomingMessage, principal: Principal) => GatewayHooks;
}

export interface WebSocketSubscriptions {
  /** Open WebSocket connections. */
  readonly connections: number;
  /** Closes every connection (1001 going away) and stops accepting upgrades. */
  close(): Promise<void>;
}

/** WebSocket close codes of graphql-transport-ws (4401) and RFC 6455 (1008 policy violation). */
const UNAUTHORIZED = 4401;
const POLICY_VIOLATION = 1008;
/** RFC 6455: a close reason is at most 123 bytes. */
const reason = (text: string): string =>
  Buffer.byteLength(text) <= 123
    ? text
    : `${Buffer.from(text)
        .subarray(0, 120)
        .toString('utf8')
        .replace(/\uFFFD+$/, '')}…`;

type ConnectionContext = Context<Record<string, unknown>, Extra>;

interface ConnectionState {
  principal: Principal;
  /** Operation ids whose subscriber could not keep up: the connection closes once their error went out. */
  readonly overflowed: Map<string, VidmeshError>;
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Service Unavailable'}\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n\r\n${message}\n`);
}

/**
 * GraphQL subscriptions over WebSocket on the gateway's own port and path (`/graphql`), with the
 * graphql-transport-ws protocol of the `graphql-ws` library (its `useServer` over a `ws` server that
 * takes the HTTP server's upgrades). The API key comes in `connectionParams.Authorization` or the
 * upgrade request's `Authorization` header; documents are checked with the query limits.
 */
export function subscriptionsOverWebSocket(server: Server, options: SubscriptionServerOptions): WebSocketSubscriptions {
  const { schema, live, auth, rules, formatError } = options;
  const limits = live.limits;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 });
  const states = new WeakMap<ConnectionContext, ConnectionState>();
  const disposable = useServer<Record<string, unknown>, Record<PropertyKey, never>>(
    {
      // messages of our own errors are already safe; anything else closes with a generic reason
      isProd: true,
      // subscribers of one audience execute each event once
      subscribe: subscribeSharingResults,
      onConnect(ctx) {
        const given = ctx.connectionParams?.Authorization ?? ctx.connectionParams?.authorization ?? ctx.extra.request.headers.authorization;
        const principal = auth.authenticate(typeof given === 'string' ? given : undefined);
        if (principal instanceof VidmeshError) {
          ctx.extra.socket.close(UNAUTHORIZED, reason(`${principal.message} (connectionParams.Authorization or the Authorization header)`));
          return false;
        }
        states.set(ctx, { principal, overflowed: new Map() });
        return true;
      },
      onSubscribe(ctx, id, payload) {
        const state = states.get(ctx)!;
        // the operation being subscribed is already counted in ctx.subscriptions
        if (Object.keys(ctx.subscriptions).length > limits.maxPerConnection) {
          return [
            new VidmeshError('RATE_LIMITED', `this connection already holds ${limits.maxPerConnection} subscriptions (server.subscriptions.maxPerConnection)`, {
              extra: { limit: 'maxPerConnection', max: limits.maxPerConnection },
            }),
          ];
        }
        const prepared = prepareSubscription(schema, rules, payload);
        if (!isPrepared(prepared)) return prepared;
        const { document, operationName, variables } = prepared;
        const audience = audienceOf(prepared, state.principal, ctx.extra.request.headers);
        const context = new SubscriptionContext(options.registry, state.principal, live, { overflowed: (error) => state.overflowed.set(id, error) }, audience);
        return { schema, document, operationName, variableValues: variables, contextValue: withHooks(context, options.hooks(ctx.extra.request, state.principal)) };
      },
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result, formatError),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      onComplete(ctx, id) {
        const error = states.get(ctx)?.overflowed.get(id);
        // the slow subscriber's error went out: the connection goes, saying why
        if (error) ctx.extra.socket.close(POLICY_VIOLATION, reason(error.message));
      },
    },
    wss,
    limits.keepAliveMs,
  );
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://gateway').pathname;
    } catch {
      return refuseUpgrade(socket, 404, 'not found');
    }
    if (path !== '/graphql') return refuseUpgrade(socket, 404, 'not found: subscriptions are served at /graphql');
    if (live.isClosed) return refuseUpgrade(socket, 503, 'the gateway is shutting down');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);
  return {
    get connections() {
      return wss.clients.size;
    },
    async close() {
      server.off('upgrade', onUpgrade);
      await disposable.dispose();
    },
  };
}
