import type { RequestContext } from './context';
import type { ClientAuthTokenEntropy } from './datasources/ziggeo';
import type { DownloadLinks } from './downloads';

/**
 * What a request needs from the gateway beyond the context: its clock, the download links of its
 * origin and principal, and (tests only) fixed randomness for client auth tokens. Kept beside the
 * context rather than in it, keyed by the context object.
 */
export interface GatewayHooks {
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly downloads: DownloadLinks | null;
  readonly clientTokenEntropy?: () => ClientAuthTokenEntropy;
}

const DEFAULT_HOOKS: GatewayHooks = { now: Date.now, downloads: null };
const byRequest = new WeakMap<RequestContext, GatewayHooks>();

export function withHooks(ctx: RequestContext, hooks: GatewayHooks): RequestContext {
  byRequest.set(ctx, hooks);
  return ctx;
}

export function hooksOf(ctx: RequestContext): GatewayHooks {
  return byRequest.get(ctx) ?? DEFAULT_HOOKS;
}
