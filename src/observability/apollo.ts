import type { BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { requestScope } from './request-scope';

/**
 * Tells the request's scope which operation ran and which error codes went out. Called as the
 * response is sent, after the partial-results errors are appended, so they are counted too.
 */
export function noteOperation<T extends BaseContext>({ response, operationName, operation }: GraphQLRequestContextWillSendResponse<T>): void {
  const scope = requestScope.getStore();
  if (!scope) return;
  scope.operation = operationName ?? operation?.operation ?? null;
  if (response.body.kind !== 'single') return;
  for (const error of response.body.singleResult.errors ?? []) {
    const code = error.extensions?.code;
    scope.errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
  }
}
