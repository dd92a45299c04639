import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { ConnectionShape } from '../common/connection';
import { Account } from './types';
import { Provider } from '../common/enums';
import { AccountDetails, Notifications } from './unions';
import { ProfileConnection } from '../common/media';
import type { ProfileRecord } from '../../domain/types';
import type { ProviderDatasource } from '../../domain/datasource';
import { accountDetails } from '../node/lookup';
import { unsupported } from '../../errors';
import { offsetConnection, pageArgs } from '../common/paging';
import { withinReadDeadline } from '../common/deadline';

export function accountOf(source: ProviderDatasource): Account {
  return { id: source.accountId, provider: source.provider as Provider, capabilities: [...source.capabilities] };
}

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => [Account], { description: 'Every account this caller may see.' })
  accounts(@Ctx() ctx: RequestContext): Account[] {
    // id, provider and capabilities are the configuration's: no request-bound view is made for them
    return ctx.visibleAsConfigured().map(accountOf);
  }

  @Query(() => Account, { description: 'One account by its configured id; NOT_FOUND when unknown or not visible.' })
  account(@Arg('id', () => ID, { description: 'The account id from the configuration.' }) id: string, @Ctx() ctx: RequestContext): Account {
    return accountOf(ctx.account(id));
  }

  @FieldResolver(() => AccountDetails, {
    nullable: true,
    description:
      'The provider’s own account object (Panda: the cloud; Telestream: the factory; Dailymotion: the user). One upstream call; null with UNSUPPORTED_BY_PROVIDER where the provider has none.',
  })
  details(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<unknown> {
    const source = ctx.account(account.id);
    // one slow account must not hold the other accounts' rows of `accounts` past the read deadline
    return withinReadDeadline(ctx, source, (bounded) => accountDetails(bounded));
  }

  @FieldResolver(() => Notifications, {
    nullable: true,
    description: 'Notification (webhook) settings of the account. One upstream call; null with UNSUPPORTED_BY_PROVIDER where the API has none.',
  })
  notifications(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<unknown> {
    const source = ctx.account(account.id);
    if (!source.getNotifications) throw unsupported('notifications', source.accountId, source.provider);
    return withinReadDeadline(ctx, source, (bounded) => bounded.getNotifications!());
  }

  @FieldResolver(() => ProfileConnection, { description: 'The account’s encoding profiles, oldest first.' })
  async profiles(
    @Root() account: Account,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 0 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last profile of the previous page.' }) after: string | null,
  ): Promise<ConnectionShape<ProfileRecord>> {
    const source = ctx.account(account.id);
    const { offset, count } = pageArgs(first, after, 'profiles');
    const all = await withinReadDeadline(ctx, source, (bounded) => bounded.listProfiles());
    ctx.loaders(source).primeProfiles(all);
    const page = all.slice(offset, offset + count);
    return offsetConnection('profiles', offset, page, offset + count < all.length);
  }
}
