import { randomUUID } from 'node:crypto';

/**
 * One gateway request as its log line will tell it. The HTTP layer makes it and hands it down
 * explicitly (the request context, the per-request datasource views the upstream calls go through);
 * it writes the line when the response is done. No async context: an AsyncLocalStorage would turn on
 * Node's promise hooks for every promise of the process.
 */
export interface RequestScope {
  readonly requestId: string;
  operation: string | null;
  /** `extensions.code` of every error sent, in order. */
  readonly errorCodes: string[];
  upstreamCalls: number;
  /**
   * Aborted (with a ClientGone reason) when the client goes away before its response is complete:
   * the upstream client cuts the calls made for it (src/upstream/client-abort.ts). Absent outside HTTP requests.
   */
  readonly signal?: AbortSignal;
}

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
