import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { badUserInput } from '../../errors';
import { Node } from '../common/node';
import { loadNode } from './lookup';

/** Relay object identification: any global id of any provider. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global id.' })
  node(@Arg('id', () => ID, { description: 'A global id returned by this API.' }) id: string, @Ctx() ctx: RequestContext): Promise<unknown> {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'Fetches several objects by global id, batched per account; a failing id gives null and an error at its index.',
  })
  nodes(@Arg('ids', () => [ID], { description: 'At most 100 global ids.' }) ids: string[], @Ctx() ctx: RequestContext): Promise<unknown>[] {
    if (ids.length > 100) throw badUserInput('nodes: at most 100 ids', { field: 'ids' });
    return ids.map((id) => loadNode(ctx, id));
  }
}
