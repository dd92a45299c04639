import type { ProviderName } from '../../config';
import type { RequestContext } from '../../context';
import type { ProviderDatasource } from '../../domain/datasource';
import { fromGlobalId } from '../../domain/ids';
import { notFound } from '../../errors';

/** The account and native id behind a global id, checked for type, visibility and provider. */
export interface Located {
  readonly type: string;
  readonly source: ProviderDatasource;
  readonly nativeId: string;
}

/**
 * Decodes `id` (BAD_USER_INPUT unless one of `expected`), then finds its account. `ownerOf` names the
 * provider of each type: a PandaVideo id naming a non-Panda account does not exist (NOT_FOUND).
 */
export function locateIn(ctx: RequestContext, id: string, ownerOf: (type: string) => ProviderName | undefined, expected?: readonly string[]): Located {
  const parts = fromGlobalId(id, expected);
  const provider = ownerOf(parts.type);
  if (provider === undefined) throw notFound(`no object with id "${id.slice(0, 40)}"`);
  const source = ctx.account(parts.account);
  if (source.provider !== provider) throw notFound(`no object with id "${id.slice(0, 40)}"`);
  return { type: parts.type, source, nativeId: parts.nativeId };
}
