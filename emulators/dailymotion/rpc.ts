import { readRpcAuth, rpcSignatureValid } from './auth';
import { authFailed, invalidCall, invalidMethod, invalidObject, invalidParam, invalidRequest, missingParam, notFound, RpcFault } from './fault';
import { isObject, LexFloat, parseLexicalJson, plainJson, type Json, type LexJson } from './jsonlex';
import type { DailymotionStore, StoredMedia, UserState } from './store';

/** Typed access to a call's arguments: missing → 650, wrong type → 630 (dailymotion spec §4.3, §11 item 5). */
export class Args {
  constructor(readonly raw: { readonly [key: string]: Json }) {}

  get(name: string): Json | undefined {
    return Object.prototype.hasOwnProperty.call(this.raw, name) ? this.raw[name] : undefined;
  }

  has(name: string): boolean {
    const v = this.get(name);
    return v !== undefined && v !== null;
  }

  /** A media id: 24 lowercase hex, else 630 (a 23-character id is invalid, spec §5.1). */
  mediaId(name = 'id'): string {
    const v = this.get(name);
    if (v === undefined || v === null) throw missingParam(name);
    if (typeof v !== 'string' || !/^[0-9a-f]{24}$/.test(v)) throw invalidParam(name, 'invalid media id');
    return v;
  }

  string(name: string): string {
    const v = this.optionalString(name);
    if (v === null) throw missingParam(name);
    return v;
  }

  optionalString(name: string): string | null {
    const v = this.get(name);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw invalidParam(name, 'must be a string');
    return v;
  }

  stringList(name: string): string[] | null {
    const v = this.get(name);
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw invalidParam(name, 'must be a list of strings');
    return v as string[];
  }

  object(name: string): { [key: string]: Json } | null {
    const v = this.get(name);
    if (v === undefined || v === null) return null;
    if (!isObject(v)) throw invalidParam(name, 'must be an object');
    return v;
  }

  bool(name: string): boolean | null {
    const v = this.get(name);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'boolean') throw invalidParam(name, 'must be a boolean');
    return v;
  }

  int(name: string, min: number, max: number): number | null {
    const v = this.get(name);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalidParam(name, `must be an integer from ${min} to ${max}`);
    return v;
  }
}

/** What one call's handler gets: who asked, as whom, when, from which origin, with what. */
export interface RpcContext {
  readonly store: DailymotionStore;
  readonly caller: UserState;
  /** The caller, or the user it acts as (spec §3.5). */
  readonly user: UserState;
  readonly now: number;
  /** `http://host:port` as the client addressed the emulator: URLs it answers point there. */
  readonly origin: string;
  readonly args: Args;
}

export type Handler = (ctx: RpcContext) => Json | undefined;
export type Namespaces = Readonly<Record<string, Readonly<Record<string, Handler>>>>;

export function mediaOf(ctx: RpcContext, name = 'id'): StoredMedia {
  const media = ctx.user.media.get(ctx.args.mediaId(name));
  if (!media) throw notFound('media');
  return media;
}

/**
 * The auth check of spec §11 item 3 (./auth): the signature over the decoded JSON (ints and floats
 * as written) with the caller's key, then who the call acts as (spec §3.5).
 */
export function authenticate(store: DailymotionStore, auth: unknown, call: string, args: { [key: string]: LexJson }): { caller: UserState; user: UserState } {
  if (typeof auth !== 'string') throw authFailed('missing auth');
  const parsed = readRpcAuth(auth);
  if (!parsed) throw authFailed('malformed auth');
  const caller = parsed.userId === '' ? null : store.users.get(parsed.userId);
  if (!caller) throw authFailed(parsed.userId === '' ? 'authentication required' : 'authentication failed');
  if (!rpcSignatureValid(parsed, call, args, caller.account.apiKey)) throw authFailed('authentication failed');
  if (parsed.actAs === null) return { caller, user: caller };
  if (!caller.account.admin) throw authFailed('not allowed to act as another user');
  const user = store.findUser(parsed.actAs);
  if (!user) throw authFailed('unknown user to act as');
  return { caller, user };
}

const CALL = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/;

export interface RpcOutcome {
  readonly reply: { result: Json } | { error: { code: number; message: string; data?: Json } };
  /** The authenticated caller's user id, for the request log. */
  readonly account: string | null;
  readonly call: string | null;
  /** The call's arguments as received, once the request parsed (the request log shows them). */
  readonly args: { readonly [key: string]: Json } | null;
}

/** One `POST /api` body → the JSON object to answer, always with HTTP 200 (spec §11 items 2–5). */
export function handleRpc(store: DailymotionStore, namespaces: Namespaces, body: string, now: number, origin: string): RpcOutcome {
  let account: string | null = null;
  let call: string | null = null;
  let plain: { [key: string]: Json } | null = null;
  try {
    let envelope: LexJson;
    try {
      envelope = parseLexicalJson(body);
    } catch (error) {
      throw new RpcFault(500, `invalid JSON: ${(error as Error).message}`);
    }
    if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope) || envelope instanceof LexFloat) throw invalidRequest('the request must be an object');
    if (!('call' in envelope)) throw invalidRequest('missing call');
    const request = envelope as { [key: string]: LexJson };
    if (!('args' in request)) throw invalidRequest('missing args');
    const args = request.args;
    if (args === null || typeof args !== 'object' || Array.isArray(args) || args instanceof LexFloat) throw invalidRequest('args must be an object');
    if (typeof request.call !== 'string') throw invalidCall('call must be a string');
    call = request.call;
    const m = CALL.exec(call);
    if (!m) throw invalidCall(`malformed call "${call.slice(0, 60)}"`);
    const lexArgs = args as { [key: string]: LexJson };
    plain = plainJson(lexArgs) as { [key: string]: Json };
    const { caller, user } = authenticate(store, request.auth, call, lexArgs);
    account = caller.account.userId;
    const ns = Object.prototype.hasOwnProperty.call(namespaces, m[1]!) ? namespaces[m[1]!] : undefined;
    if (!ns) throw invalidObject(m[1]!);
    const handler = Object.prototype.hasOwnProperty.call(ns, m[2]!) ? ns[m[2]!] : undefined;
    if (!handler) throw invalidMethod(call);
    const result = handler({ store, caller, user, now, origin, args: new Args(plain) });
    return { reply: { result: result ?? null }, account, call, args: plain };
  } catch (error) {
    const fault = error instanceof RpcFault ? error : new RpcFault(1000, 'internal error');
    const reply = { error: { code: fault.code, message: fault.message, ...(fault.data !== undefined && { data: fault.data }) } };
    return { reply, account, call, args: plain };
  }
}
