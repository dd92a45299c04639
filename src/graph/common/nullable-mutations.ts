import { isNonNullType, type GraphQLSchema } from 'graphql';

/**
 * Every mutation field answers a nullable result (`createVideo: VideoPayload`, not `VideoPayload!`):
 * a failed root field of a non-null type nulls the whole `data`, hiding the siblings that were
 * applied — a client would then retry and duplicate them. Done once on the built schema rather
 * than per decorator, so a new mutation cannot forget it (test/schema/nullable-mutations.test.ts).
 */
export function withNullableMutations(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    if (isNonNullType(field.type)) field.type = field.type.ofType;
  }
  return schema;
}
