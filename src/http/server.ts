import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VidmeshConfig } from '../config';
import { createErrorFormatter, loggableError } from '../errors/format';
import { silentLogger } from '../observability/logger';
import { recordCircuitState } from '../observability/metrics';
import { upstreamObserver } from '../observability/upstream';
import { LiveEvents } from '../graph/events/live';
import { MemoryEventBus } from '../events/memory-bus';
import { SharedEventBus } from '../events/shared-bus';
import type { EventBus } from '../events/types';
import type { Logger } from '../observability/logger';
import { AccountRegistry } from '../providers/accounts';
import { notificationParsers } from '../providers';
import { ApiKeyAuthenticator } from '../security/auth';
import { secretsOf } from '../security/secrets';
import { createQueryCache, createStateStore, type StateStore } from '../state';
import { BreakerSync } from '../state/breaker-sync';
import { IdempotencyLedger } from '../state/idempotency';
import { LeftoverQueue } from '../state/leftovers';
import { createTokenSealer } from '../tokens';
import { DEFAULT_UPLOAD_DEADLINE_MS } from '../upstream';
import { sweepSpoolDirs } from '../uploads/spool';
import { configureUploads } from '../uploads/service';
import { gatewaySchema, startApollo } from './apollo';
import { corsHandler } from './cors';
import { DownloadLinks, DownloadSigner, isDownloadPath, requestOrigin, serveDownload } from './downloads';
import { errorBody, sendJson } from './errors';
import { graphqlRoute } from './graphql';
import { livenessRoute, readinessRoute } from './health';
import { withIde } from './ide';
import { metricsRoute } from './metrics';
import { notificationsRoute } from './notifications';
import type { GatewayOptions } from './options';
import { subscriptionsOverSse, withSse } from './subscriptions-sse';
import { subscriptionsOverWebSocket, type SubscriptionServerOptions } from './subscriptions-ws';
import { guardReceipt, serverTimeouts } from './receive-timeouts';
import { RequestFront, scopeOf } from './request-log';
import type { Route } from './route';
import { dispatch, routeLabel } from './router';

export type { GatewayOptions } from './options';

/** How long close() waits for cut uploads to clean up at their provider and store their end. */
const UPLOAD_SETTLE_MS = 5_000;

export interface Gateway {
  readonly url: string;
  readonly registry: AccountRegistry;
  /** Subscriptions: their bus, open subscribers, pollers and the per-account notifications flag (`pollers.setNotified`). */
  readonly live: LiveEvents;
  /** The shared state: Redis with `state.redis`, else this process's memory. */
  readonly state: StateStore;
  /**
   * Graceful: with `drainDelayMs` (SIGTERM passes `server.drainDelayMs`), first reports not ready
   * that long while still serving; then stops accepting, lets in-flight requests finish within
   * `server.shutdownTimeoutMs`, and closes.
   */
  close(options?: { drainDelayMs?: number }): Promise<void>;
}

/** Events cross replicas through the shared store when there is one (`state.redis`); in process otherwise. */
async function eventBusFor(state: StateStore, logger: Logger): Promise<EventBus> {
  if (state.kind === 'memory') return new MemoryEventBus();
  const bus = new SharedEventBus(state, logger);
  await bus.start();
  return bus;
}

/**
 * The gateway's HTTP front: one module per route or concern, composed here. A new route is one
 * file and one line in `routes`; `crossOrigin` routes get CORS (server.cors).
 */
export async function startGateway(config: VidmeshConfig, listen: { port?: number; host?: string } = {}, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? silentLogger;
  const state = createStateStore(config.state, logger);
  const registry = new AccountRegistry(config.accounts, {
    upstream: config.upstream,
    observer: upstreamObserver(logger),
    onCircuitChange: (account, circuit) => {
      recordCircuitState(account.id, account.provider, circuit);
      const from = breakers.applyingRemote ? { from: 'another replica' } : {};
      logger.warn({ account: account.id, provider: account.provider, circuit, ...from }, 'circuit state changed');
      breakers.changed(account.id, circuit);
    },
    // a cleanup the provider did not take (down, or cut by a shutdown) is sent again later, by any replica
    onLeftover: (account, call) => void leftovers.add(account.id, call),
  });
  const leftovers = new LeftoverQueue(state, {
    send: async (leftover) => {
      const status = await registry.resendCleanup(leftover.account, leftover);
      // gone (404/410) or refused for good (another 4xx): nothing more to do; no account any more: neither
      return status === undefined || (status < 500 && status !== 408 && status !== 429) ? 'done' : 'retry';
    },
    ready: (account) => registry.breakers.get(account)?.state !== 'open',
    intervalMs: options.leftoverIntervalMs,
    logger,
  });
  // spools a former process left (a crash, a kill) go before this one makes its own
  const sweptSpools = await sweepSpoolDirs({ maxAgeMs: DEFAULT_UPLOAD_DEADLINE_MS });
  if (sweptSpools.length > 0) logger.info({ removed: sweptSpools.length }, 'stale upload spool directories removed');
  // every replica's circuits open and close together (a no-op in memory mode)
  const breakers = new BreakerSync(state, registry.breakers, { logger });
  await breakers.start();
  leftovers.start();
  for (const { account, provider, circuit } of registry.circuits()) recordCircuitState(account, provider, circuit);
  const auth = new ApiKeyAuthenticator(config.apiKeys);
  const secrets = secretsOf(config);
  const formatError = createErrorFormatter({ secrets, hideSuggestions: !config.server.introspection, logger });
  // shared with the other replicas when state.redis is set: upload sessions, ticket markers, APQ, idempotency, breakers, events
  const sealer = createTokenSealer({ keys: config.tokens?.keys, shared: state.kind === 'redis', logger, now: options.now });
  const uploads = configureUploads(registry, config.server, { store: state, sealer, logger, now: options.now });
  const downloads = new DownloadSigner(sealer);
  const apollo = await startApollo(config, formatError, {
    queryCache: createQueryCache(state, { logger }),
    logger,
    idempotency: new IdempotencyLedger(state, options.idempotency),
    state,
  });
  let origin = 'http://localhost';
  const events = options.events ?? (await eventBusFor(state, logger));
  const now = options.now ?? Date.now;
  const live = new LiveEvents({ sourceOf: (id) => registry.byId.get(id), bus: events, limits: config.server.subscriptions, logger, now });
  const subscriptions: SubscriptionServerOptions = {
    schema: await gatewaySchema(config),
    live,
    registry,
    auth,
    formatError,
    rules: { limits: config.server.limits, introspection: config.server.introspection },
    hooks: (req, principal) => ({
      now,
      downloads: new DownloadLinks(downloads, requestOrigin(req, origin, config.server.publicUrl), principal.name),
      clientTokenEntropy: options.clientTokenEntropy,
    }),
  };

  const routes: Route[] = [
    livenessRoute(),
    readinessRoute(registry, auth, () => front.isDraining, state),
    metricsRoute(auth),
    { name: '/downloads', matches: isDownloadPath, crossOrigin: true, handle: (req, res) => serveDownload(req, res, { signer: downloads, registry, config }) },
    notificationsRoute({ config, registry, events, parsers: notificationParsers(), logger, origin: () => origin, onConfigured: (id) => live.pollers.setNotified(id, true) }),
    ...withIde(
      config,
      withSse(
        subscriptionsOverSse(subscriptions),
        graphqlRoute({ config, apollo, registry, auth, formatError, downloads, now, clientTokenEntropy: options.clientTokenEntropy, origin: () => origin }),
      ),
    ),
  ];
  const front = new RequestFront(logger, routeLabel(routes));
  const handle = dispatch(routes, corsHandler(config.server.cors));

  const server: Server = createServer(
    serverTimeouts(config.server),
    front.listener(
      guardReceipt(config.server, (req, res) => {
        handle(req, res).catch((error: unknown) => {
          // the client went away before its body was read: no fault of ours, and its request line (status 0) says so
          if (req.readableAborted && res.destroyed) return;
          // no stack in logs either (DESIGN §6 masking); not under `err`, where pino's error serializer
          // would rename the type to "Object" and add an empty stack
          logger.error({ error: loggableError(error, secrets) }, 'unhandled error in request');
          if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR', scopeOf(res)));
          else res.destroy();
        });
      }),
    ),
  );
  const ws = subscriptionsOverWebSocket(server, subscriptions);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? config.server.port, listen.host ?? config.server.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const shownHost = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host;
  origin = `http://${shownHost}:${address.port}`;
  let closing: Promise<void> | undefined;
  const shutDown = async ({ drainDelayMs = 0 }: { drainDelayMs?: number } = {}): Promise<void> => {
    front.announceDrain();
    if (drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, drainDelayMs));
    uploads.sessions.beginShutdown();
    // subscriptions end first (their clients see them complete): they would hold the drain to its timeout
    await live.close();
    await ws.close();
    if (options.events === undefined) await events.close();
    const cut = await front.drain(server, config.server.shutdownTimeoutMs);
    // uploads the drain cut: their provider sessions deleted and FAILED stored while pools and store are open
    await uploads.sessions.settle(UPLOAD_SETTLE_MS);
    await apollo.stop();
    await registry.close(cut > 0);
    await uploads.sessions.settle(UPLOAD_SETTLE_MS / 5);
    uploads.sessions.stop();
    // what the providers did not take is queued (in Redis, for the next replica) before the store closes
    await leftovers.stop();
    await breakers.stop();
    await state.close();
  };
  return {
    url: `${origin}/graphql`,
    registry,
    live,
    state,
    // once: a second call (a test's cleanup, a second signal) waits for the first
    close: (closeOptions) => (closing ??= shutDown(closeOptions)),
  };
}
