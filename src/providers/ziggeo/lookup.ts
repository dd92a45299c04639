import type { RequestContext } from '../../context';
import type { ProviderDatasource } from '../../domain/datasource';
import { unsupported } from '../../errors';
import { locateIn, type Located } from '../../graph/common/locate';
import { ZiggeoDatasource } from './datasource';

/** Ziggeo's own global-id types. */
export type ZiggeoNodeType = 'ZiggeoVideo' | 'ZiggeoStream' | 'ZiggeoAuthToken';

/** The Ziggeo object behind a global id of one of `expected` (an id naming another provider's account does not exist). */
export function locate(ctx: RequestContext, id: string, expected: readonly ZiggeoNodeType[]): Located {
  return locateIn(ctx, id, () => 'ziggeo', expected);
}

/** Narrows to Ziggeo for Ziggeo-only operations. */
export function asZiggeo(source: ProviderDatasource, operation = 'this operation'): ZiggeoDatasource {
  if (source instanceof ZiggeoDatasource) return source;
  throw unsupported(operation, source.accountId, source.provider);
}
