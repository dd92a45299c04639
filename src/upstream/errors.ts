import { errors as undiciErrors } from 'undici';
import { VidmeshError, type ErrorCode } from '../errors';
import { redactProviderText } from '../errors/format';
import { DeadlineExceeded } from './deadline';
import type { AttemptProgress } from './progress';
import { clampRetryAfterSeconds } from './retry';

/** Who an upstream call was for: every provider error carries both (DESIGN §6). */
export interface UpstreamTarget {
  readonly account: string;
  readonly provider: string;
}

/**
 * A provider's failure as the client will see it. Its text may quote the provider, so it is
 * redacted here already (no URL, credential or signature), and a Retry-After hint is a sane
 * number of seconds or left out.
 */
export function providerError(target: UpstreamTarget, code: ErrorCode, message: string, extra?: Record<string, string | number | boolean | null>): VidmeshError {
  return new VidmeshError(code, `${target.provider} account "${target.account}": ${redactProviderText(message)}`, {
    account: target.account,
    provider: target.provider,
    extra: extra && cleanExtra(extra),
  });
}

function cleanExtra(extra: Record<string, string | number | boolean | null>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(extra)) {
    if (key === 'retryAfterSeconds') {
      const seconds = typeof value === 'number' ? clampRetryAfterSeconds(value) : null;
      if (seconds !== null) out[key] = seconds;
    } else out[key] = typeof value === 'string' ? redactProviderText(value) : value;
  }
  return out;
}

/** Maps a transport failure to PROVIDER_UNAVAILABLE with a reason that names no URL. */
export function transportError(target: UpstreamTarget, error: unknown): VidmeshError {
  if (error instanceof VidmeshError) return error;
  return providerError(target, 'PROVIDER_UNAVAILABLE', `upstream ${transportReason(error)}`);
}

/**
 * A failed attempt's error. A deadline is named by how far the attempt got (still queued for a
 * socket, sending, waiting for the answer, reading it); a request body whose own source failed (the
 * client went away mid-upload) is the upload's failure, not the provider's; anything else is the
 * transport's.
 */
/** What an upload whose own body failed says (the client went away, the drain cut it, its file could not be read). */
export const SOURCE_FAILED_MESSAGE = 'the upload stopped before its last byte (the client went away or its file could not be read)';

export function attemptError(target: UpstreamTarget, error: unknown, progress: AttemptProgress): VidmeshError {
  if (error instanceof VidmeshError) return error;
  if (error instanceof DeadlineExceeded) return providerError(target, 'PROVIDER_UNAVAILABLE', `upstream ${deadlineReason(progress)} (deadline ${seconds(error.ms)})`);
  if (progress.sourceFailed) return providerError(target, 'BAD_USER_INPUT', SOURCE_FAILED_MESSAGE);
  return transportError(target, error);
}

function deadlineReason(progress: AttemptProgress): string {
  if (!progress.dispatched) return 'timeout waiting for a free connection';
  if (!progress.bodySent) return 'timeout while sending the request';
  return progress.answered ? 'response body timeout' : 'response timeout';
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1))}s`;

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
