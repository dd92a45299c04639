import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { AccountRegistry } from '../providers/accounts';
import type { VidmeshConfig } from '../config';
import { RequestContext, type Principal } from '../context';
import type { ClientAuthTokenEntropy } from '../providers/ziggeo';
import { DownloadLinks, DownloadSigner, isDownloadPath, requestOrigin, serveDownload } from './downloads';
import { VidmeshError } from '../errors';
import { createErrorFormatter, loggableError } from '../errors/format';
import { withHooks } from '../graph/hooks';
import { vidmeshSchema } from '../graph/build';
import { vidmeshSubgraphSchema } from '../graph/federation/schema';
import { operationScopePlugin } from '../observability/apollo';
import { RequestFront } from './request-log';
import { silentLogger, type Logger } from '../observability/logger';
import { metricsText, recordCircuitState } from '../observability/metrics';
import { noteErrorCode, requestScope } from '../observability/request-scope';
import { upstreamObserver } from '../observability/upstream';
import { ApiKeyAuthenticator } from '../security/auth';
import { checkBatch } from '../security/batch';
import { complexityPlugin } from '../security/complexity';
import { inputSizePlugin } from '../security/input-size';
import { noIntrospectionRule, queryShapeRule } from '../security/query-rules';
import { secretsOf } from '../security/secrets';
import { isMultipart, readMultipartRequest } from './multipart';
import { configureUploads } from '../uploads/service';
import type { EventBus } from '../events/types';
import { MemoryEventBus } from '../events/memory-bus';
import { LiveEvents } from '../events/live';
import { subscriptionsOverHttpPlugin } from '../graph/events/operation';
import { subscriptionsOverWebSocket } from './subscriptions-ws';
import { subscriptionsOverSse } from './subscriptions-sse';

/** JSON request bodies are operations and variables, never media. */
const MAX_JSON_BODY = 1024 * 1024;

/** Injections for tests: the gateway's clock (download expiry, client auth tokens) and token randomness. */
export interface GatewayOptions {
  readonly now?: () => number;
  readonly clientTokenEntropy?: () => ClientAuthTokenEntropy;
  /** Request and upstream-call log lines; silent when absent (`npm start` passes a real one). */
  readonly logger?: Logger;
  /** Where video events are published and subscribed (README "Live progress"); a new in-process bus when absent. */
  readonly events?: EventBus;
}

export interface Gateway {
  readonly url: string;
  readonly registry: AccountRegistry;
  /** Subscriptions: their bus, open subscribers, pollers and the per-account notifications flag (`pollers.setNotified`). */
  readonly live: LiveEvents;
  /** Graceful: stops accepting, lets in-flight requests finish within `server.shutdownTimeoutMs`, then closes. */
  close(): Promise<void>;
}

type FormatError = ReturnType<typeof createErrorFormatter>;

/** Sends one account's failure beside the other accounts' data (DESIGN §5 partial results). */
const partialResults = (formatError: FormatError): ApolloServerPlugin<RequestContext> => ({
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.partialErrors.length === 0) return;
        const extra = contextValue.partialErrors.map((e) => formatError(e.toJSON(), e));
        response.body.singleResult.errors = [...(response.body.singleResult.errors ?? []), ...extra];
      },
    };
  },
});

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

const errorBody = (message: string, code: string) => {
  noteErrorCode(code);
  return { errors: [{ message, extensions: { code } }] };
};

/** One operation's answer as JSON text, a batch element (the schema has no @defer: answers are complete). */
function completeBody(response: HTTPGraphQLResponse): string {
  if (response.body.kind === 'complete') return response.body.string;
  return JSON.stringify(errorBody('incremental delivery is not offered in a batch', 'BAD_USER_INPUT'));
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Ready while not draining and while some account's circuit lets calls through. Each account's
 * circuit is listed for whoever may see the account (with API keys: only a key's own accounts).
 */
function sendReadiness(res: ServerResponse, registry: AccountRegistry, draining: boolean, principal: Principal | null): void {
  const circuits = registry.circuits();
  const ready = !draining && circuits.some((a) => a.circuit !== 'open');
  const accounts = principal === null ? [] : circuits.filter((a) => principal.accounts === null || principal.accounts.has(a.account));
  sendJson(res, ready ? 200 : 503, { status: draining ? 'draining' : ready ? 'ready' : 'unavailable', accounts });
}

export async function startGateway(config: VidmeshConfig, listen: { port?: number; host?: string } = {}, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? silentLogger;
  const registry = new AccountRegistry(config.accounts, {
    upstream: config.upstream,
    observer: upstreamObserver(logger),
    onCircuitChange: (account, state) => {
      recordCircuitState(account.id, account.provider, state);
      logger.warn({ account: account.id, provider: account.provider, circuit: state }, 'circuit state changed');
    },
  });
  for (const { account, provider, circuit } of registry.circuits()) recordCircuitState(account, provider, circuit);
  const front = new RequestFront(logger);
  const auth = new ApiKeyAuthenticator(config.apiKeys);
  const limits = config.server.limits;
  const secrets = secretsOf(config);
  const formatError = createErrorFormatter({ secrets, hideSuggestions: !config.server.introspection });
  configureUploads(registry, config.server);
  const now = options.now ?? Date.now;
  const downloads = new DownloadSigner(now);
  let listening = 'http://localhost';
  const schema = await (config.server.federation ? vidmeshSubgraphSchema() : vidmeshSchema());
  const apollo = new ApolloServer<RequestContext>({
    schema,
    // refused by our own rule when off, with a message that names the config key
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    validationRules: [queryShapeRule(limits), ...(config.server.introspection ? [] : [noIntrospectionRule])],
    // no HTTP caching of GraphQL answers here; Apollo's default cache-control plugin would instrument
    // every field resolver for nothing (about 0.8 ms CPU per dashboard list page, npm run bench)
    plugins: [ApolloServerPluginCacheControlDisabled(), subscriptionsOverHttpPlugin(), partialResults(formatError), operationScopePlugin, inputSizePlugin(limits), complexityPlugin(limits)],
    // the gateway drains itself on SIGTERM/SIGINT (main.ts); Apollo's own handlers would re-raise the signal
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  /** A request refused before Apollo sees it (authentication, batch size), formatted like every other error. */
  const sendError = (res: ServerResponse, error: VidmeshError, headers: Record<string, string> = {}) => {
    noteErrorCode(error.code);
    sendJson(res, (error.extensions.http as { status?: number } | undefined)?.status ?? 400, { errors: [formatError(error.toJSON(), error)] }, headers);
  };

  const live = new LiveEvents({ sourceOf: (id) => registry.byId.get(id), bus: options.events ?? new MemoryEventBus(), limits: config.server.subscriptions, logger, now });
  const subscriptions = {
    ...{ schema, live, registry, auth, formatError, rules: { limits, introspection: config.server.introspection } },
    hooks: (req: IncomingMessage, principal: Principal) => ({ now, downloads: new DownloadLinks(downloads, requestOrigin(req, listening), principal.name), clientTokenEntropy: options.clientTokenEntropy }),
  };
  const sse = subscriptionsOverSse(subscriptions);

  const principalOf = (req: IncomingMessage): Principal | null => {
    const found = auth.authenticate(req.headers.authorization);
    return found instanceof VidmeshError ? null : found;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://gateway');
    } catch {
      // e.g. `GET //`: a request target the URL parser refuses is the client's mistake, not a 500
      return sendJson(res, 400, errorBody('malformed request target', 'BAD_USER_INPUT'));
    }
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') return sendReadiness(res, registry, front.isDraining, principalOf(req));
    if (url.pathname === '/metrics') {
      // metrics name every account: with API keys configured, a scraper sends one of them
      if (principalOf(req) === null) return sendJson(res, 401, errorBody('metrics need Authorization: Bearer <key>', 'UNAUTHENTICATED'), { 'www-authenticate': 'Bearer' });
      const { contentType, body } = await metricsText();
      res.writeHead(200, { 'content-type': contentType });
      return void res.end(body);
    }
    if (isDownloadPath(url.pathname)) return serveDownload(req, res, { signer: downloads, registry, config });
    if (url.pathname !== '/graphql') return sendJson(res, 404, errorBody('not found: GraphQL is served at /graphql', 'NOT_FOUND'));
    if (sse.accepts(req)) return sse.handle(req, res);

    const principal = auth.authenticate(req.headers.authorization);
    if (principal instanceof VidmeshError) return sendError(res, principal, { 'www-authenticate': 'Bearer' });

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST' && isMultipart(req.headers['content-type'])) {
      const multipart = await readMultipartRequest(req, res, config.server);
      if (!('body' in multipart)) return sendJson(res, multipart.status, errorBody(multipart.message, multipart.code));
      body = multipart.body;
    } else if (req.method === 'POST') {
      const text = await readBody(req, MAX_JSON_BODY);
      if (text === null) return sendJson(res, 413, errorBody(`request body over ${MAX_JSON_BODY} bytes`, 'BAD_USER_INPUT'));
      if ((headers.get('content-type') ?? '').startsWith('application/json')) {
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 400, errorBody('request body is not valid JSON', 'BAD_USER_INPUT'));
        }
      } else {
        body = text;
      }
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const execute = (one: unknown) =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: url.search, body: one },
        context: async () =>
          withHooks(new RequestContext(registry, principal, requestScope.getStore()?.requestId), {
            now,
            downloads: new DownloadLinks(downloads, requestOrigin(req, listening), principal.name),
            clientTokenEntropy: options.clientTokenEntropy,
          }),
      });
    if (Array.isArray(body)) {
      // a batch: each operation with its own context (loaders, partial errors), at most maxBatchedOperations
      const refused = checkBatch(body, limits);
      if (refused) return sendError(res, refused);
      const parts = await Promise.all(body.map(async (one) => completeBody(await execute(one))));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(`[${parts.join(',')}]`);
      return;
    }
    const response = await execute(body);
    const outHeaders: Record<string, string> = {};
    for (const [name, value] of response.headers) outHeaders[name] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const server: Server = createServer(
    front.listener((req, res) => {
      handle(req, res).catch((error: unknown) => {
        // the client went away before its body was read: no fault of ours, and its request line (status 0) says so
        if (req.readableAborted && res.destroyed) return;
        // no stack in logs either (DESIGN §6 masking); not under `err`, where pino's error serializer
        // would rename the type to "Object" and add an empty stack
        logger.error({ error: loggableError(error, secrets) }, 'unhandled error in request');
        if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
        else res.destroy();
      });
    }),
  );
  const ws = subscriptionsOverWebSocket(server, subscriptions);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? config.server.port, listen.host ?? config.server.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const shownHost = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host;
  listening = `http://${shownHost}:${address.port}`;
  return {
    url: `http://${shownHost}:${address.port}/graphql`,
    registry,
    live,
    async close() {
      // subscriptions end first (their clients see them complete): they would hold the drain to its timeout
      await live.close();
      await ws.close();
      const cut = await front.drain(server, config.server.shutdownTimeoutMs);
      await apollo.stop();
      await registry.close(cut > 0);
    },
  };
}
