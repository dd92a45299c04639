import type { ServerResponse } from 'node:http';
import type { HTTPGraphQLResponse } from '@apollo/server';
import type { QueryLimits } from '../config/schema';
import type { VidmeshError } from '../errors';
import { checkBatch } from '../security/batch';
import { errorBody, sendComplete } from './errors';

/** One operation's answer as JSON text, a batch element (the schema has no @defer: answers are complete). */
function completeBody(response: HTTPGraphQLResponse): string {
  if (response.body.kind === 'complete') return response.body.string;
  return JSON.stringify(errorBody('incremental delivery is not offered in a batch', 'BAD_USER_INPUT'));
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
  const parts = await Promise.all(operations.map(async (one, index) => completeBody(await execute(one, index))));
  sendComplete(res, 200, { 'content-type': 'application/json; charset=utf-8' }, `[${parts.join(',')}]`);
}
