import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getOperationAST,
  OperationTypeNode,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { QueryLimits } from '../config/schema';
import type { Principal } from '../context';
import { SUBSCRIPTION_ENDPOINTS } from '../graph/events/types';
import { badUserInput, VidmeshError } from '../errors';
import { operationCost } from '../security/complexity';
import { markWrongTransport } from './response-status';
import { noIntrospectionRule, queryShapeRule, tooComplex } from '../security/query-rules';

/** The longest subscription document (the JSON body limit of POST /graphql). */
const MAX_QUERY = 1024 * 1024;
/** Valid documents kept per schema and rules, and the longest kept: dashboards send a few documents many times. */
const CACHED_DOCUMENTS = 100;
const CACHED_QUERY_MAX = 16 * 1024;

/**
 * Documents that parsed and validated, by their text: every subscriber of a dashboard sends the same
 * one, so it is parsed and validated once and one AST serves them all (1,000 subscribers held 1,000
 * copies: bench/RESULTS.md, subscriptions). Oldest first out; invalid documents are not kept.
 */
const validDocuments = new WeakMap<GraphQLSchema, WeakMap<OperationRules, Map<string, DocumentNode>>>();

function cacheOf(schema: GraphQLSchema, rules: OperationRules): Map<string, DocumentNode> {
  let bySchema = validDocuments.get(schema);
  if (bySchema === undefined) validDocuments.set(schema, (bySchema = new WeakMap<OperationRules, Map<string, DocumentNode>>()));
  let cache = bySchema.get(rules);
  if (cache === undefined) bySchema.set(rules, (cache = new Map<string, DocumentNode>()));
  return cache;
}

/** Parsed and validated with the query rules, or the errors (BAD_USER_INPUT for a document that does not parse). */
function validDocument(schema: GraphQLSchema, rules: OperationRules, query: string): DocumentNode | readonly GraphQLError[] {
  const cache = cacheOf(schema, rules);
  const known = cache.get(query);
  if (known !== undefined) return known;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return [badUserInput(error instanceof Error ? error.message : 'the query does not parse')];
  }
  const errors = validate(schema, document, [...specifiedRules, queryShapeRule(rules.limits), ...(rules.introspection ? [] : [noIntrospectionRule])]);
  if (errors.length > 0) return errors.map(asClientError);
  if (query.length <= CACHED_QUERY_MAX) {
    cache.set(query, document);
    if (cache.size > CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
  }
  return document;
}

export interface SubscriptionRequest {
  readonly query?: unknown;
  readonly operationName?: unknown;
  readonly variables?: unknown;
}

export interface PreparedSubscription {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
}

export interface OperationRules {
  readonly limits: QueryLimits;
  readonly introspection: boolean;
}

export const isPrepared = (x: PreparedSubscription | readonly GraphQLError[]): x is PreparedSubscription => !Array.isArray(x);

const isErrorList = (x: DocumentNode | readonly GraphQLError[]): x is readonly GraphQLError[] => Array.isArray(x);

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** graphql-js validation errors become the client's mistake (the formatter keeps our rules' own codes). */
function asClientError(error: GraphQLError): GraphQLError {
  if (error instanceof VidmeshError || error.originalError instanceof VidmeshError) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
}

/**
 * A subscription document checked as queries are (DESIGN §8): parsed, validated with the same rules
 * (depth, aliases, root fields, introspection) and costed with the same estimator, before any
 * resolver runs. Queries and mutations are refused here: they go over POST /graphql.
 */
export function prepareSubscription(schema: GraphQLSchema, rules: OperationRules, request: SubscriptionRequest): PreparedSubscription | readonly GraphQLError[] {
  const { limits } = rules;
  if (typeof request.query !== 'string' || request.query.length === 0) return [badUserInput('a subscription needs `query`, the GraphQL document')];
  if (request.query.length > MAX_QUERY) return [badUserInput(`query over ${MAX_QUERY} characters`)];
  if (request.operationName != null && typeof request.operationName !== 'string') return [badUserInput('`operationName` must be a string')];
  if (request.variables != null && !isRecord(request.variables)) return [badUserInput('`variables` must be an object')];
  const operationName = (request.operationName as string | null | undefined) ?? undefined;
  const variables = (request.variables as Record<string, unknown> | null | undefined) ?? undefined;
  const document = validDocument(schema, rules, request.query);
  if (isErrorList(document)) return document;
  const operation = getOperationAST(document, operationName);
  if (!operation) return [badUserInput(operationName ? `no operation named "${operationName}"` : 'several operations: name one in `operationName`')];
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION)
    return [badUserInput(`only subscriptions are served here; send ${operation.operation === OperationTypeNode.QUERY ? 'queries' : 'mutations'} with POST /graphql`)];
  let cost: number;
  try {
    cost = operationCost(schema, limits, document, operationName, variables);
  } catch (error) {
    if (error instanceof VidmeshError) return [error];
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) {
      return [tooComplex('maxComplexity', limits.maxComplexity, `query expands to more than ${limits.maxComplexity} fields`)];
    }
    // variables that do not coerce: execution reports them as BAD_USER_INPUT
    cost = 0;
  }
  if (cost > limits.maxComplexity) {
    return [tooComplex('maxComplexity', limits.maxComplexity, `query cost ${cost} is over the limit: lists count once per item they may hold (\`first\`/\`last\`)`)];
  }
  return { document, operation, operationName, variables };
}

/** Identities of documents (one AST per valid text: validDocument) and principals (one object per API key). */
const identities = new WeakMap<object, number>();
let lastIdentity = 0;
function identityOf(object: object): number {
  let id = identities.get(object);
  if (id === undefined) identities.set(object, (id = ++lastIdentity));
  return id;
}
/** Longer keys are kept as their digest: every subscriber holds its own. */
const AUDIENCE_KEY_MAX = 256;

/**
 * What a subscription's results depend on besides the event: the document and operation, the
 * variables as sent, the principal (its accounts scope what resolves; its name is in download links)
 * and what the request's download links are made of (Host and X-Forwarded-Proto:
 * http/downloads.ts requestOrigin). Subscriptions with equal audiences get equal results, so they
 * execute each event once (graph/events/shared-results.ts).
 */
export function audienceOf(prepared: PreparedSubscription, principal: Principal, headers: IncomingHttpHeaders): string {
  const key = JSON.stringify([
    identityOf(prepared.document),
    prepared.operationName ?? null,
    prepared.variables ?? null,
    identityOf(principal),
    headers.host ?? null,
    headers['x-forwarded-proto'] ?? null,
  ]);
  return key.length <= AUDIENCE_KEY_MAX ? key : createHash('sha256').update(key).digest('base64url');
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Errors of a subscription result masked and redacted as every other answer's (src/errors/format.ts). */
export function formatResult(result: ExecutionResult, formatError: FormatError): FormattedExecutionResult {
  if (!result.errors?.length) return result as FormattedExecutionResult;
  return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } as FormattedExecutionResult;
}

/**
 * A subscription sent as a plain POST (or GET) is refused before execution with BAD_USER_INPUT (HTTP
 * 400) naming the endpoints that serve it: Apollo has no transport for them.
 */
export function subscriptionsOverHttpPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
            markWrongTransport(request.http);
            throw new VidmeshError('BAD_USER_INPUT', `subscriptions are not served over plain HTTP requests: ${SUBSCRIPTION_ENDPOINTS}`, { httpStatus: 400 });
          }
        },
      };
    },
  };
}
