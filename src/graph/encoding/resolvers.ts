import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { EncodingRecord, ProfileRecord, VideoRecord } from '../../domain/types';
import { Account } from '../account/types';
import { Encoding, Profile, Video } from '../common/media';
import { accountOf } from '../account/resolvers';

@Resolver(() => Encoding)
export class EncodingResolver {
  @FieldResolver(() => Account, { description: 'The account holding the encoding.' })
  account(@Root() encoding: EncodingRecord, @Ctx() ctx: RequestContext): Account {
    return accountOf(ctx.account(encoding.accountId));
  }

  @FieldResolver(() => Video, { description: 'The video this encoding renders (from the request’s loaders: free after a listing).' })
  video(@Root() encoding: EncodingRecord, @Ctx() ctx: RequestContext): Promise<VideoRecord> {
    return ctx.loaders(ctx.account(encoding.accountId)).video.load(encoding.videoNativeId);
  }

  @FieldResolver(() => Profile, {
    nullable: true,
    description: 'The profile used. Several profiles in one request cost one profile listing.',
  })
  profile(@Root() encoding: EncodingRecord, @Ctx() ctx: RequestContext): ProfileRecord | null | Promise<ProfileRecord | null> {
    const key = encoding.profileNativeId ?? encoding.profileName;
    if (key === null) return null;
    const loaders = ctx.loaders(ctx.account(encoding.accountId));
    // loaded already (a listing's prefetch, an earlier batch): answered without a promise
    return loaders.profileNow(key) ?? loaders.profile.load(key);
  }
}

@Resolver(() => Profile)
export class ProfileResolver {
  @FieldResolver(() => Account, { description: 'The account owning the profile.' })
  account(@Root() profile: ProfileRecord, @Ctx() ctx: RequestContext): Account {
    return accountOf(ctx.account(profile.accountId));
  }
}
