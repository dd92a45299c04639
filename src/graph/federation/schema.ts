import 'reflect-metadata';
import { concatAST, graphql, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createResolversMap } from 'type-graphql';
import { vidmeshSchema } from '../build';
import { entitiesWithPerItemErrors, referenceResolvers } from './entities';
import { federationLink, subgraphTypeDefs } from './sdl';

/** The resolver map `buildSubgraphSchema` takes (its type is not exported from the package root). */
type SubgraphResolvers = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;

let built: Promise<GraphQLSchema> | undefined;

/**
 * vidmesh as an Apollo Federation 2 subgraph (`server.federation: true`), after type-graphql's
 * Federation 2 recipe: the type-graphql schema printed with its `@Directive`s under a federation
 * `@link`, then `buildSubgraphSchema` with the same resolvers plus the entities' `__resolveReference`.
 * Built from the standalone schema, so both serve the same types and resolvers.
 */
export function vidmeshSubgraphSchema(): Promise<GraphQLSchema> {
  built ??= vidmeshSchema().then((standalone) => {
    const resolvers: Record<string, object> = createResolversMap(standalone);
    for (const [type, reference] of Object.entries(referenceResolvers(standalone))) resolvers[type] = { ...resolvers[type], ...reference };
    const schema = buildSubgraphSchema({
      typeDefs: concatAST([federationLink(), subgraphTypeDefs(standalone)]),
      resolvers: resolvers as SubgraphResolvers,
    });
    entitiesWithPerItemErrors(schema);
    return schema;
  });
  return built;
}

/** The SDL the subgraph announces (`_service { sdl }`): what a router or `rover` composes. */
export async function vidmeshSubgraphSdl(): Promise<string> {
  const result = await graphql({ schema: await vidmeshSubgraphSchema(), source: '{ _service { sdl } }' });
  const sdl = (result.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (typeof sdl !== 'string') throw new Error(`no subgraph SDL: ${JSON.stringify(result.errors ?? null)}`);
  return sdl;
}
