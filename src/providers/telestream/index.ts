import 'reflect-metadata'; // its schema classes carry decorators, and a provider may be loaded without the graph
import type { ProviderDescriptor } from '../descriptor';
import { PANDA_CAPABILITIES } from '../panda/datasource';
import { PandaVideoResolver } from '../panda/resolvers';
import { configureHmacQueryNotifications, parseHmacQueryNotification } from '../hmac-query';
import { TelestreamDatasource as Datasource } from './datasource';
import { TelestreamEncoding, TelestreamFactory, TelestreamNotifications, TelestreamProfile, TelestreamVideo } from './schema';
export { TelestreamClient, TELESTREAM_DEFAULT_BASE_URL, TELESTREAM_MAX_PER_PAGE, type EncodingFilter, type TelestreamAccountConfig } from './client';
export { TelestreamDatasource } from './datasource';
export type { TelestreamEncodingRecord, TelestreamFactoryRecord, TelestreamNotificationsRecord, TelestreamProfileRecord, TelestreamVideoRecord } from './map';
export { signTelestreamRequest, telestreamPairs, telestreamSdkUrl, telestreamSignedParams, type TelestreamCredentials, type TelestreamParams } from './sign';
export { TelestreamUploadSession, type UploadSessionInput, type UploadSource, type UploadStatus } from './upload';

/** Telestream's door (src/providers/descriptor.ts): Panda's API family, so Panda's field resolvers serve its types too. */
export const telestream: ProviderDescriptor<'telestream'> = {
  name: 'telestream',
  capabilities: PANDA_CAPABILITIES,
  createDatasource: (account, policy, observer) => new Datasource(account, policy, observer),
  secretsOf: (account) => [account.secretKey, account.notificationSecret],
  nodeTypes: { TelestreamVideo: { kind: 'video' }, TelestreamEncoding: { kind: 'encoding' }, TelestreamProfile: { kind: 'profile' }, TelestreamFactory: { kind: 'account' } },
  schema: {
    types: [TelestreamVideo, TelestreamEncoding, TelestreamProfile],
    resolvers: [PandaVideoResolver],
    accountDetails: TelestreamFactory,
    notifications: TelestreamNotifications,
  },
  notifications: { parse: parseHmacQueryNotification, configure: configureHmacQueryNotifications },
};
