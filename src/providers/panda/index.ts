export { PandaClient, PANDA_DEFAULT_BASE_URL, PANDA_MAX_PER_PAGE } from './client';
export { PandaDatasource, type ProfileOptions } from './datasource';
export type {
  PandaCloudRecord,
  PandaEncodingRecord,
  PandaNotificationEvents,
  PandaNotificationsRecord,
  PandaProfileRecord,
  PandaVideoRecord,
} from './map';
export { signPandaRequest, pandaSdkUrl, signedParamsMap, type PandaCredentials } from './sign';
