import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from './connection';

/** Declares `<Name>Edge` and `<Name>Connection` for a node type (Relay connection spec); `node` may be abstract (Video). */
export function connectionTypes(name: string, node: () => abstract new (...args: never[]) => object, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name.toLowerCase()} of a ${name}Connection, with its cursor.` })
  class EdgeType {
    @Field(() => node(), { description: `The ${name.toLowerCase()}.` })
    node!: unknown;

    @Field(() => String, { description: 'Opaque cursor: pass it as `after` to continue after this item.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The page’s items with their cursors.' })
    edges!: EdgeType[];

    @Field(() => [node()], { description: 'The page’s items, without cursors.' })
    nodes!: unknown[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo!: PageInfo;
  }

  return ConnectionType;
}
