import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { AccountDirectory } from './domain/account-directory';
import type { ProviderDatasource } from './domain/datasource';
import { notFound } from './errors';
import { AccountLoaders } from './graph/common/loaders';
import type { FieldSelection } from './domain/selection';
import { OPEN_PRINCIPAL, type Principal } from './domain/principal';

// the principal is a domain notion (security/ reads it too); re-exported for the context's users
export { OPEN_PRINCIPAL, type Principal } from './domain/principal';

/** Per-request state: the principal, the accounts it may see, loaders, and partial-result errors. */
export class RequestContext {
  readonly requestId: string;
  /** Errors of one account in a multi-account field: sent beside the others' data (DESIGN §5). */
  readonly partialErrors: GraphQLError[] = [];
  /** What the operation selects, noted by the first root field (schema/selection.ts): fetch no more. */
  selection: FieldSelection | null = null;
  private readonly loaderSets = new Map<string, AccountLoaders>();

  constructor(
    readonly registry: AccountDirectory,
    readonly principal: Principal = OPEN_PRINCIPAL,
    requestId?: string,
  ) {
    this.requestId = requestId ?? randomUUID();
  }

  /** Unknown and invisible accounts look the same: NOT_FOUND, so ids do not leak. */
  account(id: string): ProviderDatasource {
    const source = this.registry.byId.get(id);
    if (source === undefined || (this.principal.accounts !== null && !this.principal.accounts.has(id))) {
      throw notFound(`no account "${id.slice(0, 64)}"`, { extra: { field: 'account' } });
    }
    return source;
  }

  visibleAccounts(): ProviderDatasource[] {
    return this.registry.all().filter((ds) => this.principal.accounts === null || this.principal.accounts.has(ds.accountId));
  }

  loaders(source: ProviderDatasource): AccountLoaders {
    let set = this.loaderSets.get(source.accountId);
    if (set === undefined) {
      set = new AccountLoaders(source, () => this.selection);
      this.loaderSets.set(source.accountId, set);
    }
    return set;
  }
}
