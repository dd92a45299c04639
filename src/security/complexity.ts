import type { ApolloServerPlugin } from '@apollo/server';
import { getNullableType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { QueryLimits } from '../config/schema';
import { VidmeshError } from '../errors';
import { tooComplex } from './query-rules';

/** A connection's page size: `first` or `last`, whichever is larger; undefined when it takes neither. */
function pageSize(args: Record<string, unknown>): number | undefined {
  const sizes = [args.first, args.last].filter((n): n is number => typeof n === 'number');
  return sizes.length === 0 ? undefined : Math.max(0, ...sizes);
}

/**
 * Every field costs 1 plus what it selects; a field taking `first`/`last` (a connection) costs its
 * selection that many times; the `edges`/`nodes` lists inside a connection are already counted by it;
 * a list given as an argument (`nodes(ids)`) costs its selection once per item; any other list
 * `listWeight` times, its size being unknown beforehand.
 */
export function connectionEstimator(listWeight: number): ComplexityEstimator {
  return ({ field, args, childComplexity, type }) => {
    const size = pageSize(args);
    if (size !== undefined) return 1 + size * childComplexity;
    if (!isListType(getNullableType(field.type))) return 1 + childComplexity;
    if (/(Connection|Edge)$/.test(type.name)) return 1 + childComplexity;
    const listArg = Object.values(args).find((value): value is unknown[] => Array.isArray(value));
    return 1 + (listArg ? listArg.length : listWeight) * childComplexity;
  };
}

/** The cost of one operation with its variables (defaults applied, `@skip`/`@include` honoured). */
export function operationCost(
  schema: GraphQLSchema,
  limits: QueryLimits,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [connectionEstimator(limits.listWeight)],
    maxQueryNodes: limits.maxComplexity,
  });
}

/**
 * Costs already computed, per parsed document (Apollo keeps one DocumentNode per distinct query), by
 * operation name and variables: a repeated request costs a map lookup instead of a walk of its query.
 */
class CostCache {
  private static readonly MAX_KEY = 2048;
  private static readonly MAX_PER_DOCUMENT = 64;
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number>>();

  cost(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined, compute: () => number): number {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    if (key.length > CostCache.MAX_KEY) return compute();
    let costs = this.byDocument.get(document);
    const known = costs?.get(key);
    if (known !== undefined) return known;
    const cost = compute();
    if (costs === undefined) this.byDocument.set(document, (costs = new Map<string, number>()));
    if (costs.size >= CostCache.MAX_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
    return cost;
  }
}

/**
 * Complexity needs the variables (`first: $n`), which validation rules do not see: checked once the
 * operation is resolved, still before execution, so a query over budget makes no upstream call.
 * `spend` then gets the cost of an operation within the limit (0 when it cannot be known), still
 * before execution: the key's budget and the batch's sum (batch-cost.ts); it throws to refuse.
 */
export function complexityPlugin<T extends object>(limits: QueryLimits, spend?: (cost: number, context: T) => Promise<void>): ApolloServerPlugin<T> {
  const cache = new CostCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request, contextValue }) {
          let cost: number;
          try {
            const name = operationName ?? undefined;
            cost = cache.cost(document, name, request.variables, () => operationCost(schema, limits, document, name, request.variables));
          } catch (error) {
            if (error instanceof VidmeshError) throw error;
            // the library gives up past maxQueryNodes selections (fragments spread in fragments)
            if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) {
              throw tooComplex('maxComplexity', limits.maxComplexity, `query expands to more than ${limits.maxComplexity} fields`);
            }
            // variables that do not coerce: execution reports them as BAD_USER_INPUT before any resolver
            return spend?.(0, contextValue);
          }
          if (cost > limits.maxComplexity) {
            throw tooComplex('maxComplexity', limits.maxComplexity, `query cost ${cost} is over the limit: lists count once per item they may hold (\`first\`/\`last\`)`);
          }
          await spend?.(cost, contextValue);
        },
      };
    },
  };
}
