import { randomUUID } from 'node:crypto';
import type { RequestScope } from '../domain/request-scope';

export type { RequestScope } from '../domain/request-scope';

/** The reason a request's signal aborts with: the client left, which says nothing about any provider. */
export class ClientGone extends Error {
  override readonly name = 'ClientGone';
  readonly code = 'CLIENT_GONE';
  constructor() {
    super('the client closed the connection before its response was complete');
  }
}

const CLIENT_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** The client's `x-request-id` when it is a plain token of at most 128 characters; a new UUID otherwise. */
export function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && CLIENT_ID.test(given) ? given : randomUUID();
}

/** Notes an error code sent outside GraphQL execution (401, 413, …) for the request's log line and metrics. */
export function noteErrorCode(scope: RequestScope | undefined, code: string): void {
  scope?.errorCodes.push(code);
}
