import type { RequestContext } from '../../context';
import type { ProviderDatasource } from '../../domain/datasource';
import { unsupported } from '../../errors';
import { locateIn, type Located } from '../../graph/common/locate';
import { DailymotionDatasource } from './datasource';

/** Dailymotion's own global-id types. */
export type DailymotionNodeType = 'DailymotionMedia' | 'DailymotionAsset' | 'DailymotionPreset' | 'DailymotionUser';

/** The Dailymotion object behind a global id of one of `expected` (an id naming another provider's account does not exist). */
export function locate(ctx: RequestContext, id: string, expected: readonly DailymotionNodeType[]): Located {
  return locateIn(ctx, id, () => 'dailymotion', expected);
}

/** Narrows to Dailymotion for Dailymotion-only operations. */
export function asDailymotion(source: ProviderDatasource, operation = 'this operation'): DailymotionDatasource {
  if (source instanceof DailymotionDatasource) return source;
  throw unsupported(operation, source.accountId, source.provider);
}
