import type { IncomingMessage, ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import cors, { type CorsOptions } from 'cors';
import { DEFAULT_CORS, type CorsConfig } from '../config/schema';

/**
 * CORS for the routes browser apps call (README "Browser apps / CORS"), with the `cors` package:
 * the Express world's maintained implementation (preflight, Vary, credentials, max-age), which
 * works on plain node:http. Answers preflights itself, so they never reach the CSRF rule.
 */

/** Request headers a GraphQL client needs; always allowed when `allowedHeaders` is configured. */
const GATEWAY_REQUEST_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'idempotency-key'];
/** Response headers a client reads: downloads' ranges and length, rate limiting, request ids, auth challenges. */
const GATEWAY_EXPOSED_HEADERS = [
  'x-request-id',
  'content-length',
  'content-range',
  'accept-ranges',
  'content-disposition',
  'etag',
  'last-modified',
  'retry-after',
  'www-authenticate',
  'idempotent-replayed',
];

const REGEX_FORM = /^\/(.+)\/([imsu]*)$/;

/** `https://*.example.com`: `*` is one or more host labels; a trailing `:*` any port, or none. */
function wildcardOrigin(pattern: string): RegExp {
  const anyPort = pattern.endsWith(':*');
  const body = anyPort ? pattern.slice(0, -2) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*');
  return new RegExp(`^${source}${anyPort ? '(?::\\d{1,5})?' : ''}$`, 'i');
}

/** One configured origin as the `cors` package takes it: an exact string or a RegExp. */
export function originMatcher(entry: string): string | RegExp {
  const regex = REGEX_FORM.exec(entry);
  if (regex !== null) return new RegExp(regex[1]!, regex[2]);
  return entry.includes('*') ? wildcardOrigin(entry) : entry.toLowerCase();
}

export function corsOptions(config: Exclude<CorsConfig, false | undefined>): CorsOptions {
  const union = (mine: readonly string[], theirs: readonly string[] = []) => [...new Set([...mine, ...theirs.map((h) => h.toLowerCase())])];
  return {
    origin: config.origins.includes('*') ? '*' : config.origins.map(originMatcher),
    credentials: config.credentials,
    maxAge: config.maxAge,
    methods: ['GET', 'HEAD', 'POST'],
    exposedHeaders: union(GATEWAY_EXPOSED_HEADERS, config.exposedHeaders),
    // absent: the package reflects what the preflight asks for (clients add tracing headers of their own)
    ...(config.allowedHeaders && { allowedHeaders: union(GATEWAY_REQUEST_HEADERS, config.allowedHeaders) }),
  };
}

/** Sets the CORS headers; answers true when it answered the request itself (a preflight). */
export type CorsHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export function corsHandler(config: CorsConfig = DEFAULT_CORS): CorsHandler | null {
  if (config === false) return null;
  const middleware = cors(corsOptions(config));
  return (req, res) =>
    new Promise<boolean>((resolve, reject) => {
      middleware(req, res, (error?: unknown) => (error ? reject(error instanceof Error ? error : new Error(inspect(error))) : resolve(false)));
      // a preflight is answered (204) without calling next
      if (res.writableEnded) resolve(true);
    });
}
