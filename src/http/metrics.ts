import { metricsText } from '../observability/metrics';
import type { ApiKeyAuthenticator } from '../security/auth';
import { errorBody, sendJson } from './errors';
import { scopeOf } from './request-log';
import { principalOf } from './principal';
import { exactly, type Route } from './route';

/** GET /metrics: Prometheus text. Metrics name every account: with API keys configured, a scraper sends one of them. */
export const metricsRoute = (auth: ApiKeyAuthenticator): Route => ({
  name: '/metrics',
  matches: exactly('/metrics'),
  async handle(req, res) {
    if (principalOf(auth, req) === null) {
      return sendJson(res, 401, errorBody('metrics need Authorization: Bearer <key>', 'UNAUTHENTICATED', scopeOf(res)), { 'www-authenticate': 'Bearer' });
    }
    const { contentType, body } = await metricsText();
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  },
});
