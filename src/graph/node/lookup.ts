import type { RequestContext } from '../../context';
import type { AccountDetailsRecord } from '../../domain/account-objects';
import type { ProviderDatasource } from '../../domain/datasource';
import type { Capability } from '../../domain/types';
import { notFound, unsupported } from '../../errors';
import { PROVIDERS, type AnyProviderDescriptor, type NodeKind, type NodeTypeSpec } from '../../providers';
import { locateIn, type Located } from '../common/locate';

export type { Located } from '../common/locate';

/** Every global-id type of every provider, with its provider: from the descriptors. */
const NODE_TYPES = new Map<string, { readonly provider: AnyProviderDescriptor; readonly spec: NodeTypeSpec }>(
  PROVIDERS.flatMap((provider) => Object.entries(provider.nodeTypes).map(([type, spec]) => [type, { provider, spec }] as const)),
);

/** The account and native id behind a global id of any provider; `expected` restricts the types accepted. */
export function locate(ctx: RequestContext, id: string, expected?: readonly string[]): Located {
  return locateIn(ctx, id, (type) => NODE_TYPES.get(type)?.provider.name, expected);
}

/**
 * The global-id types of one kind, in registry order, of the providers that `need` (a capability, or
 * any test of the descriptor): what an operation accepts, as its BAD_USER_INPUT message lists them.
 */
export function typesOf(kind: NodeKind, need?: Capability | ((provider: AnyProviderDescriptor) => boolean)): string[] {
  const fits = need === undefined ? () => true : typeof need === 'function' ? need : (p: AnyProviderDescriptor) => p.capabilities.includes(need);
  return [...NODE_TYPES].filter(([, t]) => t.spec.kind === kind && fits(t.provider)).map(([type]) => type);
}

/** The accounts a cross-account query names (each once, each checked), or every visible one when it names none. */
export function accountsOf(ctx: RequestContext, ids: readonly string[] | null): ProviderDatasource[] {
  return ids ? [...new Set(ids)].map((id) => ctx.account(id)) : ctx.visibleAccounts();
}

/** The provider's own account object: a Panda cloud, a Telestream factory or a Dailymotion user. */
export function accountDetails(source: ProviderDatasource): Promise<AccountDetailsRecord> {
  if (!source.accountDetails) throw unsupported('account details', source.accountId, source.provider);
  return source.accountDetails();
}

/** Loads any object by global id through the request's loaders (batched per account). */
export async function loadNode(ctx: RequestContext, id: string): Promise<unknown> {
  const { type, source, nativeId } = locate(ctx, id);
  const loaders = ctx.loaders(source);
  const spec = NODE_TYPES.get(type)!.spec;
  switch (spec.kind) {
    case 'video':
      return loaders.video.load(nativeId);
    case 'encoding':
      return loaders.encoding.load(nativeId);
    case 'profile':
      return loaders.profile.load(nativeId);
    case 'other':
      return spec.load(source, nativeId);
    case 'account': {
      const details = await accountDetails(source);
      if (details.nativeId !== nativeId) throw notFound(`no object with id "${id.slice(0, 40)}"`);
      return details;
    }
  }
}
