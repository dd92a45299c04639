import type { IncomingMessage } from 'node:http';
import { md5, normalizeReceived, sameDigest } from './auth';
import { readPublicRestrictions, readUrlToken, SECLEVEL, urlDigest, urlsafeBase64Bytes } from './cdn-sign';
import { parseLexicalJson, type LexJson } from './jsonlex';
import type { DailymotionStore, StoredMedia, UserState } from './store';
import type { HttpAnswer } from './upload-route';

/** Where the viewer is: the emulator cannot know AS numbers or countries, so they are options. */
export interface ViewerGeo {
  asnum(ip: string): string;
  country(ip: string): string;
}

export const DEFAULT_GEO: ViewerGeo = { asnum: () => '64512', country: () => 'ZZ' };

const forbidden = (reason: string, account: string | null): HttpAnswer => ({ status: 403, body: `Forbidden: ${reason}\n`, headers: { 'content-type': 'text/plain' }, account });
const missing = (account: string | null): HttpAnswer => ({ status: 404, body: 'Not Found\n', headers: { 'content-type': 'text/plain' }, account });

export const clientIp = (req: IncomingMessage): string => (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');

/** The raw value of a query parameter, undecoded: tokens are compared as the client wrote them. */
const rawParam = (rawQuery: string, key: string): string | null =>
  rawQuery
    .split('&')
    .find((p) => p.startsWith(`${key}=`))
    ?.slice(key.length + 1) ?? null;

/**
 * Verifies a signed URL as dailymotion spec §7.8 implies: digest over the origin and path the client
 * used, the viewer's values unless DELEGATE, expiry, then `cc`/`rf`, DELEGATE locks and USEONCE.
 * Returns why it is refused, or null. Unconfirmed policy choices: `now > expires` refuses; a referer
 * matches by prefix; a missing Referer is refused only under REFERER_STRICT.
 */
export function verifySignedUrl(store: DailymotionStore, req: IncomingMessage, user: UserState, path: string, rawQuery: string, now: number, geo: ViewerGeo): string | null {
  const token = readUrlToken(rawParam(rawQuery, 'auth') ?? '');
  if (!token) return 'missing or malformed auth';
  const level = token.seclevel;
  const ip = clientIp(req);
  const ua = req.headers['user-agent'] ?? '';
  const asnum = geo.asnum(ip);
  let viewer = '';
  if (level & SECLEVEL.ASNUM) viewer += asnum;
  if (level & SECLEVEL.IP) viewer += ip;
  if (level & SECLEVEL.USERAGENT) viewer += ua;
  const secparams = level & SECLEVEL.DELEGATE ? '' : viewer;
  const schemes = req.headers['x-forwarded-proto'] === 'https' ? ['https', 'http'] : ['http'];
  const signedOk = schemes.some((scheme) => sameDigest(urlDigest(`${scheme}://${req.headers.host ?? ''}${path}`, token, user.account.apiKey, secparams), token.digest));
  if (!signedOk) return 'bad signature';
  if (now / 1000 > token.expires) return 'expired';
  if (token.publicParams) {
    const pub = readPublicRestrictions(token.publicParams);
    if (!pub) return 'bad public parameters';
    if (level & SECLEVEL.COUNTRY && pub.countries) {
      const listed = pub.countries.includes(geo.country(ip).toLowerCase());
      if (pub.denyCountries ? listed : !listed) return 'country not allowed';
    }
    if (level & (SECLEVEL.REFERER | SECLEVEL.REFERER_STRICT) && pub.referers) {
      const referer = req.headers.referer;
      if (!referer) {
        if (level & SECLEVEL.REFERER_STRICT) return 'referer required';
      } else if (!pub.referers.some((r) => referer.startsWith(r))) return 'referer not allowed';
    }
  }
  if (level & SECLEVEL.DELEGATE && viewer !== '') {
    const locked = store.delegateLocks.get(token.digest);
    if (locked === undefined) store.delegateLocks.set(token.digest, viewer);
    else if (locked !== viewer) return 'delegated URL locked to another viewer';
  }
  if (level & SECLEVEL.USEONCE) {
    if (store.usedTokens.has(token.digest)) return 'already used';
    store.usedTokens.add(token.digest);
  }
  return null;
}

/** A DRM token appended to an embed URL must be genuine, for this media, and not expired (spec §7.7). */
function verifyDrmToken(store: DailymotionStore, raw: string, mediaId: string, now: number): string | null {
  let info: LexJson;
  try {
    info = parseLexicalJson(urlsafeBase64Bytes(decodeURIComponent(raw)).toString('utf8'));
  } catch {
    return 'malformed drm token';
  }
  if (info === null || typeof info !== 'object' || Array.isArray(info) || !('auth' in info)) return 'malformed drm token';
  const { auth, ...signed } = info as { [key: string]: LexJson };
  const owner = typeof signed.user_id === 'string' ? store.users.get(signed.user_id) : undefined;
  if (!owner || typeof auth !== 'string' || !sameDigest(md5(normalizeReceived(signed) + owner.account.apiKey), auth)) return 'bad drm token';
  if (signed.media_id !== mediaId) return 'drm token for another media';
  if (typeof signed.expires === 'number' && now / 1000 > signed.expires) return 'drm token expired';
  return null;
}

const PLACEHOLDER: Record<string, string> = { mp4: 'video/mp4', flv: 'video/x-flv', mov: 'video/quicktime', jpeg: 'image/jpeg', swf: 'application/x-shockwave-flash' };

function media(user: UserState, id: string): StoredMedia | null {
  return /^[0-9a-f]{24}$/.test(id) ? (user.media.get(id) ?? null) : null;
}

function content(kind: string, text: string): HttpAnswer {
  const body = kind === 'jpeg' ? Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(text), Buffer.from([0xff, 0xd9])]) : Buffer.from(`${kind}:${text}\n`);
  return { status: 200, body, headers: { 'content-type': PLACEHOLDER[kind] ?? 'application/octet-stream' } };
}

/**
 * The CDN, player and static routes of spec §7.5, §11 item 8: `/route[/<proto>]/<user>/<media>/<file>`,
 * `/embed/…`, `/player/swf/…`, `/stream/….mov` (signed) and `/<user>/<media>/jpeg_thumbnail_*.jpeg`
 * (unsigned). Null when the path is none of them.
 */
export function serveCdn(store: DailymotionStore, req: IncomingMessage, path: string, rawQuery: string, now: number, geo: ViewerGeo): HttpAnswer | null {
  const seg = path
    .split('/')
    .slice(1)
    .map((s) => decodeURIComponent(s));
  const userOf = (id: string) => store.users.get(id) ?? null;
  const thumb = /^(jpeg_thumbnail_[a-z]+)(?:-\d+)?\.jpeg$/.exec(seg[2] ?? '');
  if (seg.length === 3 && thumb) {
    const user = userOf(seg[0]!);
    const m = user && media(user, seg[1]!);
    const asset = m?.assets.get(thumb[1]!);
    if (!user || !m || !asset || store.assetState(asset, now) !== 'ready') return missing(user ? user.account.userId : null);
    return { ...content('jpeg', `${m.id}/${asset.name}`), account: user.account.userId };
  }
  let route: { kind: string; userId: string; mediaId: string; file: string | null } | null = null;
  if (seg[0] === 'route' && (seg.length === 4 || seg.length === 5))
    route = { kind: 'route', userId: seg[seg.length - 3]!, mediaId: seg[seg.length - 2]!, file: seg[seg.length - 1]! };
  else if (seg[0] === 'embed' && seg.length === 3) route = { kind: 'embed', userId: seg[1]!, mediaId: seg[2]!, file: null };
  else if (seg[0] === 'player' && seg[1] === 'swf' && seg.length === 4) route = { kind: 'swf', userId: seg[2]!, mediaId: seg[3]!, file: null };
  else if (seg[0] === 'stream' && seg.length === 3 && seg[2]!.endsWith('.mov')) route = { kind: 'mov', userId: seg[1]!, mediaId: seg[2]!.slice(0, -4), file: null };
  if (!route) return null;
  const user = userOf(route.userId);
  if (!user) return forbidden('unknown user', null);
  const account = user.account.userId;
  const refused = verifySignedUrl(store, req, user, path, rawQuery, now, geo);
  if (refused) return forbidden(refused, account);
  const m = media(user, route.mediaId);
  if (!m) return missing(account);
  if (route.kind === 'embed') {
    const drm = rawParam(rawQuery, 'drm_token');
    const bad = drm === null ? null : verifyDrmToken(store, drm, m.id, now);
    if (bad) return forbidden(bad, account);
  }
  if (route.file !== null) {
    const f = /^([A-Za-z0-9_]+)(?:-\d+)?(?:\.([A-Za-z0-9]+))?$/.exec(route.file);
    const asset = f ? m.assets.get(f[1]!) : undefined;
    const ext = f?.[2] ?? '';
    const expectedExt = f && f[1]!.startsWith('abs') ? '' : (f?.[1]!.split('_')[0] ?? '');
    if (!asset || ext !== expectedExt || store.assetState(asset, now) !== 'ready') return missing(account);
    m.hits.push(now);
    return { ...content(ext || 'mp4', `${m.id}/${asset.name}`), account };
  }
  if (route.kind === 'embed') m.hits.push(now);
  const kind = route.kind === 'embed' ? 'html' : route.kind;
  if (kind === 'html') return { status: 200, body: `<!doctype html><title>${m.id}</title><div data-media="${m.id}"></div>\n`, headers: { 'content-type': 'text/html' }, account };
  return { ...content(kind, m.id), account };
}
