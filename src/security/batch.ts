import type { QueryLimits } from '../config/schema';
import { badUserInput, type VidmeshError } from '../errors';
import { tooComplex } from './query-rules';

/**
 * A JSON array body is a batch of operations (Apollo's batching convention). Refused before any
 * operation runs: empty (BAD_USER_INPUT) or longer than `maxBatchedOperations` (QUERY_TOO_COMPLEX).
 */
export function checkBatch(body: readonly unknown[], limits: QueryLimits): VidmeshError | null {
  if (body.length === 0) return badUserInput('an empty batch: send one operation object or an array of them');
  if (body.length > limits.maxBatchedOperations) {
    return tooComplex('maxBatchedOperations', limits.maxBatchedOperations, `a batch of ${body.length} operations`);
  }
  return null;
}
