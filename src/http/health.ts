import type { AccountRegistry } from '../providers/accounts';
import type { ApiKeyAuthenticator } from '../security/auth';
import type { StateStore } from '../state';
import { sendJson } from './errors';
import { principalOf } from './principal';
import { exactly, type Route } from './route';

/** GET /healthz: 200 while the process runs. */
export const livenessRoute = (): Route => ({
  name: '/healthz',
  matches: exactly('/healthz'),
  handle: (_req, res) => sendJson(res, 200, { status: 'ok' }),
});

/**
 * GET /readyz: whether the balancer should send this replica requests. Not ready while draining
 * (a shutdown has begun) or, with shared state (`state.redis`), while the store does not answer:
 * uploads, tickets and links of other replicas need it, and a replica deployed with a wrong
 * `state.redis` never takes traffic. Circuits are listed but do not decide: an open circuit is the
 * provider's outage, the same on every replica, and most requests need no provider or another one
 * (README "Running several replicas"). Each account's circuit is listed for whoever may see the
 * account (with API keys: only a key's own accounts); the reason names no host.
 */
export const readinessRoute = (registry: AccountRegistry, auth: ApiKeyAuthenticator, isDraining: () => boolean, state?: StateStore): Route => ({
  name: '/readyz',
  matches: exactly('/readyz'),
  async handle(req, res) {
    const store = state?.kind === 'redis' ? await state.health() : undefined;
    const draining = isDraining();
    const reason = draining ? 'draining' : store && !store.ok ? 'state store unavailable' : undefined;
    const principal = principalOf(auth, req);
    const accounts = principal === null ? [] : registry.circuits().filter((a) => principal.accounts === null || principal.accounts.has(a.account));
    const status = draining ? 'draining' : reason ? 'unavailable' : 'ready';
    const shared = store && { state: { kind: store.kind, ok: store.ok } };
    sendJson(res, reason ? 503 : 200, { status, ...(reason && { reason }), ...shared, accounts });
  },
});
