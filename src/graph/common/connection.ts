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

/**
 * A page's PageInfo whose cursors are read from its edges when asked: an edge encodes its cursor when
 * read, and most selections of a list (a video's `encodings { nodes }`) never ask for `pageInfo`.
 * A cursor set explicitly (a page with no edge that still moved) replaces the edge's.
 */
class EdgesPageInfo<T> implements PageInfo {
  readonly hasPreviousPage = false;
  private start: string | null | undefined;
  private end: string | null | undefined;

  constructor(
    private readonly edges: readonly Edge<T>[],
    readonly hasNextPage: boolean,
  ) {}

  get startCursor(): string | null {
    if (this.start === undefined) this.start = this.edges[0]?.cursor ?? null;
    return this.start;
  }

  set startCursor(cursor: string | null) {
    this.start = cursor;
  }

  get endCursor(): string | null {
    if (this.end === undefined) this.end = this.edges.at(-1)?.cursor ?? null;
    return this.end;
  }

  set endCursor(cursor: string | null) {
    this.end = cursor;
  }
}

/** Builds a connection from edges already cut to the page. */
export function connectionOf<T>(edges: Edge<T>[], hasNextPage: boolean): ConnectionShape<T> {
  return { edges, nodes: edges.map((e) => e.node), pageInfo: new EdgesPageInfo(edges, hasNextPage) };
}
