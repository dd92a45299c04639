import 'reflect-metadata'; // its schema classes carry decorators, and a provider may be loaded without the graph
import type { ProviderDescriptor } from '../descriptor';
import { ZIGGEO_CAPABILITIES, ZiggeoDatasource as Datasource } from './datasource';
import { ZiggeoAuthTokenResolver } from './auth-token-resolvers';
import { asZiggeo } from './lookup';
import { parseZiggeoNotification } from './notifications-in';
import { configureZiggeoNotifications } from './webhooks';
import { ZiggeoMutations } from './mutations';
import { ZiggeoStreamResolver, ZiggeoVideoResolver } from './resolvers';
import { ZiggeoAuthToken, ZiggeoStream, ZiggeoVideo } from './schema';
export { decryptClientAuthToken, generateClientAuthToken, type ClientAuthToken, type ClientAuthTokenEntropy, type ClientAuthTokenOptions } from './auth-token';
export { ZiggeoClient, type ZiggeoAccountConfig, type ZiggeoClientOptions } from './client';
export { ZIGGEO_MAX_LIMIT, ZiggeoDatasource, type ZiggeoDatasourceOptions, type ZiggeoMediaTarget, type ZiggeoVideoInput } from './datasource';
export type { ZiggeoDownload } from './download';
export { basicAuthorization, ziggeoHosts, type FormArgs, type ZiggeoDialect, type ZiggeoHosts } from './encode';
export type { ZiggeoAuthTokenInput, ZiggeoVideoQuery, ZiggeoVideoUpdate } from './inputs';
export { parseStreamNativeId, streamNativeId, type ZiggeoAuthTokenRecord, type ZiggeoStreamRecord, type ZiggeoVideoRecord } from './map';
export type { PyValue } from './python';
export type { ZiggeoFile } from './upload';

export { asZiggeo } from './lookup';

/** Ziggeo's door (src/providers/descriptor.ts). */
export const ziggeo: ProviderDescriptor<'ziggeo'> = {
  name: 'ziggeo',
  capabilities: ZIGGEO_CAPABILITIES,
  createDatasource: (account, policy, observer) => new Datasource(account, policy, observer),
  secretsOf: (account) => [account.privateKey, account.encryptionKey, account.notificationSecret],
  nodeTypes: {
    ZiggeoVideo: { kind: 'video' },
    ZiggeoStream: { kind: 'encoding' },
    ZiggeoAuthToken: { kind: 'other', load: (source, nativeId) => asZiggeo(source).getAuthToken(nativeId) },
  },
  schema: { types: [ZiggeoVideo, ZiggeoStream, ZiggeoAuthToken], resolvers: [ZiggeoVideoResolver, ZiggeoStreamResolver, ZiggeoMutations, ZiggeoAuthTokenResolver] },
  notifications: { parse: parseZiggeoNotification, configure: configureZiggeoNotifications },
};
