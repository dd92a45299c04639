import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { VidmeshConfig } from '../config';
import type { QueryCache } from '../state';
import type { Logger } from '../observability/logger';
import type { RequestContext } from '../context';
import { vidmeshSchema } from '../graph/build';
import { vidmeshSubgraphSchema } from '../graph/federation/schema';
import { operationScopePlugin } from '../observability/apollo';
import { complexityPlugin } from '../security/complexity';
import { inputSizePlugin } from '../security/input-size';
import { noIntrospectionRule, queryShapeRule } from '../security/query-rules';
import type { FormatError } from './errors';
import { requestErrorPlugin } from './response-status';

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

/** Apollo Server 5 over the gateway's schema, with its limits, masking and plugins; started. */
type ApolloLogger = NonNullable<ApolloServerOptions<RequestContext>['logger']>;

/** Apollo's own log lines (a failed APQ registration during a state outage) in ours: the message, never a stack. */
function apolloLogger(logger: Logger): ApolloLogger {
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return {
    debug: (...args) => logger.debug({ component: 'apollo' }, text(args)),
    info: (...args) => logger.info({ component: 'apollo' }, text(args)),
    warn: (...args) => logger.warn({ component: 'apollo' }, text(args)),
    error: (...args) => logger.error({ component: 'apollo' }, text(args)),
  };
}

export interface ApolloSetup {
  /** APQ `persistedQueries.cache`; Apollo's own in-process LRU when absent. */
  readonly queryCache?: QueryCache;
  /** Where Apollo's own log lines go; Apollo's console logger when absent. */
  readonly logger?: Logger;
}

export async function startApollo(config: VidmeshConfig, formatError: FormatError, setup: ApolloSetup = {}): Promise<ApolloServer<RequestContext>> {
  const { queryCache, logger } = setup;
  const limits = config.server.limits;
  const apollo = new ApolloServer<RequestContext>({
    schema: await (config.server.federation ? vidmeshSubgraphSchema() : vidmeshSchema()),
    // refused by our own rule when off, with a message that names the config key
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // APQ: a hash registered on one replica is found on the others (state.redis); Apollo's own LRU otherwise
    ...(queryCache && { persistedQueries: { cache: queryCache } }),
    ...(logger && { logger: apolloLogger(logger) }),
    formatError,
    validationRules: [queryShapeRule(limits), ...(config.server.introspection ? [] : [noIntrospectionRule])],
    // no HTTP caching of GraphQL answers here; Apollo's default cache-control plugin would instrument
    // every field resolver for nothing (about 0.8 ms CPU per dashboard list page, npm run bench)
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      // browsers get GraphiQL from the gateway's own files (http/ide.ts); Apollo's page loads from its CDN
      ApolloServerPluginLandingPageDisabled(),
      partialResults(formatError),
      operationScopePlugin,
      inputSizePlugin(limits),
      complexityPlugin(limits),
      requestErrorPlugin(),
    ],
    // the gateway drains itself on SIGTERM/SIGINT (main.ts); Apollo's own handlers would re-raise the signal
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  return apollo;
}
