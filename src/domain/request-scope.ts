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
