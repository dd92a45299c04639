import type { ProviderDatasource } from './datasource';

/**
 * The configured accounts as a request reads them: src/providers/accounts.ts's AccountRegistry. The
 * request context depends on this, not on the registry, which loads every provider (and their resolvers).
 */
export interface AccountDirectory {
  readonly byId: ReadonlyMap<string, ProviderDatasource>;
  all(): ProviderDatasource[];
}
