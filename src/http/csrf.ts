import type { IncomingHttpHeaders } from 'node:http';
import type { Refusal } from './errors';

/**
 * CSRF prevention, Apollo Server's rule (its own check stays on behind this one), checked in the
 * front so the refusal says what to add: a request a browser could send cross-site without a CORS
 * preflight — no content type or a "simple" one (form, multipart, text) — must carry a header
 * only a preflighted request can have.
 */

/** Headers Apollo's CSRF prevention accepts as proof of a preflighted request. */
export const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'] as const;
/** Content types a cross-site form or `fetch` may send without a preflight (Fetch standard). */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const MEDIA_TYPE = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*(?:;|$)/;

export function hasPreflightHeader(headers: IncomingHttpHeaders): boolean {
  return PREFLIGHT_HEADERS.some((name) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0;
  });
}

/** The refusal for a request that could have been forged cross-site, or null. */
export function csrfRefusal(method: string, headers: IncomingHttpHeaders): Refusal | null {
  const contentType = headers['content-type'];
  let essence: string | undefined;
  if (contentType !== undefined) {
    const parsed = MEDIA_TYPE.exec(contentType);
    // like Apollo: an unparsable content type is not one a browser sends without a preflight
    if (parsed === null) return null;
    essence = parsed[1]!.toLowerCase();
    if (!SIMPLE_CONTENT_TYPES.has(essence)) return null;
  }
  if (hasPreflightHeader(headers)) return null;
  const add = 'the header `Apollo-Require-Preflight: true` (or a non-empty `X-Apollo-Operation-Name`)';
  const why = 'a page on another site could send this request without a CORS preflight (CSRF prevention)';
  const message =
    essence === 'multipart/form-data'
      ? `multipart uploads need ${add}: ${why}`
      : method === 'GET' || method === 'HEAD'
        ? `GET requests need ${add}, or send the operation as a POST with \`Content-Type: application/json\`: ${why}`
        : `send \`Content-Type: application/json\`${essence ? ` (not ${essence})` : ''}, or add ${add}: ${why}`;
  return { status: 400, code: 'BAD_USER_INPUT', message };
}
