import type { ServerResponse } from 'node:http';
import type { ErrorCode, VidmeshError } from '../errors';
import type { createErrorFormatter } from '../errors/format';
import { noteErrorCode, type RequestScope } from '../observability/request-scope';
import { scopeOf } from './request-log';

/** A request the front answers itself, before GraphQL runs: its HTTP status and DESIGN §6 code. */
export interface Refusal {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
}

export type FormatError = ReturnType<typeof createErrorFormatter>;

/**
 * A whole answer in one write: with its Content-Length, Node sends the head and the body together
 * (one `write` of one string); after a bare writeHead it would use chunked encoding, a writev of
 * head, chunk size, body and terminator, and the client parses the chunk framing.
 */
export function sendComplete(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendComplete(res, status, { 'content-type': 'application/json; charset=utf-8', ...headers }, JSON.stringify(body));
}

/** A GraphQL-shaped error body; the code is counted in the log line and metrics of the request `scope` is (absent: none). */
export function errorBody(message: string, code: string, scope: RequestScope | undefined): { errors: { message: string; extensions: { code: string } }[] } {
  noteErrorCode(scope, code);
  return { errors: [{ message, extensions: { code } }] };
}

export function sendRefusal(res: ServerResponse, refusal: Refusal, headers: Record<string, string> = {}): void {
  sendJson(res, refusal.status, errorBody(refusal.message, refusal.code, scopeOf(res)), headers);
}

/** A VidmeshError refused before Apollo sees the request (authentication, batch size), formatted like every other error. */
export function errorSender(formatError: FormatError): (res: ServerResponse, error: VidmeshError, headers?: Record<string, string>) => void {
  return (res, error, headers = {}) => {
    const scope = scopeOf(res);
    noteErrorCode(scope, error.code);
    const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
    sendJson(res, status, { errors: [formatError(error.toJSON(), error, scope?.requestId)] }, headers);
  };
}
