export { TelestreamClient, TELESTREAM_DEFAULT_BASE_URL, TELESTREAM_MAX_PER_PAGE, type EncodingFilter, type TelestreamAccountConfig } from './client';
export { TelestreamDatasource } from './datasource';
export type { TelestreamEncodingRecord, TelestreamFactoryRecord, TelestreamNotificationsRecord, TelestreamProfileRecord, TelestreamVideoRecord } from './map';
export { signTelestreamRequest, telestreamPairs, telestreamSdkUrl, telestreamSignedParams, type TelestreamCredentials, type TelestreamParams } from './sign';
export { TelestreamUploadSession, type UploadSessionInput, type UploadSource, type UploadStatus } from './upload';
