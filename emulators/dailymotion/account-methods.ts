import { md5 } from './auth';
import { authFailed, exists, invalidParam, notFound } from './fault';
import type { Json } from './jsonlex';
import type { Handler, RpcContext } from './rpc';
import { ASSET_NAMES, DEFAULT_ACTIVE_ASSETS, type UserState } from './store';

/** `user.*`, `encoding_settings.*` and `file.upload` of dailymotion spec §5.2–§5.4. */

const userDoc = (u: UserState): Json => ({ id: u.account.userId, username: u.account.username });

function requireAdmin(ctx: RpcContext): void {
  if (!ctx.caller.account.admin) throw authFailed('admin only');
}

export const USER_METHODS: Readonly<Record<string, Handler>> = {
  whoami: (ctx) => userDoc(ctx.user),
  /** No id: yourself; another user's id needs admin rights, else 400 (spec §5.3). */
  info: (ctx) => {
    const id = ctx.args.optionalString('id');
    if (id === null || id === ctx.user.account.userId) return userDoc(ctx.user);
    requireAdmin(ctx);
    const user = ctx.store.users.get(id);
    if (!user) throw notFound('user');
    return userDoc(user);
  },
  create: (ctx) => {
    requireAdmin(ctx);
    const username = ctx.args.string('username');
    ctx.args.string('password');
    if (ctx.store.findUser(username)) throw exists('user');
    const userId = ctx.store.newId(ctx.now);
    ctx.store.addUser({ userId, username, apiKey: ctx.store.prng.hex(20) });
    return userId;
  },
  delete: (ctx) => {
    requireAdmin(ctx);
    const id = ctx.args.string('id');
    if (!ctx.store.users.delete(id)) throw notFound('user');
    return null;
  },
  list: (ctx) => {
    requireAdmin(ctx);
    return [...ctx.store.users.values()].map(userDoc);
  },
};

function assetArg(ctx: RpcContext): string {
  const asset = ctx.args.string('asset');
  if (!ASSET_NAMES.has(asset) || asset === 'source') throw invalidParam('asset', `unknown asset ${asset}`);
  return asset;
}

export const ENCODING_SETTINGS_METHODS: Readonly<Record<string, Handler>> = {
  reset: (ctx) => {
    ctx.user.activeAssets = [...DEFAULT_ACTIVE_ASSETS];
    ctx.user.settings.clear();
    return null;
  },
  enable_asset: (ctx) => {
    const asset = assetArg(ctx);
    if (!ctx.user.activeAssets.includes(asset)) ctx.user.activeAssets.push(asset);
    return null;
  },
  disable_asset: (ctx) => {
    const asset = assetArg(ctx);
    ctx.user.activeAssets = ctx.user.activeAssets.filter((a) => a !== asset);
    return null;
  },
  /** Names in activation order (spec §5.4). */
  get_active_assets: (ctx) => [...ctx.user.activeAssets],
  set_asset_setting: (ctx) => {
    const asset = assetArg(ctx);
    const setting = ctx.args.string('setting');
    const value = ctx.args.get('value');
    if (value === undefined || value === null || typeof value === 'object') throw invalidParam('value', 'must be a string');
    const settings = ctx.user.settings.get(asset) ?? new Map<string, string>();
    settings.set(setting, String(value));
    ctx.user.settings.set(asset, settings);
    return null;
  },
  get_asset_setting: (ctx) => {
    const asset = assetArg(ctx);
    const setting = ctx.args.string('setting');
    const value = ctx.user.settings.get(asset)?.get(setting);
    if (value === undefined) throw notFound(`setting ${setting}`);
    return value;
  },
};

/** The upload seal binds a ticket to the emulator's secret (spec §5.2: `uuid`, `seal`, `target`). */
export const uploadSeal = (uuid: string, secret: string): string => md5(uuid + secret);

export function fileMethods(secret: string): Readonly<Record<string, Handler>> {
  return {
    /** `{url}` (+ `status` when asked); with `target` the URL's query carries uuid, seal and target (spec §11 item 7). */
    upload: (ctx) => {
      const target = ctx.args.optionalString('target');
      const status = ctx.args.bool('status');
      const jsonp = ctx.args.optionalString('jsonp_cb');
      const uuid = ctx.store.prng.hex(16);
      const seal = uploadSeal(uuid, secret);
      ctx.store.uploads.set(uuid, { uuid, seal, owner: ctx.user.account.userId, target, state: 'waiting', received: 0, size: null });
      const query = new URLSearchParams({ uuid, seal });
      if (target !== null) query.set('target', target);
      const out: { [key: string]: Json } = { url: `${ctx.origin}/upload?${query.toString()}` };
      if (status) out.status = `${ctx.origin}/upload/status?uuid=${uuid}${jsonp ? `&callback=${/^[\w.$?]+$/.test(jsonp) ? jsonp : encodeURIComponent(jsonp)}` : ''}`;
      return out;
    },
  };
}
