import { createUnionType } from 'type-graphql';
import { resolveKind } from '../common/node';
import { DailymotionUser } from '../../providers/dailymotion/schema';
import { PandaCloud, PandaNotifications } from '../../providers/panda/schema';
import { TelestreamFactory, TelestreamNotifications } from '../../providers/telestream/schema';

/** Provider-specific results: each provider adds its type here. */

export const AccountDetails = createUnionType({
  name: 'AccountDetails',
  description: 'The provider’s own description of an account (Panda cloud, Telestream factory, Dailymotion user, …).',
  types: () => [PandaCloud, TelestreamFactory, DailymotionUser] as const,
  resolveType: resolveKind,
});

export const Notifications = createUnionType({
  name: 'Notifications',
  description: 'An account’s notification (webhook) settings, in the provider’s terms.',
  types: () => [PandaNotifications, TelestreamNotifications] as const,
  resolveType: resolveKind,
});
