import type { Handler, RouteContext } from './context';
import { empty, HttpError, json } from './http';
import { renderAuthToken } from './render';
import type { StoredAuthToken } from './store';
import { WEBHOOK_ENCODINGS } from './webhooks';

/** Auth tokens (ziggeo spec §5.3) and the 2.30-only calls the vectors exercise (spec §5.4). */

function tokenOf(ctx: RouteContext): StoredAuthToken {
  const token = ctx.app.authTokens.get(ctx.params.token!);
  if (!token) throw new HttpError(404, 'Not Found');
  return token;
}

/** `grants` arrives as JSON text; non-JSON (the SDK's dict repr, spec §3.3) is kept as sent [INFER]. */
function parseGrants(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** All fields checked before any change. */
function tokenPatch(ctx: RouteContext): (token: StoredAuthToken) => void {
  const volatile = ctx.args.bool('volatile');
  const hidden = ctx.args.bool('hidden');
  const expirationDate = ctx.args.int('expiration_date');
  const usage = ctx.args.int('usage_expiration_time') ?? ctx.args.int('usage_experitation_time');
  const sessionLimit = ctx.args.int('session_limit');
  const grantsText = ctx.args.text('grants');
  const grants = grantsText === undefined ? undefined : grantsText === 'None' ? null : parseGrants(grantsText);
  return (token) => {
    if (volatile !== undefined) token.volatile = volatile;
    if (hidden !== undefined) token.hidden = hidden;
    if (expirationDate !== undefined) token.expirationDate = expirationDate;
    if (usage !== undefined) token.usageExpirationTime = usage;
    if (sessionLimit !== undefined) token.sessionLimit = sessionLimit;
    if (grants !== undefined) token.grants = grants;
  };
}

export const otherRoutes: [string, Handler][] = [
  [
    'POST /v1/authtokens',
    (ctx) => {
      const patch = tokenPatch(ctx);
      const token: StoredAuthToken = {
        token: ctx.store.newToken(),
        volatile: false,
        hidden: false,
        expirationDate: null,
        usageExpirationTime: null,
        sessionLimit: null,
        grants: null,
        created: ctx.now,
      };
      patch(token);
      ctx.app.authTokens.set(token.token, token);
      return json(renderAuthToken(token));
    },
  ],
  ['GET /v1/authtokens/:token', (ctx) => json(renderAuthToken(tokenOf(ctx)))],
  [
    'POST /v1/authtokens/:token',
    (ctx) => {
      const token = tokenOf(ctx);
      tokenPatch(ctx)(token);
      return json(renderAuthToken(token));
    },
  ],
  [
    'DELETE /v1/authtokens/:token',
    (ctx) => {
      ctx.app.authTokens.delete(tokenOf(ctx).token);
      return empty();
    },
  ],
  // 2.30 extras: shapes unconfirmed (spec §12.5), answered plausibly [INFER]
  [
    'GET /server/v1/application/stats',
    (ctx) => {
      const period = ctx.args.text('period') ?? 'month';
      if (period !== 'month' && period !== 'year') throw new HttpError(400, 'period must be month or year');
      return json({ period, videos: ctx.app.videos.size, auth_tokens: ctx.app.authTokens.size });
    },
  ],
  ['POST /v1/analytics/get', (ctx) => (ctx.args.required('query'), json([]))],
  // webhooks (spec §5.4): the validation code goes to `target_url` (webhooks.ts), events only once confirmed with it [INFER]
  [
    'POST /v1/api/hook',
    (ctx) => {
      const targetUrl = ctx.args.required('target_url');
      if (!/^https?:\/\/[^/\s]+/i.test(targetUrl)) throw new HttpError(400, 'target_url must be an http(s) URL');
      const encoding = ctx.args.text('encoding') || 'json';
      if (!WEBHOOK_ENCODINGS.includes(encoding)) throw new HttpError(400, `encoding must be one of ${WEBHOOK_ENCODINGS.join(', ')}`);
      const events = (ctx.args.text('events') ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      const id = ctx.store.newToken();
      ctx.app.webhooks.set(id, { id, targetUrl, encoding, events, validationCode: ctx.store.newToken(), validationSent: false, confirmed: false });
      return json({ webhook_id: id });
    },
  ],
  [
    'POST /v1/api/confirmhook',
    (ctx) => {
      const hook = ctx.app.webhooks.get(ctx.args.required('webhook_id'));
      if (!hook) throw new HttpError(404, 'Not Found');
      if (ctx.args.required('validation_code') !== hook.validationCode) throw new HttpError(400, 'validation_code does not match');
      hook.confirmed = true;
      return json({});
    },
  ],
  [
    'POST /v1/api/removehook',
    (ctx) => {
      ctx.app.webhooks.delete(ctx.args.text('webhook_id') ?? '');
      return json({});
    },
  ],
];
