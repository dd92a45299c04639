import 'reflect-metadata'; // its schema classes carry decorators, and a provider may be loaded without the graph
import type { ProviderDescriptor } from '../descriptor';
import { PANDA_CAPABILITIES, PandaDatasource as Datasource } from './datasource';
import { configureHmacQueryNotifications, parseHmacQueryNotification } from '../hmac-query';
import { PandaVideoResolver } from './resolvers';
import { PandaCloud, PandaEncoding, PandaNotifications, PandaProfile, PandaVideo } from './schema';
export { PandaClient, PANDA_DEFAULT_BASE_URL, PANDA_MAX_PER_PAGE } from './client';
export { PandaDatasource, type ProfileOptions } from './datasource';
export type { PandaCloudRecord, PandaEncodingRecord, PandaNotificationEvents, PandaNotificationsRecord, PandaProfileRecord, PandaVideoRecord } from './map';
export { signPandaRequest, pandaSdkUrl, signedParamsMap, type PandaCredentials } from './sign';

export { PandaVideoResolver } from './resolvers';

/** Panda's door (src/providers/descriptor.ts). */
export const panda: ProviderDescriptor<'panda'> = {
  name: 'panda',
  capabilities: PANDA_CAPABILITIES,
  createDatasource: (account, policy, observer) => new Datasource(account, policy, observer),
  secretsOf: (account) => [account.secretKey, account.notificationSecret],
  nodeTypes: { PandaVideo: { kind: 'video' }, PandaEncoding: { kind: 'encoding' }, PandaProfile: { kind: 'profile' }, PandaCloud: { kind: 'account' } },
  schema: { types: [PandaVideo, PandaEncoding, PandaProfile], resolvers: [PandaVideoResolver], accountDetails: PandaCloud, notifications: PandaNotifications },
  notifications: { parse: parseHmacQueryNotification, configure: configureHmacQueryNotifications },
};
