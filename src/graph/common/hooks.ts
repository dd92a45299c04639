import type { RequestContext } from '../../context';
import type { DownloadLinker } from '../../domain/download';

/**
 * What a request needs from the gateway beyond the context: its clock, the download links of its
 * origin and principal, and (tests only) fixed randomness for client auth tokens. Kept beside the
 * context rather than in it, under a symbol (Apollo shallow-copies the context per operation, own
 * enumerable properties included, so the hooks travel with every copy).
 */
export interface GatewayHooks {
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly downloads: DownloadLinker | null;
  /** Ziggeo's ClientAuthTokenEntropy (tests): opaque here, so the graph names no provider type. */
  readonly clientTokenEntropy?: () => object;
}

const DEFAULT_HOOKS: GatewayHooks = { now: Date.now, downloads: null };
const HOOKS = Symbol('vidmesh.gatewayHooks');
type Hooked = RequestContext & { [HOOKS]?: GatewayHooks };

export function withHooks(ctx: RequestContext, hooks: GatewayHooks): RequestContext {
  Object.defineProperty(ctx, HOOKS, { value: hooks, enumerable: true });
  return ctx;
}

export function hooksOf(ctx: RequestContext): GatewayHooks {
  return (ctx as Hooked)[HOOKS] ?? DEFAULT_HOOKS;
}
