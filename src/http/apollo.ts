import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { VidmeshConfig } from '../config';
import type { QueryCache } from '../state';
import type { Logger } from '../observability/logger';
import type { RequestContext } from '../context';
import { vidmeshSchema } from '../graph/build';
import { subscriptionsOverHttpPlugin } from './subscription-operation';
import { vidmeshSubgraphSchema } from '../graph/federation/schema';
import { noteOperation } from '../observability/apollo';
import { costVerdict, batchSlotOf } from '../security/batch-cost';
import { complexityPlugin } from '../security/complexity';
import { costBudget } from '../security/cost-budget';
import type { VidmeshError } from '../errors';
import { noteErrorsOfRequest } from '../errors/format';
import { fieldMemoPlugin, withFieldMemo } from '../graph/common/field-memo';
import type { StateStore } from '../state';
import { filePlacementPlugin } from '../security/file-placement';
import { inputSizePlugin } from '../security/input-size';
import { noIntrospectionRule, queryShapeRule } from '../security/query-rules';
import type { IdempotencyLedger } from '../state/idempotency';
import type { FormatError } from './errors';
import { idempotencyPlugin } from './idempotency';
import { markRequestError } from './response-status';

/**
 * What every answer gets before it goes out, in one listener (each listener costs Apollo promises at
 * every stage of every request, hook or not): one account's failure beside the other accounts' data
 * (DESIGN §5 partial results), then the operation and error codes for the request's log line (the
 * appended errors counted too), then the request-error mark the front's status follows.
 */
const answerPlugin = (formatError: FormatError): ApolloServerPlugin<RequestContext> => {
  const listener: GraphQLRequestListener<RequestContext> = {
    // Apollo formats these next, without their context: a masked one's log line still names the request
    async didEncounterErrors({ errors, contextValue }) {
      const requestId = contextValue.scope?.requestId;
      if (requestId !== undefined) noteErrorsOfRequest(errors, requestId);
    },
    async willSendResponse(requestContext) {
      const { response, contextValue } = requestContext;
      if (response.body.kind === 'single' && contextValue.partialErrors.length > 0) {
        const extra = contextValue.partialErrors.map((e) => formatError(e.toJSON(), e, contextValue.scope?.requestId));
        response.body.singleResult.errors = [...(response.body.singleResult.errors ?? []), ...extra];
      }
      noteOperation(requestContext);
      markRequestError(requestContext);
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
};

/** The schema the gateway serves: standalone, or the Federation 2 subgraph (`server.federation`); built once per process. */
export async function gatewaySchema(config: VidmeshConfig): Promise<GraphQLSchema> {
  // repeated aliases of one field resolve once per request (field-memo.ts)
  return withFieldMemo(await (config.server.federation ? vidmeshSubgraphSchema() : vidmeshSchema()));
}

/**
 * What an operation may spend, before it executes: a single operation is charged to its key's
 * budget; an operation of a batch waits for the batch's others, and the batch is checked and
 * charged once, as a whole (batch-cost.ts).
 */
function spending(limits: VidmeshConfig['server']['limits'], state: StateStore | undefined): (cost: number, context: RequestContext) => Promise<void> {
  const verdict = costVerdict(limits, costBudget(limits, state));
  return async (cost, context) => {
    const key = context.principal.name;
    const slot = batchSlotOf(context);
    let refused: VidmeshError | null;
    if (slot === undefined) refused = await verdict(cost, key, false);
    else {
      const total = await slot.batch.arrive(slot.index, cost);
      refused = await slot.batch.judge(() => verdict(total, key, true));
    }
    if (refused) throw refused;
  };
}

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
  /** Results of mutations sent with an Idempotency-Key. */
  readonly idempotency: IdempotencyLedger;
  /** Per-key cost budgets shared across replicas (state.redis); this process's when absent. */
  readonly state?: StateStore;
}

export async function startApollo(config: VidmeshConfig, formatError: FormatError, setup: ApolloSetup): Promise<ApolloServer<RequestContext>> {
  const { queryCache, logger, idempotency, state } = setup;
  const limits = config.server.limits;
  const apollo = new ApolloServer<RequestContext>({
    schema: await gatewaySchema(config),
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
      // a subscription over POST is a client mistake naming the endpoints, not an internal error
      subscriptionsOverHttpPlugin(),
      // partial results, the log line's operation and codes, request-error statuses
      answerPlugin(formatError),
      // after answerPlugin: the result it stores for an Idempotency-Key is the one sent
      idempotencyPlugin(idempotency, formatError),
      inputSizePlugin(limits),
      // a file mapped onto a String variable: what is wrong, not the multipart reader's object
      filePlacementPlugin(),
      complexityPlugin(limits, spending(limits, state)),
      fieldMemoPlugin(),
    ],
    // the gateway drains itself on SIGTERM/SIGINT (main.ts); Apollo's own handlers would re-raise the signal
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  return apollo;
}
