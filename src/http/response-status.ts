import type { BaseContext, GraphQLRequestContextWillSendResponse, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';

/**
 * GraphQL over HTTP, "application/json" responses: a well-formed request answers 200 even when the
 * document fails to parse or validate (our query limits included) or its variables do not coerce;
 * only `application/graphql-response+json` signals those with 400 (graphql-http audits 572B, FDE2,
 * 7B9B). Apollo answers 400 for both; this plugin marks such answers and the front picks the status
 * from the media type Apollo negotiated. A request without Accept keeps 400: the spec treats it as
 * graphql-response+json since its 2025 watershed.
 */

/** Requests answered with a GraphQL request error: nothing executed, no `data`. */
const requestErrors = new WeakSet<HTTPGraphQLRequest>();

/** Requests refused for their transport (a subscription over plain HTTP): no document error, so 400 whatever the media type. */
const wrongTransport = new WeakSet<HTTPGraphQLRequest>();

export function markWrongTransport(request: HTTPGraphQLRequest | undefined): void {
  if (request !== undefined) wrongTransport.add(request);
}

/** Marks an answer that is a GraphQL request error (called as the response is sent). */
export function markRequestError<T extends BaseContext>({ request, response, errors }: GraphQLRequestContextWillSendResponse<T>): void {
  if (
    request.http === undefined ||
    wrongTransport.has(request.http) ||
    response.http.status !== 400 ||
    response.body.kind !== 'single' ||
    response.body.singleResult.data !== undefined
  )
    return;
  // a malformed request (no query, a number for a query) is not a well-formed one: it keeps 400
  if (errors?.length && errors.every((e) => e.extensions.code !== ApolloServerErrorCode.BAD_REQUEST)) requestErrors.add(request.http);
}

const PLAIN_JSON = /^application\/json\s*(?:;|$)/i;

export function responseStatus(request: HTTPGraphQLRequest, response: HTTPGraphQLResponse): number {
  const status = response.status ?? 200;
  if (status !== 400 || !requestErrors.has(request) || !request.headers.get('accept')) return status;
  return PLAIN_JSON.test(response.headers.get('content-type') ?? '') ? 200 : status;
}
