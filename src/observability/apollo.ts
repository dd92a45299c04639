import type { BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { RequestScope } from './request-scope';

/**
 * Tells the request's scope (the context's) which operation ran and which error codes went out. Called as the
 * response is sent, after the partial-results errors are appended, so they are counted too.
 */
export function noteOperation<T extends BaseContext & { readonly scope?: RequestScope }>({
  response,
  operationName,
  operation,
  contextValue,
}: GraphQLRequestContextWillSendResponse<T>): void {
  const scope = contextValue.scope;
  if (!scope) return;
  scope.operation = operationName ?? operation?.operation ?? null;
  if (response.body.kind !== 'single') return;
  for (const error of response.body.singleResult.errors ?? []) {
    const code = error.extensions?.code;
    scope.errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
  }
}
