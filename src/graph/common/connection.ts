import { Directive, Field, ObjectType } from 'type-graphql';

// the Relay value type every subgraph with connections defines the same way
@Directive('@shareable')
@ObjectType('PageInfo', { description: 'Relay pagination state of a connection.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether `after: endCursor` would return more items.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items exist before `startCursor` (always false: lists page forward).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** Builds a connection from edges already cut to the page. */
export function connectionOf<T>(edges: Edge<T>[], hasNextPage: boolean): ConnectionShape<T> {
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
