import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { ZIGGEO_MAX_LIMIT } from './datasource';
import type { ZiggeoStreamRecord, ZiggeoVideoRecord } from './map';
import { listId } from '../../domain/cursor';
import { DOWNLOAD_TTL, type DownloadMedia, type DownloadObject } from '../../domain/download';
import { badUserInput, VidmeshError } from '../../errors';
import { hooksOf } from '../../graph/common/hooks';
import type { ConnectionShape } from '../../graph/common/connection';
import { ZiggeoStream, ZiggeoVideo, ZiggeoVideoConnection } from './schema';
import { SafeInt } from '../../graph/common/scalars';
import { asZiggeo, locate } from './lookup';
import { offsetConnection, pageArgs } from '../../graph/common/paging';
import { checkStates, ZiggeoVideoFilter } from './schema-inputs';

/** Ziggeo's own reads (ziggeo spec §5.1–5.2) and the download URLs of its videos and streams. */

function downloadUrl(ctx: RequestContext, record: { accountId: string; nativeId: string }, object: DownloadObject, media: DownloadMedia, expiresIn: number): string {
  if (!Number.isSafeInteger(expiresIn) || expiresIn < DOWNLOAD_TTL.min || expiresIn > DOWNLOAD_TTL.max) {
    throw badUserInput(`expiresIn: from ${DOWNLOAD_TTL.min} to ${DOWNLOAD_TTL.max} seconds`, { field: 'expiresIn' });
  }
  const links = hooksOf(ctx).downloads;
  if (!links) throw new VidmeshError('INTERNAL_SERVER_ERROR', 'downloads are served by the gateway only');
  return links.url({ account: record.accountId, object, nativeId: record.nativeId, media }, expiresIn);
}

const expiresInArg = { defaultValue: DOWNLOAD_TTL.default, description: `Seconds the URL works, ${DOWNLOAD_TTL.min} to ${DOWNLOAD_TTL.max}.` };

@Resolver(() => ZiggeoVideo)
export class ZiggeoVideoResolver {
  @Query(() => ZiggeoVideoConnection, {
    description:
      'One Ziggeo application’s videos (`videos.index`): states and tags filtered by Ziggeo, oldest first unless `reverse`. A page costs one call per 100 videos (plus one to learn `hasNextPage` when `first` is 100).',
  })
  async ziggeoVideos(
    @Ctx() ctx: RequestContext,
    @Arg('account', () => ID, { description: 'The Ziggeo account.' }) account: string,
    @Arg('filter', () => ZiggeoVideoFilter, { nullable: true, description: 'States and tags.' }) filter: ZiggeoVideoFilter | null,
    @Arg('reverse', () => Boolean, { defaultValue: false, description: 'Newest first.' }) reverse: boolean,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size (`limit`), 0 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
    @Arg('skip', () => Int, { nullable: true, description: 'Videos to skip from the start (`skip`), instead of `after`.' }) skip: number | null,
  ): Promise<ConnectionShape<ZiggeoVideoRecord>> {
    const source = asZiggeo(ctx.account(account), 'ziggeoVideos');
    const states = checkStates(filter?.states);
    const tags = filter?.tags ?? undefined;
    // a digest: a long filter would otherwise make cursors too long to be taken back
    const list = listId(JSON.stringify({ z: account, s: states ?? null, t: tags ?? null, r: reverse }));
    if (after != null && skip != null) throw badUserInput('give `after` or `skip`, not both', { field: 'skip' });
    if (skip != null && (!Number.isSafeInteger(skip) || skip < 0)) throw badUserInput('skip: a whole number ≥ 0', { field: 'skip' });
    const { offset: afterOffset, count } = pageArgs(first, after, list);
    const offset = skip ?? afterOffset;
    // one more than the page tells whether another follows
    const calls: Promise<ZiggeoVideoRecord[]>[] = [];
    for (let at = offset; at < offset + count + 1; at += ZIGGEO_MAX_LIMIT) {
      calls.push(source.listVideosPage({ limit: Math.min(ZIGGEO_MAX_LIMIT, offset + count + 1 - at), skip: at, reverse, states, tags }));
    }
    const items = (await Promise.all(calls)).flat();
    const page = items.slice(0, count);
    ctx.loaders(source).primeVideos(page);
    return offsetConnection(list, offset, page, items.length > count);
  }

  @Query(() => SafeInt, { description: 'How many videos a Ziggeo application holds (`videos.count`), filtered by Ziggeo. One call.' })
  ziggeoVideoCount(
    @Ctx() ctx: RequestContext,
    @Arg('account', () => ID, { description: 'The Ziggeo account.' }) account: string,
    @Arg('filter', () => ZiggeoVideoFilter, { nullable: true, description: 'States and tags.' }) filter: ZiggeoVideoFilter | null,
  ): Promise<number> {
    const source = asZiggeo(ctx.account(account), 'ziggeoVideoCount');
    return source.countVideos({ states: checkStates(filter?.states), tags: filter?.tags ?? undefined });
  }

  @Query(() => ZiggeoVideo, { description: 'One Ziggeo video by its token or its key (batched with `get_bulk` within a request).' })
  async ziggeoVideo(
    @Ctx() ctx: RequestContext,
    @Arg('account', () => ID, { description: 'The Ziggeo account.' }) account: string,
    @Arg('tokenOrKey', () => String, { description: 'The video’s token or the application’s key for it.' }) tokenOrKey: string,
  ): Promise<ZiggeoVideoRecord> {
    const loaders = ctx.loaders(asZiggeo(ctx.account(account), 'ziggeoVideo'));
    const video = (await loaders.video.load(tokenOrKey)) as ZiggeoVideoRecord;
    if (video.nativeId !== tokenOrKey) loaders.primeVideos([video]);
    return video;
  }

  @FieldResolver(() => [ZiggeoStream], {
    description: 'The video’s streams, as they came with the video: no upstream call; `states` is applied in the gateway.',
  })
  streams(
    @Root() video: ZiggeoVideoRecord,
    @Arg('states', () => [String], { nullable: true, description: 'Only streams in one of these Ziggeo states (`rawStatus`).' }) states: string[] | null,
  ): readonly ZiggeoStreamRecord[] {
    const wanted = checkStates(states);
    return wanted ? video.streams.filter((s) => wanted.includes(s.rawStatus)) : video.streams;
  }

  @FieldResolver(() => String, { description: 'A gateway URL streaming the video’s file (its default stream). Signed, expiring, no credentials needed.' })
  videoDownloadUrl(@Root() video: ZiggeoVideoRecord, @Ctx() ctx: RequestContext, @Arg('expiresIn', () => Int, expiresInArg) expiresIn: number): string {
    return downloadUrl(ctx, video, 'video', 'video', expiresIn);
  }

  @FieldResolver(() => String, { description: 'A gateway URL streaming the video’s image (cover or snapshot). Signed, expiring, no credentials needed.' })
  imageDownloadUrl(@Root() video: ZiggeoVideoRecord, @Ctx() ctx: RequestContext, @Arg('expiresIn', () => Int, expiresInArg) expiresIn: number): string {
    return downloadUrl(ctx, video, 'video', 'image', expiresIn);
  }
}

@Resolver(() => ZiggeoStream)
export class ZiggeoStreamResolver {
  @Query(() => [ZiggeoStream], { description: 'A Ziggeo video’s streams (`streams.index`), states filtered by Ziggeo. One call.' })
  ziggeoStreams(
    @Ctx() ctx: RequestContext,
    @Arg('video', () => ID, { description: 'Global id of the ZiggeoVideo.' }) video: string,
    @Arg('states', () => [String], { nullable: true, description: 'Only streams in one of these Ziggeo states.' }) states: string[] | null,
  ): Promise<ZiggeoStreamRecord[]> {
    const { source, nativeId } = locate(ctx, video, ['ZiggeoVideo']);
    return asZiggeo(source).listStreams(nativeId, checkStates(states));
  }

  @Query(() => ZiggeoStream, { description: 'One stream of a Ziggeo video by its token or key (`streams.get`). One call.' })
  ziggeoStream(
    @Ctx() ctx: RequestContext,
    @Arg('video', () => ID, { description: 'Global id of the ZiggeoVideo.' }) video: string,
    @Arg('tokenOrKey', () => String, { description: 'The stream’s token or key.' }) tokenOrKey: string,
  ): Promise<ZiggeoStreamRecord> {
    const { source, nativeId } = locate(ctx, video, ['ZiggeoVideo']);
    return asZiggeo(source).getStream(nativeId, tokenOrKey);
  }

  @FieldResolver(() => String, { description: 'A gateway URL streaming this stream’s video file. Signed, expiring, no credentials needed.' })
  videoDownloadUrl(@Root() stream: ZiggeoStreamRecord, @Ctx() ctx: RequestContext, @Arg('expiresIn', () => Int, expiresInArg) expiresIn: number): string {
    return downloadUrl(ctx, stream, 'stream', 'video', expiresIn);
  }

  @FieldResolver(() => String, { description: 'A gateway URL streaming this stream’s image. Signed, expiring, no credentials needed.' })
  imageDownloadUrl(@Root() stream: ZiggeoStreamRecord, @Ctx() ctx: RequestContext, @Arg('expiresIn', () => Int, expiresInArg) expiresIn: number): string {
    return downloadUrl(ctx, stream, 'stream', 'image', expiresIn);
  }
}
