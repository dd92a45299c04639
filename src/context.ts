import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { AccountDirectory } from './domain/account-directory';
import type { ProviderDatasource } from './domain/datasource';
import { notFound } from './errors';
import { AccountLoaders } from './graph/common/loaders';
import type { FieldSelection } from './domain/selection';
import { OPEN_PRINCIPAL, type Principal } from './domain/principal';
import type { RequestScope } from './observability/request-scope';

// the principal is a domain notion (security/ reads it too); re-exported for the context's users
export { OPEN_PRINCIPAL, type Principal } from './domain/principal';

/**
 * Per-request state: the principal, the accounts it may see, loaders, and partial-result errors. The
 * accounts it hands out are bound to the request's scope (when it has one): their upstream calls
 * follow the client's signal and count in the request's log line.
 */
export class RequestContext {
  readonly requestId: string;
  /** Errors of one account in a multi-account field: sent beside the others' data (DESIGN §5). */
  readonly partialErrors: GraphQLError[] = [];
  /** What the operation selects, noted by the first root field (schema/selection.ts): fetch no more. */
  selection: FieldSelection | null = null;
  private readonly loaderSets = new Map<string, AccountLoaders>();
  /** The accounts' views for this request, made when first asked for. */
  private readonly bound = new Map<string, ProviderDatasource>();

  constructor(
    readonly registry: AccountDirectory,
    readonly principal: Principal = OPEN_PRINCIPAL,
    /** The HTTP request this operation runs for; absent outside one (tests, subscriptions' shared reads). */
    readonly scope?: RequestScope,
  ) {
    this.requestId = scope?.requestId ?? randomUUID();
  }

  /** `source` as this request calls it: bound to the request's scope. */
  private forRequest(source: ProviderDatasource): ProviderDatasource {
    const scope = this.scope;
    if (scope === undefined || source.forRequest === undefined) return source;
    let view = this.bound.get(source.accountId);
    if (view === undefined) {
      view = source.forRequest(scope);
      this.bound.set(source.accountId, view);
    }
    return view;
  }

  /** Whether `id` names a configured account this caller may see. */
  sees(id: string): boolean {
    return this.registry.byId.has(id) && (this.principal.accounts === null || this.principal.accounts.has(id));
  }

  /** Unknown and invisible accounts look the same: NOT_FOUND, so ids do not leak. */
  account(id: string): ProviderDatasource {
    const source = this.registry.byId.get(id);
    if (source === undefined || !this.sees(id)) {
      throw notFound(`no account "${id.slice(0, 64)}"`, { extra: { field: 'account' } });
    }
    return this.forRequest(source);
  }

  /** The accounts this caller may see, bound to the request: for their upstream calls. */
  visibleAccounts(): ProviderDatasource[] {
    const visible = this.visibleAsConfigured();
    return this.scope === undefined ? visible : visible.map((ds) => this.forRequest(ds));
  }

  /**
   * The accounts this caller may see, as configured and not bound to the request: for what the
   * configuration says of them (id, provider, capabilities), never for an upstream call. Makes no view.
   */
  visibleAsConfigured(): ProviderDatasource[] {
    const all = this.registry.all();
    const visible = this.principal.accounts;
    return visible === null ? all : all.filter((ds) => visible.has(ds.accountId));
  }

  loaders(source: ProviderDatasource): AccountLoaders {
    let set = this.loaderSets.get(source.accountId);
    if (set === undefined) {
      set = new AccountLoaders(this.forRequest(source), () => this.selection);
      this.loaderSets.set(source.accountId, set);
    }
    return set;
  }
}
