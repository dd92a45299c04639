import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { VidmeshConfig } from '../config';
import { RequestContext, type Principal } from '../context';
import { VidmeshError } from '../errors';
import { withHooks, type GatewayHooks } from '../graph/common/hooks';
import type { AccountRegistry } from '../providers/accounts';
import type { ApiKeyAuthenticator } from '../security/auth';
import { BatchCost, joinBatch } from '../security/batch-cost';
import { fairShares } from '../security/fair-share';
import { startReadDeadline } from '../graph/common/deadline';
import { configureTicketShares } from '../uploads/ticket-shares';
import { sendBatch } from './batch';
import { readRequestBody } from './body';
import { csrfRefusal } from './csrf';
import { DownloadLinks, requestOrigin, type DownloadSigner } from './downloads';
import { errorSender, sendComplete, sendRefusal, type FormatError } from './errors';
import { cutOffAfterAnswer, isMultipart } from './multipart';
import { responseStatus } from './response-status';
import { scopeOf } from './request-log';
import { exactly, type Route } from './route';

export interface GraphqlRouteDeps {
  readonly config: VidmeshConfig;
  readonly apollo: ApolloServer<RequestContext>;
  readonly registry: AccountRegistry;
  readonly auth: ApiKeyAuthenticator;
  readonly formatError: FormatError;
  readonly downloads: DownloadSigner;
  readonly now: () => number;
  /** Tests only: fixed randomness for Ziggeo client auth tokens (the provider's own entropy type). */
  readonly clientTokenEntropy?: GatewayHooks['clientTokenEntropy'];
  /** The gateway's own origin, for links when a request's Host header is unusable. */
  readonly origin: () => string;
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function sendResponse(res: ServerResponse, request: HTTPGraphQLRequest, response: HTTPGraphQLResponse): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  if (response.body.kind === 'complete') return sendComplete(res, responseStatus(request, response), headers, response.body.string);
  res.writeHead(responseStatus(request, response), headers);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** POST/GET /graphql: authentication, CSRF prevention, the body (JSON, multipart or a batch), then Apollo. */
export function graphqlRoute(deps: GraphqlRouteDeps): Route {
  const sendError = errorSender(deps.formatError);
  // each key's share of this gateway (server.perKey): its requests and uploads here, its tickets in the mutations
  const shares = fairShares(deps.config.server.perKey);
  configureTicketShares(deps.registry, deps.config.server.perKey.maxOpenTickets);
  const execute = (
    req: IncomingMessage,
    url: URL,
    principal: Principal,
    body: unknown,
    batch?: { cost: BatchCost; index: number },
  ): Promise<[HTTPGraphQLRequest, HTTPGraphQLResponse]> => {
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: (req.method ?? 'GET').toUpperCase(), headers: headerMapOf(req), search: url.search, body };
    const context = async () => {
      const ctx = withHooks(new RequestContext(deps.registry, principal, scopeOf(req)), {
        now: deps.now,
        downloads: new DownloadLinks(deps.downloads, requestOrigin(req, deps.origin(), deps.config.server.publicUrl), principal.name),
        clientTokenEntropy: deps.clientTokenEntropy,
      });
      startReadDeadline(ctx, deps.config.server.readDeadlineMs);
      if (batch) joinBatch(ctx, batch.cost, batch.index);
      return ctx;
    };
    return deps.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context }).then((response) => [httpGraphQLRequest, response]);
  };

  return {
    name: '/graphql',
    matches: exactly('/graphql'),
    crossOrigin: true,
    async handle(req, res, url) {
      const principal = deps.auth.authenticate(req.headers.authorization);
      if (principal instanceof VidmeshError) return sendError(res, principal, { 'www-authenticate': 'Bearer' });
      const forged = csrfRefusal((req.method ?? 'GET').toUpperCase(), req.headers);
      if (forged) {
        // an upload's body is not read: dropped for a moment, then the connection is cut
        if (isMultipart(req.headers['content-type'])) cutOffAfterAnswer(req, res);
        return sendRefusal(res, forged);
      }
      const upload = isMultipart(req.headers['content-type']);
      const release = (upload ? shares.uploads : shares.requests).acquire(principal);
      if (release instanceof VidmeshError) {
        if (upload) cutOffAfterAnswer(req, res);
        return sendError(res, release, { 'retry-after': String(release.extensions.retryAfterSeconds) });
      }
      res.once('close', release);
      const read = await readRequestBody(req, res, deps.config.server);
      if (!('body' in read)) return sendRefusal(res, read);
      if (Array.isArray(read.body)) {
        // the batch's operations are costed together before any runs (security/batch-cost.ts)
        const cost = new BatchCost(read.body.length);
        const one = async (operation: unknown, index: number) => (await execute(req, url, principal, operation, { cost, index }).finally(() => cost.leave(index)))[1];
        return sendBatch(res, read.body, deps.config.server.limits, one, (error) => sendError(res, error));
      }
      const [request, response] = await execute(req, url, principal, read.body);
      await sendResponse(res, request, response);
    },
  };
}
