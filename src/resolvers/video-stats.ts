import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { RequestContext } from '../context';
import type { VideoStatus } from '../domain/types';
import { unsupported } from '../errors';
import { AccountVideoStats } from '../schema/video-stats';
import { accountOf } from './account';
import { reportPartial } from './partial';

/** Whether the query selects `name` under this field (through fragments too): byStatus may cost more calls. */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet);
      return visit(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

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
    const sources = accounts ? [...new Set(accounts)].map((id) => ctx.account(id)) : ctx.visibleAccounts();
    const byStatus = selects(info, 'byStatus');
    const rows = await Promise.all(
      sources.map(async (source): Promise<AccountVideoStats | null> => {
        try {
          if (!source.videoCounts) throw unsupported('video counts', source.accountId, source.provider);
          const counts = await source.videoCounts(byStatus);
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
