import type { ProviderName } from '../config';
import type { NotificationParser } from '../events/receiver-types';
import type { AnyProviderDescriptor, ProviderDescriptor } from './descriptor';
import { panda } from './panda';
import { telestream } from './telestream';
import { ziggeo } from './ziggeo';
import { dailymotion } from './dailymotion';

export type { AnyProviderDescriptor, NodeKind, NodeTypeSpec, ProviderDescriptor, ProviderSchema } from './descriptor';

/**
 * Every provider vidmesh federates: adding one is its folder plus one line here
 * (docs/ADDING_A_PROVIDER.md). The order is the order error messages list types in.
 */
export const PROVIDERS: readonly AnyProviderDescriptor[] = [panda, telestream, ziggeo, dailymotion];

/** Each pushing provider's notification parser, by provider name (for the receiver route). */
export function notificationParsers(): Partial<Record<ProviderName, NotificationParser>> {
  return Object.fromEntries(PROVIDERS.flatMap((p) => (p.notifications ? [[p.name, p.notifications.parse]] : [])));
}

/** The descriptor of a configured provider name. */
export function providerNamed<N extends ProviderName>(name: N): ProviderDescriptor<N> {
  // the registry holds one descriptor per name, each typed for its own accounts
  const provider = PROVIDERS.find((p) => p.name === name) as ProviderDescriptor<N> | undefined;
  if (provider === undefined) throw new Error(`unknown provider in ${JSON.stringify(name)}`);
  return provider;
}
