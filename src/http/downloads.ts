import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseContentRange, parseRange, parseUnsatisfiedRange, rangeHeader, resolveRange, sliceOf, type ByteRange, type ByteSpan } from './byte-range';
import type { AccountRegistry } from '../providers/accounts';
import type { VidmeshConfig } from '../config';
import type { DownloadLinker, DownloadTarget } from '../domain/download';
import { VidmeshError } from '../errors';
import { redactText } from '../errors/format';
import { secretsOf } from '../security/secrets';
import { TokenError, type TokenSealer } from '../tokens';
import { scopeOf } from './request-log';

/**
 * Media downloads served by the gateway (README "Downloads"): a resolver mints an opaque, expiring
 * token naming account + object + media, sealed by the gateway's TokenSealer (AES-256-GCM under
 * `tokens.keys`, purpose `download`, the key id in its header), so it reveals nothing, cannot be
 * altered, and opens on every replica holding the keys, after restarts and key rotations too; `GET
 * /downloads/<token>` checks it and streams the provider's body through, never buffered. The token
 * is the credential (players send no Authorization), so it carries the API key that minted it and
 * the route re-checks that key may see the account. Players seek with `Range` and Safari probes
 * with `HEAD`: both go to the provider, and a provider that ignores Range is cut here.
 */

export interface DownloadClaims extends DownloadTarget {
  /** Name of the API key that minted the token; null on an open gateway. */
  readonly principal: string | null;
}

/** How the client asked: `HEAD` wants headers only; `range` is a `Range` header value for the provider. */
export interface DownloadRequest {
  readonly method: 'GET' | 'HEAD';
  readonly range?: string;
}

/**
 * A provider answer handed on as it arrives: 200 (whole file; Range ignored), 206 with its
 * `Content-Range`, or 416 (range past the end) with `Content-Range: bytes *\/total`.
 */
export interface DownloadBody {
  readonly status: number;
  readonly body: Readable;
  readonly contentType: string;
  readonly contentLength: number | null;
  readonly contentRange: string | null;
}

/** A datasource that can open a media file of one of its objects. */
export interface DownloadSource {
  openDownload(target: Omit<DownloadTarget, 'account'>, request: DownloadRequest): Promise<DownloadBody>;
}

const PURPOSE = 'download';
const PATH_PREFIX = '/downloads/';

function isSource(value: unknown): value is DownloadSource {
  return typeof (value as Partial<DownloadSource> | undefined)?.openDownload === 'function';
}

/** The claims as sealed: `[account, principal, object, nativeId, media]`, short for short URLs. */
function parseClaims(raw: unknown): DownloadClaims | undefined {
  if (!Array.isArray(raw) || raw.length !== 5) return undefined;
  const [account, principal, object, nativeId, media] = raw as unknown[];
  if (typeof account !== 'string' || (principal !== null && typeof principal !== 'string') || typeof nativeId !== 'string') return undefined;
  if ((object !== 'video' && object !== 'stream') || (media !== 'video' && media !== 'image')) return undefined;
  return { account, principal: principal as string | null, object, nativeId, media };
}

/** Makes and checks download tokens with the gateway's sealer. */
export class DownloadSigner {
  constructor(private readonly sealer: TokenSealer) {}

  sign(claims: DownloadClaims, expiresInSeconds: number): string {
    return this.sealer.seal(PURPOSE, [claims.account, claims.principal, claims.object, claims.nativeId, claims.media], expiresInSeconds * 1000);
  }

  /** The claims of a genuine, unexpired token; why not otherwise. */
  verify(token: string): { ok: true; claims: DownloadClaims } | { ok: false; reason: 'invalid' | 'expired' } {
    try {
      return { ok: true, claims: this.sealer.open(PURPOSE, token, parseClaims).payload };
    } catch (error) {
      if (error instanceof TokenError) return { ok: false, reason: error.reason === 'expired' ? 'expired' : 'invalid' };
      throw error;
    }
  }
}

/** The URLs one request hands out: its origin, its principal, the gateway's signer. */
export class DownloadLinks implements DownloadLinker {
  constructor(
    private readonly signer: DownloadSigner,
    private readonly origin: string,
    private readonly principal: string | null,
  ) {}

  url(target: DownloadTarget, expiresInSeconds: number): string {
    return `${this.origin}${PATH_PREFIX}${this.signer.sign({ ...target, principal: this.principal }, expiresInSeconds)}`;
  }
}

/** Where links point: `server.publicUrl` when set, else where the client reached us — `Host` (checked) and `X-Forwarded-Proto` — else the listening address. */
export function requestOrigin(req: IncomingMessage, fallback: string, publicUrl?: string): string {
  if (publicUrl !== undefined) return publicUrl.replace(/\/+$/, ''); // the Host header is the client's to choose
  const host = req.headers.host;
  if (host === undefined || !/^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/.test(host)) return fallback;
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]!
    .trim()
    .toLowerCase();
  return `${forwarded === 'https' ? 'https' : 'http'}://${host}`;
}

export function isDownloadPath(pathname: string): boolean {
  return pathname.startsWith(PATH_PREFIX);
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
};

function fail(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** Provider failures as HTTP: unknown objects 404, the rest a bad gateway (message redacted as GraphQL errors are). */
function failWith(res: ServerResponse, error: unknown, secrets: readonly string[]): void {
  if (!(error instanceof VidmeshError)) return fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  if (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT') return fail(res, 404, 'NOT_FOUND', 'no such download');
  const message = redactText(error.message, secrets);
  if (error.code === 'RATE_LIMITED') return fail(res, 429, error.code, message);
  return fail(res, error.code === 'PROVIDER_UNAVAILABLE' ? 504 : 502, error.code, message);
}

/** Whether the key that minted the token may (still) see the account. */
function allowed(config: VidmeshConfig, claims: DownloadClaims): boolean {
  if (!config.apiKeys) return true;
  const key = config.apiKeys.find((k) => k.name === claims.principal);
  return key !== undefined && key.accounts.includes(claims.account);
}

/** 416 with the file's length, so a player learns where the file ends (RFC 9110 §15.5.17). */
function unsatisfiable(res: ServerResponse, total: number | null): void {
  fail(res, 416, 'BAD_USER_INPUT', 'requested range not satisfiable', total === null ? {} : { 'content-range': `bytes */${total}` });
}

/** What goes out: the provider's answer as is, or — where it sent the whole file for a range — the span cut here. */
type Plan = { status: 200; length: number | null } | { status: 206; span: ByteSpan; cut: boolean } | { status: 416; total: number | null } | { status: 502 };

function planOf(download: DownloadBody, request: ByteRange | null): Plan {
  if (download.status === 416) return { status: 416, total: parseUnsatisfiedRange(download.contentRange ?? undefined) };
  if (download.status === 206) {
    const span = parseContentRange(download.contentRange ?? undefined);
    // a 206 we did not ask for, or whose Content-Range and Content-Length disagree, cannot be relayed
    if (!request || !span || (download.contentLength !== null && download.contentLength !== span.end - span.start + 1)) return { status: 502 };
    return { status: 206, span, cut: false };
  }
  if (!request || download.contentLength === null) return { status: 200, length: download.contentLength };
  const resolved = resolveRange(request, download.contentLength);
  if (resolved === 'whole') return { status: 200, length: download.contentLength };
  if (resolved === 'unsatisfiable') return { status: 416, total: download.contentLength };
  return { status: 206, span: resolved, cut: true };
}

/**
 * `GET` and `HEAD /downloads/<token>`: 403 for tampered, expired or no longer allowed; 404 for
 * unknown objects. One `Range` (RFC 9110 §14) is forwarded to the provider, whose 206 or 416 is
 * relayed; when the provider sends the whole file instead, the span is cut from the stream here.
 * Several ranges, a malformed header, or an `If-Range` (we hand out no validator it could match)
 * get the whole file, as RFC 9110 allows.
 */
export async function serveDownload(req: IncomingMessage, res: ServerResponse, deps: { signer: DownloadSigner; registry: AccountRegistry; config: VidmeshConfig }): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return fail(res, 405, 'BAD_USER_INPUT', 'downloads answer GET and HEAD only');
  }
  const method = req.method;
  const token = new URL(req.url ?? '/', 'http://gateway').pathname.slice(PATH_PREFIX.length);
  const checked = deps.signer.verify(token);
  if (!checked.ok) return fail(res, 403, 'UNAUTHENTICATED', checked.reason === 'expired' ? 'download link expired' : 'invalid download link');
  const { claims } = checked;
  if (!allowed(deps.config, claims)) return fail(res, 403, 'UNAUTHENTICATED', 'invalid download link');
  const account = deps.registry.byId.get(claims.account);
  if (!isSource(account)) return fail(res, 404, 'NOT_FOUND', 'no such download');
  // the request's own view: its calls are told to the upstream log under the request's id
  const scope = scopeOf(req);
  const source = scope !== undefined && account.forRequest ? account.forRequest(scope) : account;

  // Range is defined for GET only (RFC 9110 §14.2)
  const range = method === 'GET' && req.headers['if-range'] === undefined ? parseRange(req.headers.range) : null;
  let download: DownloadBody;
  try {
    download = await source.openDownload(claims, { method, ...(range && { range: rangeHeader(range) }) });
  } catch (error) {
    return failWith(res, error, secretsOf(deps.config));
  }
  const plan = planOf(download, range);
  if (plan.status === 502) {
    download.body.destroy();
    return fail(res, 502, 'PROVIDER_REJECTED', 'the provider answered a range it was not asked for');
  }
  if (plan.status === 416) {
    // the provider's own 416 has a short body worth draining for its connection; a whole file is not
    if (download.status === 416) download.body.resume();
    else download.body.destroy();
    return unsatisfiable(res, plan.total);
  }
  const ext = EXTENSIONS[download.contentType.split(';')[0]!.trim().toLowerCase()];
  const name = `${claims.nativeId.replace(/\//g, '-')}-${claims.media}${ext ? `.${ext}` : ''}`;
  const length = plan.status === 206 ? plan.span.end - plan.span.start + 1 : plan.length;
  // seeking needs the length: a file of unknown length is only ever sent whole
  const ranged = plan.status === 206 || length !== null;
  res.writeHead(plan.status, {
    'content-type': download.contentType,
    ...(length !== null && { 'content-length': String(length) }),
    ...(ranged && { 'accept-ranges': 'bytes' }),
    ...(plan.status === 206 && { 'content-range': `bytes ${plan.span.start}-${plan.span.end}/${plan.span.total ?? '*'}` }),
    // the bytes are the provider's: never let a browser run them as a page of this origin
    'content-disposition': `attachment; filename="${name}"`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  });
  if (method === 'HEAD') {
    download.body.resume(); // empty: drained, the provider's connection stays open
    return void res.end();
  }
  try {
    if (plan.status === 206 && plan.cut) await pipeline(download.body, (source: Readable) => sliceOf(source, plan.span.start, plan.span.end), res);
    else await pipeline(download.body, res);
  } catch {
    // the client went away or the provider broke off: pipeline destroyed both sides
  }
}
