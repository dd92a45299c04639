import { errors as undiciErrors } from 'undici';
import { VidmeshError, type ErrorCode } from '../errors';

/** Who an upstream call was for: every provider error carries both (DESIGN §6). */
export interface UpstreamTarget {
  readonly account: string;
  readonly provider: string;
}

export function providerError(target: UpstreamTarget, code: ErrorCode, message: string, extra?: Record<string, string | number | boolean | null>): VidmeshError {
  return new VidmeshError(code, `${target.provider} account "${target.account}": ${message}`, {
    account: target.account,
    provider: target.provider,
    extra,
  });
}

/** Maps a transport failure to PROVIDER_UNAVAILABLE with a reason that names no URL. */
export function transportError(target: UpstreamTarget, error: unknown): VidmeshError {
  if (error instanceof VidmeshError) return error;
  return providerError(target, 'PROVIDER_UNAVAILABLE', `upstream ${transportReason(error)}`);
}

function transportReason(error: unknown): string {
  if (error instanceof undiciErrors.ConnectTimeoutError) return 'connect timeout';
  if (error instanceof undiciErrors.HeadersTimeoutError) return 'response timeout';
  if (error instanceof undiciErrors.BodyTimeoutError) return 'response body timeout';
  if (error instanceof undiciErrors.ResponseExceededMaxSizeError) return 'response too large';
  if (error instanceof undiciErrors.RequestAbortedError) return 'request aborted';
  if (error instanceof undiciErrors.SocketError) return 'connection closed unexpectedly';
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  return 'request failed';
}

/** Default mapping of an upstream HTTP status, for providers whose body says nothing more precise. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'PROVIDER_AUTH_FAILED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'PROVIDER_UNAVAILABLE';
  return 'PROVIDER_REJECTED';
}
