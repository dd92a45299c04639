import type { AccountRegistry } from '../providers/accounts';
import type { ApiKeyAuthenticator } from '../security/auth';
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
 * GET /readyz: ready while not draining and while some account's circuit lets calls through. Each
 * account's circuit is listed for whoever may see the account (with API keys: only a key's own accounts).
 */
export const readinessRoute = (registry: AccountRegistry, auth: ApiKeyAuthenticator, isDraining: () => boolean): Route => ({
  name: '/readyz',
  matches: exactly('/readyz'),
  handle(req, res) {
    const draining = isDraining();
    const principal = principalOf(auth, req);
    const circuits = registry.circuits();
    const ready = !draining && circuits.some((a) => a.circuit !== 'open');
    const accounts = principal === null ? [] : circuits.filter((a) => principal.accounts === null || principal.accounts.has(a.account));
    sendJson(res, ready ? 200 : 503, { status: draining ? 'draining' : ready ? 'ready' : 'unavailable', accounts });
  },
});
