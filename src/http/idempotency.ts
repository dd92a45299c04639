import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import { OperationTypeNode, print } from 'graphql';
import { Upload } from 'graphql-upload-minimal';
import type { RequestContext } from '../context';
import { VidmeshError } from '../errors';
import type { IdempotencyLedger, IdempotencyLease, StoredResult } from '../state/idempotency';
import type { FormatError } from './errors';

/** The header (Stripe's and the IETF draft's name); its value is the client's, 1–255 visible ASCII characters. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/** Variables as canonical JSON: object keys sorted, a file as a marker (its bytes are not known yet). */
function canonical(value: unknown): unknown {
  if (value instanceof Upload) return { $file: true };
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The operation as the key promises it: the document (printed: whitespace and comments do not count), its name, its variables. */
function fingerprintOf(ctx: GraphQLRequestContext<RequestContext>): string {
  const document = ctx.document ? print(ctx.document) : (ctx.source ?? '');
  return createHash('sha256')
    .update(JSON.stringify([document, ctx.operationName ?? null, canonical(ctx.request.variables ?? {})]))
    .digest('base64url');
}

/** Something was applied: a root field answered (nullable mutation fields keep the applied ones beside the failed). */
function applied(body: GraphQLResponse['body']): boolean {
  if (body.kind !== 'single') return false;
  const data = body.singleResult.data;
  return data != null && Object.values(data).some((value) => value !== null);
}

/**
 * `Idempotency-Key` on a mutation (every creating one — createVideo, uploadVideo, createEncoding,
 * createProfile, createUploadTicket, createZiggeoVideo/Stream/AuthToken, … — and any other): the
 * same key and principal within 24 h answers the first result again without running the operation
 * (the provider is not called; the answer carries `Idempotent-Replayed: true`). One mechanism for
 * every mutation, keyed by the operation (document, name, variables): the same key for another
 * operation or other arguments is BAD_USER_INPUT; while the first still runs a repeat waits for it,
 * then is RATE_LIMITED (409, Retry-After). A first use that applied nothing (every root field failed)
 * frees the key, so a retry runs again. Queries ignore the header.
 */
export function idempotencyPlugin(ledger: IdempotencyLedger, formatError: FormatError): ApolloServerPlugin<RequestContext> {
  const refusal = (error: VidmeshError, status: number, headers: [string, string][] = []): GraphQLResponse => ({
    http: { status, headers: new HeaderMap(headers) },
    body: { kind: 'single', singleResult: { errors: [formatError(error.toJSON(), error)] } },
  });
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (key === undefined) return;
      let lease: IdempotencyLease | null = null;
      return {
        async responseForOperation(ctx) {
          if (ctx.operation?.operation !== OperationTypeNode.MUTATION) return null;
          if (!KEY_SHAPE.test(key)) {
            return refusal(
              new VidmeshError('BAD_USER_INPUT', 'Idempotency-Key: 1 to 255 visible ASCII characters (a UUID is a good one)', { extra: { field: 'Idempotency-Key' } }),
              400,
            );
          }
          let claim;
          try {
            claim = await ledger.claim(ctx.contextValue.principal.name ?? '', key, fingerprintOf(ctx));
          } catch (error) {
            const unavailable = error instanceof VidmeshError ? error : new VidmeshError('STATE_UNAVAILABLE', 'the shared state store is unavailable; try again shortly');
            return refusal(unavailable, 503, [['retry-after', '1']]);
          }
          switch (claim.kind) {
            case 'claimed':
              lease = claim.lease;
              return null;
            case 'replay':
              return {
                http: { status: claim.result.status, headers: new HeaderMap([['idempotent-replayed', 'true']]) },
                body: { kind: 'single', singleResult: claim.result.body as never },
              };
            case 'mismatch':
              return refusal(
                new VidmeshError('BAD_USER_INPUT', 'this Idempotency-Key was used for another operation or other arguments: use a new key for a new operation', {
                  extra: { field: 'Idempotency-Key' },
                }),
                400,
              );
            case 'busy':
              return refusal(
                new VidmeshError('RATE_LIMITED', 'an operation with this Idempotency-Key is still in progress: retry in a moment to get its result', {
                  extra: { retryAfterSeconds: 1 },
                }),
                409,
                [['retry-after', '1']],
              );
          }
        },
        async willSendResponse({ response }) {
          if (lease === null) return;
          // read now, before any await: later plugins may still change the response
          const result: StoredResult | null =
            applied(response.body) && response.body.kind === 'single' ? { status: response.http.status ?? 200, body: response.body.singleResult } : null;
          const held = lease;
          lease = null;
          // the answer goes out whatever the store says; a result not stored frees the key when its lease runs out
          await held.finish(result ? (JSON.parse(JSON.stringify(result)) as StoredResult) : null).catch(() => undefined);
        },
      };
    },
  };
}
