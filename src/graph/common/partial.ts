import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context';
import { VidmeshError } from '../../errors';

/**
 * Records one account's failure in a multi-account field: the field still answers with the other
 * accounts' data, and this error goes out beside it with the field's path (DESIGN §5).
 */
export function reportPartial(ctx: RequestContext, info: GraphQLResolveInfo, error: unknown): void {
  const base = error instanceof VidmeshError ? error : new VidmeshError('INTERNAL_SERVER_ERROR', 'internal error');
  ctx.partialErrors.push(new GraphQLError(base.message, { path: responsePathAsArray(info.path), extensions: base.extensions, originalError: base }));
}
