import type { RequestScope } from '../observability/request-scope';

/**
 * The call, cut when the client it is made for goes away (the scope's signal, handed down with the
 * call). Only calls that change nothing follow the client: a write already sent may take effect
 * anyway, and cutting it would only lose the answer the gateway needs to finish or undo it (an upload
 * session's DELETE runs after its client left). The abort's reason is a ClientGone, which the breaker
 * does not count against the provider.
 */
export function followingClient<R extends { readonly signal?: AbortSignal; readonly idempotent?: boolean }>(request: R, scope: RequestScope | undefined): R {
  const client = scope?.signal;
  if (!client || !request.idempotent) return request;
  return { ...request, signal: request.signal ? AbortSignal.any([request.signal, client]) : client };
}
