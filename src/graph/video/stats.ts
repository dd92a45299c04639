import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context';
import type { VideoStatus } from '../../domain/types';
import { unsupported } from '../../errors';
import { operationSelection } from '../common/selection';
import { AccountVideoStats } from './stats-types';
import { accountOf } from '../account/resolvers';
import { accountsOf } from '../node/lookup';
import { reportPartial } from '../common/partial';
import { withinReadDeadline } from '../common/deadline';

@Resolver()
export class VideoStatsResolver {
  @Query(() => [AccountVideoStats], {
    description:
      'Video counts per account and status, through the providers’ count calls where they exist (see AccountVideoStats for the costs). A failing account is left out and yields an error with its id.',
  })
  async videoStats(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('accounts', () => [ID], { nullable: true, description: 'Account ids; all visible accounts when absent.' }) accounts: string[] | null,
  ): Promise<AccountVideoStats[]> {
    const sources = accountsOf(ctx, accounts);
    // byStatus may cost more calls: asked for only when the operation selects it (fragments included)
    const byStatus = operationSelection(info).fieldsOn('AccountVideoStats').has('byStatus');
    const rows = await Promise.all(
      sources.map(async (source): Promise<AccountVideoStats | null> => {
        try {
          if (!source.videoCounts) throw unsupported('video counts', source.accountId, source.provider);
          const counts = await withinReadDeadline(ctx, source, (bounded) => bounded.videoCounts!(byStatus));
          const statuses = Object.entries(counts.byStatus ?? {}) as [VideoStatus, number][];
          return {
            account: accountOf(source),
            total: counts.total,
            byStatus: statuses.filter(([, count]) => count > 0).map(([status, count]) => ({ status, count })),
          };
        } catch (error) {
          reportPartial(ctx, info, error);
          return null;
        }
      }),
    );
    return rows.filter((r): r is AccountVideoStats => r !== null);
  }
}
