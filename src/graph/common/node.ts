import { Field, ID, InterfaceType } from 'type-graphql';

/** Every object with a global id resolves its GraphQL type from the record's `kind`. */
export const resolveKind = (value: unknown): string => (value as { kind: string }).kind;

@InterfaceType('Node', {
  description: 'An object with a Relay global id: opaque, URL-safe, stable; resolve it with `node(id:)`.',
  resolveType: resolveKind,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id: encodes the type, the account and the provider’s own id.' })
  id!: string;
}
