import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VidmeshConfig } from '../config';
import { createErrorFormatter, loggableError } from '../errors/format';
import { silentLogger } from '../observability/logger';
import { recordCircuitState } from '../observability/metrics';
import { upstreamObserver } from '../observability/upstream';
import { AccountRegistry } from '../providers/accounts';
import { ApiKeyAuthenticator } from '../security/auth';
import { secretsOf } from '../security/secrets';
import { createQueryCache, createStateStore } from '../state';
import { createTokenSealer } from '../tokens';
import { configureUploads } from '../uploads/service';
import { startApollo } from './apollo';
import { corsHandler } from './cors';
import { DownloadSigner, isDownloadPath, serveDownload } from './downloads';
import { errorBody, sendJson } from './errors';
import { graphqlRoute } from './graphql';
import { livenessRoute, readinessRoute } from './health';
import { withIde } from './ide';
import { metricsRoute } from './metrics';
import type { GatewayOptions } from './options';
import { RequestFront } from './request-log';
import type { Route } from './route';
import { dispatch, routeLabel } from './router';

export type { GatewayOptions } from './options';

/** How long close() waits for cut uploads to clean up at their provider and store their end. */
const UPLOAD_SETTLE_MS = 5_000;

export interface Gateway {
  readonly url: string;
  readonly registry: AccountRegistry;
  /** Graceful: stops accepting, lets in-flight requests finish within `server.shutdownTimeoutMs`, then closes. */
  close(): Promise<void>;
}

/**
 * The gateway's HTTP front: one module per route or concern, composed here. A new route is one
 * file and one line in `routes`; `crossOrigin` routes get CORS (server.cors).
 */
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
  const auth = new ApiKeyAuthenticator(config.apiKeys);
  const secrets = secretsOf(config);
  const formatError = createErrorFormatter({ secrets, hideSuggestions: !config.server.introspection });
  // shared with the other replicas when state.redis is set: upload sessions, ticket markers, APQ
  const store = createStateStore(config.state, logger);
  const sealer = createTokenSealer({ keys: config.tokens?.keys, shared: store.kind === 'redis', logger, now: options.now });
  const uploads = configureUploads(registry, config.server, { store, sealer, logger, now: options.now });
  const downloads = new DownloadSigner(sealer);
  const apollo = await startApollo(config, formatError, { queryCache: createQueryCache(store, { logger }), logger });
  let origin = 'http://localhost';

  const routes: Route[] = [
    livenessRoute(),
    readinessRoute(registry, auth, () => front.isDraining),
    metricsRoute(auth),
    { name: '/downloads', matches: isDownloadPath, crossOrigin: true, handle: (req, res) => serveDownload(req, res, { signer: downloads, registry, config }) },
    ...withIde(config, graphqlRoute({ config, apollo, registry, auth, formatError, downloads, now: options.now ?? Date.now, clientTokenEntropy: options.clientTokenEntropy, origin: () => origin })),
  ];
  const front = new RequestFront(logger, routeLabel(routes));
  const handle = dispatch(routes, corsHandler(config.server.cors));

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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? config.server.port, listen.host ?? config.server.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const shownHost = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host;
  origin = `http://${shownHost}:${address.port}`;
  let closing: Promise<void> | undefined;
  const shutDown = async (): Promise<void> => {
    uploads.sessions.beginShutdown();
    const cut = await front.drain(server, config.server.shutdownTimeoutMs);
    // uploads the drain cut: their provider sessions deleted and FAILED stored while pools and store are open
    await uploads.sessions.settle(UPLOAD_SETTLE_MS);
    await apollo.stop();
    await registry.close(cut > 0);
    await uploads.sessions.settle(UPLOAD_SETTLE_MS / 5);
    uploads.sessions.stop();
    await store.close();
  };
  return {
    url: `${origin}/graphql`,
    registry,
    // once: a second call (a test's cleanup, a second signal) waits for the first
    close: () => (closing ??= shutDown()),
  };
}
