import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { VidmeshError } from '.';

/** Apollo's own request-level codes: all are the client's mistake (DESIGN §6 has one code for that). */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface ErrorFormatOptions {
  /** Values never to send: account secrets and API keys. Replaced by `[redacted]` wherever they appear. */
  readonly secrets?: readonly string[];
  /** Drop graphql-js "Did you mean …?" hints, which spell out the schema (with introspection off). */
  readonly hideSuggestions?: boolean;
  /** Where a masked error's cause is logged (redacted, no stack), with the request's id. */
  readonly logger?: MaskedErrorLogger;
}

/** The one logger method the formatter uses (pino's signature). */
export interface MaskedErrorLogger {
  error(fields: Record<string, unknown>, message: string): void;
}

const MAX_MESSAGE = 1000;

/** Query parameters that carry credentials or signatures in the providers' protocols. */
const SECRET_PARAMS = /\b(signature|access_key|api_key|apikey|secret|secret_key|private_key|auth|token|password|key)=([^&\s"'<>]*)/gi;
/** `scheme://user:password@host`: credentials in a URL. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@"'<>]+@/gi;
/** The query string of any URL. */
const URL_QUERY = /\b(https?:\/\/[^\s?#"'<>]+)\?[^\s#"'<>]*/gi;
/** An Authorization value, as a header line or JSON field: `Authorization: Basic dXNlcjpwYXNz`, `"authorization":"Bearer …"`. */
const AUTHORIZATION = /\b(authorization["']?\s*[:=]\s*["']?)((?:basic|bearer|digest|token)\s+)?[^\s"',;})\]]+/gi;
/** A bare Basic credential (base64 of `user:password`) or a long Bearer token outside a header line. */
const BASIC_CREDENTIAL = /\bBasic\s+([A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=])/g;
const BEARER_TOKEN = /\bBearer\s+(?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{16,}=*/g;
/** Any absolute URL: scheme, host and path of an upstream say where the gateway calls, and never go out in a provider's text. */
const ANY_URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
/** A stack trace, from its first frame on, should one reach a message (also JSON-escaped: `\\n    at`). */
const STACK_TAIL = /(?:\r?\n|(?:\\r)?\\n)\s*at [\s\S]*$/;
/** A lone stack frame: `at fn (/path/file.js:10:5)`, `at /path/file.js:10:5`, `at node:internal/x:1:2`. */
const STACK_FRAME = /\s*\bat (?:[^\s()]+(?: \[as [^\]]+\])? \([^()\s]+:\d+:\d+\)|(?:\/|file:|node:)[^\s()]+:\d+:\d+)/g;

/**
 * Removes what must never leave the gateway from a text: known secret values, credentials in URLs,
 * upstream query strings (they carry signatures), signature-like parameters and stack frames.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(STACK_TAIL, '').replace(STACK_FRAME, '');
  // longest first: a secret may contain a shorter one
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out
    .replace(URL_USERINFO, '$1[redacted]@')
    .replace(URL_QUERY, '$1?[redacted]')
    .replace(SECRET_PARAMS, '$1=[redacted]')
    .replace(AUTHORIZATION, '$1$2[redacted]')
    .replace(BASIC_CREDENTIAL, (whole, value: string) => (Buffer.from(value, 'base64').toString('latin1').includes(':') ? 'Basic [redacted]' : whole))
    .replace(BEARER_TOKEN, 'Bearer [redacted]');
}

/** `redactText`, and no URL at all: for text a provider wrote, which may name the upstream's scheme, host and path. */
export function redactProviderText(text: string, secrets: readonly string[] = []): string {
  return redactText(text, secrets).replace(ANY_URL, '[upstream URL]');
}

function redactValue(value: unknown, secrets: readonly string[], redact: typeof redactText = redactText): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, secrets, redact)]));
  }
  return value;
}

/** The error a client caused, under whatever Apollo wrapped it in (validation rules' errors are wrapped). */
function vidmeshErrorOf(error: unknown): VidmeshError | null {
  const original = unwrapResolverError(error);
  if (original instanceof VidmeshError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof VidmeshError) return original.originalError;
  return null;
}

/** The request id of errors Apollo met (told before it formats them), for the masked-error log line. */
const requestOfError = new WeakMap<object, string>();

/**
 * Notes that `errors` belong to request `requestId`: Apollo formats them without their context, and a
 * masked one's log line names the request. (A plugin's didEncounterErrors, which Apollo calls before it formats.)
 */
export function noteErrorsOfRequest(errors: readonly unknown[], requestId: string): void {
  for (const error of errors) if (typeof error === 'object' && error !== null) requestOfError.set(error, requestId);
}

function requestOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? requestOfError.get(error) : undefined;
}

/**
 * Error masking: VidmeshErrors go out with their own code; request errors become BAD_USER_INPUT;
 * anything else is an INTERNAL_SERVER_ERROR with no message, stack or URL of its own. Every message
 * and extension is redacted on the way out (defence in depth: providers' messages are scrubbed too).
 */
export function createErrorFormatter(options: ErrorFormatOptions = {}): (formatted: GraphQLFormattedError, error: unknown, requestId?: string) => GraphQLFormattedError {
  const secrets = [...new Set(options.secrets ?? [])];
  const clean = (message: string, redact: typeof redactText = redactText) => {
    const text = redact(message, secrets);
    const shown = options.hideSuggestions ? text.replace(/ ?Did you mean [^?]*\?/g, '') : text;
    // graphql-js quotes invalid values in full: a huge string must not come back whole
    return shown.length > MAX_MESSAGE ? `${shown.slice(0, MAX_MESSAGE)}…` : shown;
  };
  return (formatted, error, requestId = requestOf(error)) => {
    const base = { ...(formatted.locations && { locations: formatted.locations }), ...(formatted.path && { path: formatted.path }) };
    const own = vidmeshErrorOf(error);
    if (own !== null) {
      const { http: _http, ...extensions } = own.extensions as Record<string, unknown>;
      // a provider's error may quote its own URLs: none of them goes out
      const redact = typeof extensions.provider === 'string' ? redactProviderText : redactText;
      return { message: clean(own.message, redact), ...base, extensions: redactValue(extensions, secrets, redact) as Record<string, unknown> };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return { message: clean(formatted.message), ...base, extensions: { code: 'BAD_USER_INPUT', ...(code !== 'BAD_USER_INPUT' && { reason: code }) } };
    }
    // the client learns nothing; the operator must: the cause goes to the log, under the request's id
    options.logger?.error({ requestId, path: formatted.path?.join('.'), error: loggableError(unwrapResolverError(error), secrets) }, 'masked internal error');
    return { message: 'Internal server error', ...(formatted.path && { path: formatted.path }), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** What a log line may say about an error: its class, code and redacted message, never its stack. */
export function loggableError(error: unknown, secrets: readonly string[] = []): { type: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: redactText(String(error), secrets).slice(0, MAX_MESSAGE) };
  const code = (error as NodeJS.ErrnoException).code;
  return { type: error.name, message: redactText(error.message, secrets).slice(0, MAX_MESSAGE), ...(typeof code === 'string' && { code }) };
}
