import { signedUrl } from './cdn-sign';
import { exists, invalidParam, missingParam, notFound } from './fault';
import { isObject, type Json } from './jsonlex';
import { matches, project, readFields, readFilter, readSort, sortDocs, type Doc } from './query';
import { mediaOf, type Handler, type RpcContext } from './rpc';
import { ASSET_NAMES, type StoredMedia } from './store';

/** `media.*` of dailymotion spec §5.1 (and the 2010 single-asset methods), over the store. */

const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 10;
const DEFAULT_INFO_FIELDS = ['id', 'meta', 'assets', 'created'];

/** How the API's URLs are made: on the emulator's origin and clock, one 8-character rand each (spec §7.2, §7.5). */
interface UrlOptions {
  /** `hls` for adaptive assets; `http` for downloads. */
  readonly protocol?: 'hls' | 'http';
}

/**
 * The URL of one asset as CloudKey answers it (spec §7.5, §11 item 8): thumbnails unsigned on the
 * static host (`cdn.` → `static.`), the rest signed, seclevel NONE, good for 2 hours.
 */
export function assetUrl(ctx: RpcContext, media: StoredMedia, name: string, o: UrlOptions = {}): string {
  const a = ctx.user.account;
  if (name.startsWith('jpeg_thumbnail_')) return `${ctx.origin.split('cdn.').join('static.')}/${a.userId}/${media.id}/${name}.jpeg`;
  const ext = name.startsWith('abs') ? '' : `.${name.split('_')[0]}`;
  return sign(ctx, `${ctx.origin}/route${o.protocol ? `/${o.protocol}` : ''}/${a.userId}/${media.id}/${name}${ext}`);
}

/** The player page of a media (`/embed/<user>/<media>`), signed like a stream URL. */
export const embedPageUrl = (ctx: RpcContext, media: StoredMedia): string => sign(ctx, `${ctx.origin}/embed/${ctx.user.account.userId}/${media.id}`);

function sign(ctx: RpcContext, base: string): string {
  return signedUrl(base, ctx.user.account.apiKey, Math.trunc(ctx.now / 1000 + 7200), ctx.store.prng.hex(4));
}

function assetUrls(ctx: RpcContext, media: StoredMedia, name: string): Doc {
  if (name.startsWith('jpeg_thumbnail_')) return { stream_url: assetUrl(ctx, media, name) };
  if (name.startsWith('abs')) return { stream_url: assetUrl(ctx, media, name, { protocol: 'hls' }) };
  return {
    stream_url: assetUrl(ctx, media, name),
    embed_url: embedPageUrl(ctx, media),
    download_url: assetUrl(ctx, media, name, { protocol: 'http' }),
  };
}

const PERIODS: [string, number][] = [
  ['last_minute', 60],
  ['last_hour', 3600],
  ['last_day', 86_400],
  ['last_week', 7 * 86_400],
  ['last_month', 30 * 86_400],
  ['last_year', 365 * 86_400],
];

function statsDoc(media: StoredMedia, now: number): Doc {
  const global: Doc = {};
  for (const [name, seconds] of PERIODS) global[name] = media.hits.filter((t) => t > now - seconds * 1000).length;
  global.total = media.hits.length;
  return { global };
}

/** The whole media document that fields, filters and sorts address. */
export function mediaDoc(ctx: RpcContext, media: StoredMedia, withUrls = false): Doc {
  const assets: Doc = {};
  for (const asset of media.assets.values()) {
    const doc = ctx.store.assetDoc(media, asset, ctx.now);
    assets[asset.name] = withUrls && doc.status === 'ready' ? { ...doc, ...assetUrls(ctx, media, asset.name) } : doc;
  }
  return { id: media.id, created: Math.floor(media.created / 1000), meta: { ...media.meta }, assets, stats: statsDoc(media, ctx.now) };
}

const wantsUrls = (fields: readonly string[] | null) => fields !== null && fields.some((f) => f.endsWith('_url'));

/** Meta is a flat object of JSON values; `__proto__` is refused rather than merged. */
function metaArg(ctx: RpcContext): Doc | null {
  const meta = ctx.args.object('meta');
  if (meta && Object.prototype.hasOwnProperty.call(meta, '__proto__')) throw invalidParam('meta', 'invalid key __proto__');
  return meta;
}

function assetName(value: string, field: string): string {
  if (!ASSET_NAMES.has(value)) throw invalidParam(field, `unknown asset name ${value}`);
  return value;
}

function sourceUrl(value: string, field: string): string {
  if (!/^https?:\/\/[^\s]+$/.test(value)) throw invalidParam(field, 'must be an http(s) URL');
  return value;
}

/** A source on this emulator's upload host must have been uploaded; any other URL is "fetched" fine. */
function setSource(ctx: RpcContext, media: StoredMedia, url: string): void {
  const parsed = new URL(url);
  const own = parsed.origin === ctx.origin && parsed.pathname.startsWith('/uploads/');
  const file = own ? ctx.store.files.get(parsed.pathname) : undefined;
  ctx.store.setSource(media, url, ctx.now, !own || file !== undefined, file?.size ?? null);
}

function queue(ctx: RpcContext, media: StoredMedia, name: string, url: string | null): void {
  if (name === 'source') {
    if (url === null) throw missingParam('url');
    setSource(ctx, media, url);
  } else ctx.store.queueAsset(media, name, ctx.now, url);
}

function list(ctx: RpcContext): Json {
  const a = ctx.args;
  const fields = readFields(a.get('fields'));
  const filter = readFilter(a.get('filter'));
  const sort = readSort(a.get('sort'));
  const page = a.int('page', 1, 1_000_000) ?? 1;
  const perPage = a.int('per_page', 1, MAX_PER_PAGE) ?? a.int('count', 1, MAX_PER_PAGE) ?? DEFAULT_PER_PAGE;
  const docs = sortDocs(
    [...ctx.user.media.values()].map((m) => mediaDoc(ctx, m, wantsUrls(fields))).filter((d) => matches(d, filter)),
    sort,
  );
  const items = docs.slice((page - 1) * perPage, page * perPage).map((d) => project(d, fields ?? DEFAULT_INFO_FIELDS));
  return { list: items, page, pages: Math.max(1, Math.ceil(docs.length / perPage)), total: docs.length, per_page: perPage };
}

function create(ctx: RpcContext): Json {
  const a = ctx.args;
  const url = a.optionalString('url');
  const names = (a.stringList('assets_names') ?? (url ? ctx.user.activeAssets : [])).map((n) => assetName(n, 'assets_names'));
  const meta = metaArg(ctx) ?? {};
  if (url !== null) sourceUrl(url, 'url');
  const media = ctx.store.createMedia(ctx.user, ctx.now, { meta });
  if (url !== null) setSource(ctx, media, url);
  for (const name of names) if (name !== 'source') ctx.store.queueAsset(media, name, ctx.now);
  return { id: media.id };
}

function setAssets(ctx: RpcContext): Json {
  const media = mediaOf(ctx);
  const assets = ctx.args.get('assets');
  if (assets === undefined || assets === null) throw missingParam('assets');
  if (!Array.isArray(assets) || !assets.every(isObject)) throw invalidParam('assets', 'must be a list of {name, url}');
  const wanted = assets.map((x) => {
    const o = x as Doc;
    if (typeof o.name !== 'string') throw invalidParam('assets', 'every asset needs a name');
    if (o.url !== undefined && o.url !== null && typeof o.url !== 'string') throw invalidParam('assets', 'url must be a string');
    return { name: assetName(o.name, 'assets'), url: typeof o.url === 'string' ? sourceUrl(o.url, 'assets') : null };
  });
  for (const { name, url } of wanted.filter((w) => w.name === 'source')) queue(ctx, media, name, url);
  for (const { name, url } of wanted.filter((w) => w.name !== 'source')) queue(ctx, media, name, url);
  return null;
}

function getAssets(ctx: RpcContext): Json {
  const media = mediaOf(ctx);
  const names = ctx.args.stringList('assets_names');
  const out: Doc = {};
  for (const name of names ?? [...media.assets.keys()]) {
    const asset = media.assets.get(name);
    if (!asset) throw notFound(`asset ${name}`);
    out[name] = ctx.store.assetDoc(media, asset, ctx.now);
  }
  return out;
}

function setThumbnail(ctx: RpcContext): Json {
  const media = mediaOf(ctx);
  const url = ctx.args.optionalString('url');
  const timecode = ctx.args.optionalString('timecode');
  ctx.args.bool('force');
  if (url === null && timecode === null) throw missingParam('url');
  if (url !== null) sourceUrl(url, 'url');
  if (timecode !== null && !/^\d{2}:[0-5]\d:[0-5]\d(\.\d{1,3})?$/.test(timecode)) throw invalidParam('timecode', 'expected HH:MM:SS.mm');
  const thumbnails = [...media.assets.keys()].filter((n) => n.startsWith('jpeg_thumbnail_'));
  for (const name of thumbnails.length ? thumbnails : ['jpeg_thumbnail_medium']) ctx.store.queueAsset(media, name, ctx.now, url);
  return null;
}

const presetArg = (ctx: RpcContext): string => {
  const name = ctx.args.optionalString('asset_name') ?? ctx.args.optionalString('preset');
  if (name === null) throw missingParam('asset_name');
  return assetName(name, 'asset_name');
};

export const MEDIA_METHODS: Readonly<Record<string, Handler>> = {
  create,
  list,
  set_assets: setAssets,
  get_assets: getAssets,
  set_thumbnail: setThumbnail,
  info: (ctx) => {
    const media = mediaOf(ctx);
    const fields = readFields(ctx.args.get('fields'));
    return project(mediaDoc(ctx, media, wantsUrls(fields)), fields ?? DEFAULT_INFO_FIELDS);
  },
  count: (ctx) => {
    const filter = readFilter(ctx.args.get('filter'));
    return [...ctx.user.media.values()].filter((m) => matches(mediaDoc(ctx, m), filter)).length;
  },
  delete: (ctx) => {
    ctx.user.media.delete(mediaOf(ctx).id);
    return null;
  },
  set_meta: (ctx) => {
    const media = mediaOf(ctx);
    const meta = metaArg(ctx);
    if (meta === null) throw ctx.args.has('meta') ? invalidParam('meta', 'must be an object') : missingParam('meta');
    Object.assign(media.meta, meta);
    return null;
  },
  get_meta: (ctx) => {
    const media = mediaOf(ctx);
    const keys = ctx.args.stringList('keys');
    return keys ? Object.fromEntries(keys.filter((k) => k in media.meta).map((k) => [k, media.meta[k]!])) : { ...media.meta };
  },
  remove_meta: (ctx) => {
    const media = mediaOf(ctx);
    const keys = ctx.args.stringList('keys');
    if (keys === null) throw missingParam('keys');
    for (const key of keys) delete media.meta[key];
    return null;
  },
  stats: (ctx) => statsDoc(mediaOf(ctx), ctx.now),
  get_asset_url: (ctx) => {
    const media = mediaOf(ctx);
    const name = presetArg(ctx);
    return assetUrl(ctx, media, name, name.startsWith('abs') ? { protocol: 'hls' } : {});
  },
  // the 2010 single-asset methods (spec §5.1 "older")
  get_asset: (ctx) => {
    const media = mediaOf(ctx);
    const name = presetArg(ctx);
    const asset = media.assets.get(name);
    if (!asset) throw notFound(`asset ${name}`);
    return { name, ...ctx.store.assetDoc(media, asset, ctx.now) };
  },
  set_asset: (ctx) => {
    queue(ctx, mediaOf(ctx), presetArg(ctx), sourceUrl(ctx.args.string('url'), 'url'));
    return null;
  },
  remove_asset: (ctx) => {
    const media = mediaOf(ctx);
    const name = presetArg(ctx);
    if (!media.assets.delete(name)) throw notFound(`asset ${name}`);
    return null;
  },
  process_asset: (ctx) => {
    const media = mediaOf(ctx);
    const name = presetArg(ctx);
    if (!media.assets.has(ctx.args.optionalString('source_preset') ?? 'source')) throw notFound('source asset');
    const current = media.assets.get(name);
    const state = current && ctx.store.assetState(current, ctx.now);
    if (state === 'pending' || state === 'processing') throw exists(`asset ${name}`);
    ctx.store.queueAsset(media, name, ctx.now);
    return null;
  },
  reset: (ctx) => {
    ctx.user.media.clear();
    return null;
  },
};
