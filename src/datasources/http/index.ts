export { DEFAULT_TIMEOUTS, UpstreamClient, type HttpTimeouts, type UpstreamObserver, type UpstreamRequest, type UpstreamResponse } from './client';
export { codeForStatus, providerError, transportError, type UpstreamTarget } from './errors';
