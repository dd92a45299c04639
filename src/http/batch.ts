import type { ServerResponse } from 'node:http';
import type { HTTPGraphQLResponse } from '@apollo/server';
import type { QueryLimits } from '../config/schema';
import type { VidmeshError } from '../errors';
import type { RequestScope } from '../observability/request-scope';
import { checkBatch } from '../security/batch';
import { errorBody, sendComplete } from './errors';
import { scopeOf } from './request-log';

/** One operation's answer as JSON text, a batch element (the schema has no @defer: answers are complete). */
function completeBody(response: HTTPGraphQLResponse, scope: RequestScope | undefined): string {
  if (response.body.kind === 'complete') return response.body.string;
  return JSON.stringify(errorBody('incremental delivery is not offered in a batch', 'BAD_USER_INPUT', scope));
}

/**
 * A batch (a JSON array body): each operation runs with its own context (loaders, partial errors),
 * at most `maxBatchedOperations`, their costs summed (security/batch-cost.ts); the answers go out
 * together, in order.
 */
export async function sendBatch(
  res: ServerResponse,
  operations: readonly unknown[],
  limits: QueryLimits,
  execute: (operation: unknown, index: number) => Promise<HTTPGraphQLResponse>,
  refuse: (error: VidmeshError) => void,
): Promise<void> {
  const refused = checkBatch(operations, limits);
  if (refused) return refuse(refused);
  const parts = await Promise.all(operations.map(async (one, index) => completeBody(await execute(one, index), scopeOf(res))));
  sendComplete(res, 200, { 'content-type': 'application/json; charset=utf-8' }, `[${parts.join(',')}]`);
}
