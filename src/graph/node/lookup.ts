import type { RequestContext } from '../../context';
import { DailymotionDatasource } from '../../providers/dailymotion';
import { PandaDatasource } from '../../providers/panda';
import { TelestreamDatasource } from '../../providers/telestream';
import type { ProviderDatasource } from '../../domain/datasource';
import { ZiggeoDatasource } from '../../providers/ziggeo';
import { fromGlobalId } from '../../domain/ids';
import { notFound, unsupported } from '../../errors';

/** The account and native id behind a global id, checked for type, visibility and provider. */
export interface Located {
  readonly type: string;
  readonly source: ProviderDatasource;
  readonly nativeId: string;
}

/** Global type name → provider: a PandaVideo id naming a non-Panda account does not exist. */
const TYPE_PROVIDERS: Readonly<Record<string, string>> = {
  PandaVideo: 'panda',
  PandaEncoding: 'panda',
  PandaProfile: 'panda',
  PandaCloud: 'panda',
  TelestreamVideo: 'telestream',
  TelestreamEncoding: 'telestream',
  TelestreamProfile: 'telestream',
  TelestreamFactory: 'telestream',
  ZiggeoVideo: 'ziggeo',
  DailymotionMedia: 'dailymotion',
  DailymotionAsset: 'dailymotion',
  DailymotionPreset: 'dailymotion',
  DailymotionUser: 'dailymotion',
  ZiggeoStream: 'ziggeo',
  ZiggeoAuthToken: 'ziggeo',
};

export function locate(ctx: RequestContext, id: string, expected?: readonly string[]): Located {
  const parts = fromGlobalId(id, expected);
  const provider = TYPE_PROVIDERS[parts.type];
  if (provider === undefined) throw notFound(`no object with id "${id.slice(0, 40)}"`);
  const source = ctx.account(parts.account);
  if (source.provider !== provider) throw notFound(`no object with id "${id.slice(0, 40)}"`);
  return { type: parts.type, source, nativeId: parts.nativeId };
}

/** The accounts a cross-account query names (each once, each checked), or every visible one when it names none. */
export function accountsOf(ctx: RequestContext, ids: readonly string[] | null): ProviderDatasource[] {
  return ids ? [...new Set(ids)].map((id) => ctx.account(id)) : ctx.visibleAccounts();
}

/** Loads any object by global id through the request's loaders (batched per account). */
export async function loadNode(ctx: RequestContext, id: string): Promise<unknown> {
  const { type, source, nativeId } = locate(ctx, id);
  const loaders = ctx.loaders(source);
  switch (type) {
    case 'PandaVideo':
    case 'ZiggeoVideo':
    case 'TelestreamVideo':
    case 'DailymotionMedia':
      return loaders.video.load(nativeId);
    case 'PandaEncoding':
    case 'ZiggeoStream':
    case 'TelestreamEncoding':
    case 'DailymotionAsset':
      return loaders.encoding.load(nativeId);
    case 'PandaProfile':
    case 'TelestreamProfile':
    case 'DailymotionPreset':
      return loaders.profile.load(nativeId);
    case 'ZiggeoAuthToken':
      return asZiggeo(source).getAuthToken(nativeId);
    case 'PandaCloud':
    case 'TelestreamFactory':
    case 'DailymotionUser': {
      const cloud = await accountDetails(source);
      if (cloud.nativeId !== nativeId) throw notFound(`no object with id "${id.slice(0, 40)}"`);
      return cloud;
    }
    default:
      throw notFound(`no object with id "${id.slice(0, 40)}"`);
  }
}

/** Panda and Telestream speak one protocol family: the operations they share take either. */
export function asHmacQuery(source: ProviderDatasource, operation = 'this operation'): PandaDatasource | TelestreamDatasource {
  if (source instanceof PandaDatasource || source instanceof TelestreamDatasource) return source;
  throw unsupported(operation, source.accountId, source.provider);
}

/** The provider's own account object: a Panda cloud, a Telestream factory or a Dailymotion user. */
export function accountDetails(source: ProviderDatasource) {
  if (source instanceof DailymotionDatasource) return source.whoami();
  const s = asHmacQuery(source, 'account details');
  return s instanceof PandaDatasource ? s.getCloud() : s.getFactory();
}

/** Narrows to Panda for Panda-only operations. */
export function asPanda(source: ProviderDatasource, operation = 'this operation'): PandaDatasource {
  if (source instanceof PandaDatasource) return source;
  throw unsupported(operation, source.accountId, source.provider);
}

/** Narrows to Dailymotion for Dailymotion-only operations. */
export function asDailymotion(source: ProviderDatasource, operation = 'this operation'): DailymotionDatasource {
  if (source instanceof DailymotionDatasource) return source;
  throw unsupported(operation, source.accountId, source.provider);
}

/** Narrows to Ziggeo for Ziggeo-only operations. */
export function asZiggeo(source: ProviderDatasource, operation = 'this operation'): ZiggeoDatasource {
  if (source instanceof ZiggeoDatasource) return source;
  throw unsupported(operation, source.accountId, source.provider);
}
