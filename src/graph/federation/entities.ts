import { isInterfaceType, isUnionType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../../context';
import { fromGlobalId } from '../../domain/ids';
import { badUserInput } from '../../errors';
import { accountOf } from '../account/resolvers';
import { operationSelection } from '../common/selection';
import { loadNode } from '../node/lookup';

/** What a router sends for one entity: its type and its key fields. */
interface Representation {
  readonly __typename: string;
  readonly id?: unknown;
}

type ReferenceResolver = (reference: Representation, ctx: RequestContext) => Promise<unknown>;

/** Entities whose `id` is a Relay global id; `Account` is keyed by its configured id. */
export const GLOBAL_ID_ENTITIES = ['Video', 'Encoding', 'Profile'] as const;
export const ACCOUNT_ENTITY = 'Account';

function keyOf(reference: Representation): string {
  if (typeof reference.id !== 'string') throw badUserInput(`a ${reference.__typename} representation needs a string "id"`, { field: 'representations' });
  return reference.id;
}

/**
 * Loads an entity of an id-keyed interface (or one of its object types) through the request's
 * loaders, as `nodes` does: one upstream batch per account, API-key scoping (NOT_FOUND), and an id
 * of another type is BAD_USER_INPUT. Async, so a failure is that representation's error only.
 */
const byGlobalId =
  (types: readonly string[]): ReferenceResolver =>
  async (reference, ctx) => {
    const id = keyOf(reference);
    fromGlobalId(id, types);
    return loadNode(ctx, id);
  };

const byAccountId: ReferenceResolver = async (reference, ctx) => accountOf(ctx.account(keyOf(reference)));

/**
 * `__resolveReference` for every entity: each id-keyed interface and each of its object types (a
 * subgraph with `@interfaceObject` sends the interface's name, one naming a provider type sends that),
 * and `Account`. The interface's own `resolveType` then names the object type.
 */
export function referenceResolvers(schema: GraphQLSchema): Record<string, { __resolveReference: ReferenceResolver }> {
  const out: Record<string, { __resolveReference: ReferenceResolver }> = { [ACCOUNT_ENTITY]: { __resolveReference: byAccountId } };
  for (const name of GLOBAL_ID_ENTITIES) {
    const type = schema.getType(name);
    if (!isInterfaceType(type)) throw new Error(`${name} is not an interface of the schema`);
    const objects = schema.getPossibleTypes(type).map((t) => t.name);
    out[name] = { __resolveReference: byGlobalId(objects) };
    for (const object of objects) out[object] = { __resolveReference: byGlobalId([object]) };
  }
  return out;
}

/**
 * Wraps `_entities` so that (1) the operation's selection is noted first, as every root field does
 * (loaders then fetch only the selected fields) and (2) a representation that is not an object or
 * names no entity of this subgraph is a BAD_USER_INPUT at its own index: `@apollo/subgraph` throws for
 * the whole list there, failing every other representation with it.
 */
export function entitiesWithPerItemErrors(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) throw new Error('the subgraph schema has no _entities field');
  const resolve = field.resolve as GraphQLFieldResolver<unknown, RequestContext, { representations: unknown[] }>;
  const union = schema.getType('_Entity');
  const entityTypes = new Set(isUnionType(union) ? union.getTypes().map((t) => t.name) : []);
  for (const name of GLOBAL_ID_ENTITIES) entityTypes.add(name);
  const known = (r: unknown): r is Representation =>
    typeof r === 'object' && r !== null && typeof (r as Representation).__typename === 'string' && entityTypes.has((r as Representation).__typename);
  field.resolve = (source, args: { representations: unknown[] }, ctx: RequestContext, info) => {
    if (ctx.selection === null) ctx.selection = operationSelection(info);
    const good = args.representations.filter(known);
    const resolved = (good.length ? resolve(source, { representations: good }, ctx, info) : []) as unknown[];
    let next = 0;
    return args.representations.map((r) => {
      if (known(r)) return resolved[next++];
      const name = typeof r === 'object' && r !== null ? (r as { __typename?: unknown }).__typename : undefined;
      const what = typeof name === 'string' ? `"${name.slice(0, 64)}" is not an entity of vidmesh` : 'a representation needs a "__typename"';
      return Promise.reject(badUserInput(`${what} (entities: ${[...GLOBAL_ID_ENTITIES, ACCOUNT_ENTITY].join(', ')} and their object types)`, { field: 'representations' }));
    });
  };
}
