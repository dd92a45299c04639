import { Arg, Ctx, Field, FieldResolver, ID, InputType, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../context';
import { encodeCursor, decodeCursor } from '../domain/cursor';
import { mergeNewestFirst, type AccountSlice } from '../domain/merge';
import { EncodingStatus, VideoStatus, type EncodingRecord, type VideoRecord } from '../domain/types';
import { Account } from '../schema/account';
import { connectionOf, type ConnectionShape } from '../schema/connection';
import { PandaVideo } from '../schema/providers/panda';
import { JSONObject } from '../schema/scalars';
import { EncodingConnection, Video, VideoConnection } from '../schema/video';
import { accountOf } from './account';
import { asHmacQuery } from './lookup';
import { checkFirst, offsetCursor, pageArgs } from './paging';
import { reportPartial } from './partial';

@InputType('VideoFilter', { description: 'Narrows a video listing. Each field says where it is applied.' })
export class VideoFilter {
  @Field(() => VideoStatus, {
    nullable: true,
    description: 'Only videos in this status. Panda: applied upstream (`status`); statuses Panda never reports match nothing.',
  })
  status?: VideoStatus | null;
}

@Resolver(() => Video)
export class VideoResolver {
  @Query(() => VideoConnection, {
    description:
      'Videos of several accounts merged newest first. Each account is asked for at most `first + 1` videos from where the cursor left it; a failing account yields an error with its id while the others answer.',
  })
  async videos(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('accounts', () => [ID], { nullable: true, description: 'Account ids; all visible accounts when absent.' }) accounts: string[] | null,
    @Arg('filter', () => VideoFilter, { nullable: true, description: 'Filters.' }) filter: VideoFilter | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 0 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
  ): Promise<ConnectionShape<VideoRecord>> {
    checkFirst(first);
    const sources = accounts ? [...new Set(accounts)].map((id) => ctx.account(id)) : ctx.visibleAccounts();
    const status = filter?.status ?? undefined;
    const listKey = JSON.stringify({ s: status ?? null, a: sources.map((s) => s.accountId).sort() });
    const carried = after == null ? {} : decodeCursor(after, listKey).offsets;
    const slices = await Promise.all(
      sources.map(async (source): Promise<AccountSlice<VideoRecord> | null> => {
        const offset = carried[source.accountId] ?? 0;
        try {
          const items = first === 0 ? [] : await source.listVideos({ offset, count: first + 1, status, selection: ctx.selection });
          ctx.loaders(source).primeVideos(items);
          return { accountId: source.accountId, offset, items };
        } catch (error) {
          reportPartial(ctx, info, error);
          return null;
        }
      }),
    );
    const merged = mergeNewestFirst(
      slices.filter((s): s is AccountSlice<VideoRecord> => s !== null),
      first,
      carried,
    );
    return connectionOf(
      merged.edges.map((edge) => ({ node: edge.node, cursor: encodeCursor({ offsets: edge.offsets, filter: listKey }) })),
      merged.hasNextPage,
    );
  }

  @FieldResolver(() => Account, { description: 'The account holding the video.' })
  account(@Root() video: VideoRecord, @Ctx() ctx: RequestContext): Account {
    return accountOf(ctx.account(video.accountId));
  }

  @FieldResolver(() => EncodingConnection, {
    description: 'The video’s encodings, oldest first. One upstream call per video, batched per request and shared by every selection.',
  })
  async encodings(
    @Root() video: VideoRecord,
    @Ctx() ctx: RequestContext,
    @Arg('status', () => EncodingStatus, { nullable: true, description: 'Only encodings in this status (applied in the gateway).' }) status: EncodingStatus | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 0 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
  ): Promise<ConnectionShape<EncodingRecord>> {
    const list = `encodings:${status ?? ''}`;
    const { offset, count } = pageArgs(first, after, list);
    const all = await ctx.loaders(ctx.account(video.accountId)).encodingsByVideo.load(video.nativeId);
    const matching = status == null ? all : all.filter((e) => e.status === status);
    const page = matching.slice(offset, offset + count);
    return connectionOf(
      page.map((node, i) => ({ node, cursor: offsetCursor(list, offset + i + 1) })),
      offset + count < matching.length,
    );
  }
}

@Resolver(() => PandaVideo)
export class PandaVideoResolver {
  @FieldResolver(() => JSONObject, {
    description: 'Technical metadata Panda extracted from the source file (free-form keys). One upstream call.',
  })
  metadata(@Root() video: VideoRecord, @Ctx() ctx: RequestContext): Promise<Record<string, unknown>> {
    return asHmacQuery(ctx.account(video.accountId), 'video metadata').getVideoMetadata(video.nativeId);
  }
}
