export { decryptClientAuthToken, generateClientAuthToken, type ClientAuthToken, type ClientAuthTokenEntropy, type ClientAuthTokenOptions } from './auth-token';
export { ZiggeoClient, type ZiggeoAccountConfig, type ZiggeoClientOptions } from './client';
export { ZIGGEO_MAX_LIMIT, ZiggeoDatasource, type ZiggeoDatasourceOptions, type ZiggeoMediaTarget, type ZiggeoVideoInput } from './datasource';
export type { ZiggeoDownload } from './download';
export { basicAuthorization, ziggeoHosts, type FormArgs, type ZiggeoDialect, type ZiggeoHosts } from './encode';
export type { ZiggeoAuthTokenInput, ZiggeoVideoQuery, ZiggeoVideoUpdate } from './inputs';
export { parseStreamNativeId, streamNativeId, type ZiggeoAuthTokenRecord, type ZiggeoStreamRecord, type ZiggeoVideoRecord } from './map';
export type { PyValue } from './python';
export type { ZiggeoFile } from './upload';
