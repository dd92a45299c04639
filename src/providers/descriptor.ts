import type { ClassType } from 'type-graphql';
import type { AccountConfig, ProviderName } from '../config';
import type { ProviderDatasource } from '../domain/datasource';
import type { Capability } from '../domain/types';
import type { NotificationParser, NotificationSetup, NotificationTarget } from '../events/receiver-types';
import type { UpstreamObserver, UpstreamPolicy } from '../upstream';

/**
 * The one door of a provider (docs/ADDING_A_PROVIDER.md): each provider folder's index.ts exports one
 * descriptor, and src/providers/index.ts lists them. The generic graph and the account registry know
 * providers only through it and through the ProviderDatasource its accounts get.
 */

/** What an object with a global id is, for `node(id:)` and the id checks of the generic mutations. */
export type NodeTypeSpec =
  /** Loaded through the request's loaders (video, encoding, profile) or `accountDetails()` (account). */
  | { readonly kind: 'video' | 'encoding' | 'profile' | 'account' }
  /** Any other object: loaded by the provider itself. */
  | { readonly kind: 'other'; load(source: ProviderDatasource, nativeId: string): Promise<unknown> };

export type NodeKind = NodeTypeSpec['kind'];

/** The provider's part of the GraphQL schema (type-graphql classes). */
export interface ProviderSchema {
  /** Object types reached only through interfaces (Node, Video, Encoding, Profile, AuthToken): named so the schema has them. */
  readonly types: readonly ClassType[];
  /** Its resolvers: provider-only queries and mutations, and the fields of its own types. */
  readonly resolvers: readonly ClassType[];
  /** Its member of the `AccountDetails` union: what the datasource's `accountDetails()` answers. */
  readonly accountDetails?: ClassType;
  /** Its member of the `Notifications` union: what `getNotifications()` answers. */
  readonly notifications?: ClassType;
}

export interface ProviderDescriptor<N extends ProviderName = ProviderName> {
  /** The config's `provider` value of its accounts. */
  readonly name: N;
  /** What every account of the provider can do: the same list its datasources report. */
  readonly capabilities: readonly Capability[];
  /** Its datasources sign playback URLs (`ProviderDatasource.playback`). */
  readonly playback?: boolean;
  /** The datasource of one account: its own pool, behind the account's timeouts, retries and breaker. */
  createDatasource(account: Extract<AccountConfig, { provider: N }>, policy: UpstreamPolicy, observer?: UpstreamObserver): ProviderDatasource;
  /** The configured values of an account that must never reach a response or a log line (signing keys, API keys). */
  secretsOf(account: Extract<AccountConfig, { provider: N }>): readonly (string | undefined)[];
  /** The GraphQL type names of its global ids, in the order error messages list them. */
  readonly nodeTypes: Readonly<Record<string, NodeTypeSpec>>;
  readonly schema: ProviderSchema;
  /** Push notifications, where the provider sends them (absent: subscribers are served by polling). */
  readonly notifications?: ProviderNotifications;
}

/** How the provider posts its notifications to the gateway's receiver (src/events/receiver.ts). */
export interface ProviderNotifications {
  /** Body bytes and Content-Type → the delivery (or MalformedNotification). */
  readonly parse: NotificationParser;
  /** Points the account at the receiver: notification settings, or a webhook confirmed through `target`. */
  readonly configure: (source: ProviderDatasource, target: NotificationTarget) => Promise<NotificationSetup>;
}

/** Any one provider's descriptor (the registry's element: each keeps its own account type). */
export type AnyProviderDescriptor = { [N in ProviderName]: ProviderDescriptor<N> }[ProviderName];
