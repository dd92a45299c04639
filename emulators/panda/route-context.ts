import { ApiError, badRequest } from './errors';
import type { EmulatorDialect } from './dialect';
import type { RequestParams } from './params';
import type { CloudState } from './records';
import type { PandaStore } from './store';
import type { UploadSessions } from './upload';
import type { Principal } from './verify';

/** One authenticated API request below `/v2`, its path as segments without `.json`. */
export interface RouteContext {
  readonly store: PandaStore;
  readonly uploads: UploadSessions;
  readonly principal: Principal;
  readonly method: string;
  readonly segments: readonly string[];
  readonly params: RequestParams;
  readonly now: number;
  /** Where this server is reachable for the client (`http://` + Host header), for upload locations. */
  readonly origin: string;
  readonly maxFileSize: number | null;
  readonly dialect: EmulatorDialect;
}

/** An answer: JSON body and status. */
export interface ApiReply {
  readonly status: number;
  readonly body: unknown;
}

export const ok = (body: unknown, status = 200): ApiReply => ({ status, body });

export const noRoute = (ctx: RouteContext) => new ApiError(404, 'RecordNotFound', `No such resource: ${ctx.method} /${ctx.segments.join('/')}.json`);

/** The cloud a non-`/clouds` request is scoped to (checked by the authenticator). */
export function cloudOf(ctx: RouteContext): CloudState {
  if (!ctx.principal.cloud) throw noRoute(ctx);
  return ctx.principal.cloud;
}

function positiveInt(p: RequestParams, key: string, fallback: number): number {
  const text = p.get(key);
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw badRequest(`${key} must be a positive integer`);
  return Number(text);
}

/** `page` (default 1) of `per_page` (default 100, at most 100) (spec §9.2.6). */
export function paginate<T>(items: readonly T[], p: RequestParams): T[] {
  const page = positiveInt(p, 'page', 1);
  const perPage = Math.min(100, positiveInt(p, 'per_page', 100));
  return items.slice((page - 1) * perPage, page * perPage);
}
