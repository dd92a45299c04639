import type { ApolloServerPlugin } from '@apollo/server';
import { requestScope } from './request-scope';

/**
 * Tells the request's scope which operation ran and which error codes went out. Listed after the
 * partial-results plugin, so the per-account errors it appends are counted too.
 */
export const operationScopePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, operationName, operation }) {
        const scope = requestScope.getStore();
        if (!scope) return;
        scope.operation = operationName ?? operation?.operation ?? null;
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          const code = error.extensions?.code;
          scope.errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
        }
      },
    };
  },
};
