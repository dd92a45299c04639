import { GraphQLError } from 'graphql';

/** The error codes of DESIGN §6, carried in `extensions.code`. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'UNSUPPORTED_BY_PROVIDER',
  'PROVIDER_AUTH_FAILED',
  'PROVIDER_REJECTED',
  'PROVIDER_UNAVAILABLE',
  'RATE_LIMITED',
  'UPLOAD_TOO_LARGE',
  'QUERY_TOO_COMPLEX',
  /** The shared state store (Redis) cannot be reached or did not answer in time; names no host. */
  'STATE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetails {
  /** The vidmesh account id the error concerns. */
  readonly account?: string;
  readonly provider?: string;
  /** HTTP status for errors that decide the whole response (401 for UNAUTHENTICATED). */
  readonly httpStatus?: number;
  /** Extra machine-readable fields (e.g. `field`, `retryAfterSeconds`, `providerError`). */
  readonly extra?: Readonly<Record<string, string | number | boolean | null>>;
}

/** The one error family: every error a client sees is a VidmeshError with a DESIGN §6 code. */
export class VidmeshError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, {
      extensions: {
        code,
        ...(details.account !== undefined && { account: details.account }),
        ...(details.provider !== undefined && { provider: details.provider }),
        ...details.extra,
        ...(details.httpStatus !== undefined && { http: { status: details.httpStatus } }),
      },
    });
    this.code = code;
    this.name = 'VidmeshError';
  }
}

export const badUserInput = (message: string, extra?: ErrorDetails['extra']): VidmeshError => new VidmeshError('BAD_USER_INPUT', message, { extra });

export const notFound = (message: string, details: ErrorDetails = {}): VidmeshError => new VidmeshError('NOT_FOUND', message, details);

export const unsupported = (operation: string, account: string, provider: string): VidmeshError =>
  new VidmeshError('UNSUPPORTED_BY_PROVIDER', `${provider} does not support ${operation}`, { account, provider });
