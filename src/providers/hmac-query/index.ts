export { canonicalQuery, compareCodePoints, escapeUnreserved, renderPair, type QueryPair } from './canonical';
export { canonicalPath, hmacSignature, isoTimestamp, signedHost, stringToSign, type SigningInput } from './sign';
export { signRequest, type SignedRequest, type SignRequestInput } from './request';
export { signatureTime, uniqueTimestamp } from './timestamp';
export { sdkUrl } from './url';
export { HmacQueryClient, type HmacMethod, type HmacQueryDialect } from './client';
export { parseHmacQueryNotification } from './notifications-in';
export { configureHmacQueryNotifications } from './notifications-setup';
