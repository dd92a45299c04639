import { createUnionType, type ClassType } from 'type-graphql';
import { resolveKind } from '../common/node';
import { PROVIDERS } from '../../providers';

/** Provider-specific results: each provider's descriptor names its member (src/providers/descriptor.ts). */

/** Read when the schema is built: by then every provider module is loaded. */
function members(pick: (schema: (typeof PROVIDERS)[number]['schema']) => ClassType | undefined): [ClassType, ...ClassType[]] {
  const types = PROVIDERS.map((p) => pick(p.schema)).filter((t): t is ClassType => t !== undefined);
  if (types.length === 0) throw new Error('a union needs at least one provider type');
  return types as [ClassType, ...ClassType[]];
}

export const AccountDetails = createUnionType({
  name: 'AccountDetails',
  description: 'The provider’s own description of an account (Panda cloud, Telestream factory, Dailymotion user, …).',
  types: () => members((s) => s.accountDetails),
  resolveType: resolveKind,
});

export const Notifications = createUnionType({
  name: 'Notifications',
  description: 'An account’s notification (webhook) settings, in the provider’s terms.',
  types: () => members((s) => s.notifications),
  resolveType: resolveKind,
});
