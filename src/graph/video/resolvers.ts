import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context';
import type { ProviderDatasource } from '../../domain/datasource';
import { readAccount, type AccountSlice } from '../../domain/account-reader';
import { decodeListCursor, encodeListCursor, listId } from '../../domain/cursor';
import {
  filteredInGateway,
  matchesNothing,
  SortDirection,
  START,
  upstreamPart,
  VideoSortField,
  type AccountPosition,
  type ListingSupport,
  type VideoListSpec,
} from '../../domain/listing';
import { mergeSlices } from '../../domain/merge';
import type { FieldSelection } from '../../domain/selection';
import { Capability, EncodingStatus, type EncodingRecord, type VideoRecord } from '../../domain/types';
import { unsupported, VidmeshError } from '../../errors';
import { Account } from '../account/types';
import { connectionOf, type ConnectionShape, type Edge } from '../common/connection';
import { EncodingConnection, Video, VideoConnection } from '../common/media';
import { accountOf } from '../account/resolvers';
import { accountsOf } from '../node/lookup';
import { checkFirst, offsetConnection, pageArgs } from '../common/paging';
import { reportPartial } from '../common/partial';
import { withinReadDeadline } from '../common/deadline';
import { listSpec, VideoFilter, VideoOrder } from './args';
import { ENCODINGS_PAGE, prefetchProfiles } from './profile-prefetch';

export { VideoFilter, VideoOrder } from './args';

/** Providers that say nothing of their listing filter by status when their capabilities say so. */
function supportOf(source: ProviderDatasource): ListingSupport {
  const status = source.capabilities.includes(Capability.FILTER_VIDEOS_BY_STATUS);
  return source.listing ?? { status, tags: false, createdRange: false, titleContains: false, hasTags: false };
}

/** A cursor resumes only the list it was made for: a digest of the accounts and the spec. */
function listDigest(accounts: readonly string[], spec: VideoListSpec): string {
  const text = JSON.stringify({ a: [...accounts].sort(), s: { ...spec, createdAfter: spec.createdAfter?.getTime(), createdBefore: spec.createdBefore?.getTime() } });
  return listId(text);
}

/** One account's part of the page: from its position, `first + 1` matching videos (see readAccount). */
async function readSource(
  source: ProviderDatasource,
  spec: VideoListSpec,
  from: AccountPosition,
  first: number,
  selection: FieldSelection | null,
): Promise<AccountSlice<VideoRecord>> {
  const support = supportOf(source);
  // listing by title needs the provider's sort: without, it would mean reading every video
  if (spec.field === VideoSortField.TITLE && !support.sortByTitle) throw unsupported('listing ordered by title', source.accountId, source.provider);
  if (matchesNothing(spec, support)) return { accountId: source.accountId, entries: [], end: from, exhausted: true, calls: 0 };
  const upstream = upstreamPart(spec, support);
  const fetch = (offset: number, count: number) =>
    source.listVideos({
      offset,
      count,
      ascending: spec.direction === SortDirection.ASC,
      sortBy: spec.field === VideoSortField.TITLE ? 'title' : 'createdAt',
      status: upstream.status,
      tags: upstream.tags,
      createdAfter: upstream.createdAfter,
      createdBefore: upstream.createdBefore,
      selection,
      reads: { status: spec.status !== undefined, title: spec.titleContains !== undefined || spec.field === VideoSortField.TITLE },
    });
  return readAccount(source.accountId, fetch, spec, from, first, filteredInGateway(spec, support));
}

/** A page's edge, its cursor encoded when read (a list selected without `cursor` pays none). */
class ListEdge implements Edge<VideoRecord> {
  constructor(
    readonly node: VideoRecord,
    private readonly list: string,
    private readonly kept: Readonly<Record<string, AccountPosition>>,
    private readonly positions: Readonly<Record<string, AccountPosition>>,
  ) {}

  private encoded: string | undefined;

  get cursor(): string {
    return (this.encoded ??= encodeListCursor({ list: this.list, positions: { ...this.kept, ...this.positions } }));
  }
}

@Resolver(() => Video)
export class VideoResolver {
  @Query(() => VideoConnection, {
    description:
      'Videos of several accounts merged in the order asked (newest first by default; ties by account id). Each account is asked for `first + 1` matching videos from where the cursor left it (plus one before it, to check nothing moved), in one call where its filters go upstream; where the gateway filters (see `VideoFilter`), its pages are scanned, at most 6 calls per account and page (a page may then come short, never wrong). The cursor resumes every account where it stopped: videos created or deleted between pages are neither repeated nor skipped. A failing account yields an error with its id while the others answer; its position is kept in the cursor.',
  })
  async videos(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('accounts', () => [ID], { nullable: true, description: 'Account ids; all visible accounts when absent.' }) accounts: string[] | null,
    @Arg('filter', () => VideoFilter, { nullable: true, description: 'Filters.' }) filter: VideoFilter | null,
    @Arg('orderBy', () => VideoOrder, { nullable: true, description: 'Order; newest first when absent.' }) orderBy: VideoOrder | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 0 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
  ): Promise<ConnectionShape<VideoRecord>> {
    checkFirst(first);
    const spec = listSpec(filter, orderBy);
    const sources = accountsOf(ctx, accounts);
    const list = listDigest(
      sources.map((s) => s.accountId),
      spec,
    );
    const carried = after == null ? {} : decodeListCursor(after, list);
    if (first === 0) return connectionOf([], false);
    // accounts that failed for now (not for good, as UNSUPPORTED_BY_PROVIDER): more may come from them later
    let unavailable = 0;
    const slices = await Promise.all(
      sources.map(async (source): Promise<AccountSlice<VideoRecord> | null> => {
        try {
          // an account still silent at the read deadline is left out, its position kept in the cursor
          const slice = await withinReadDeadline(ctx, source, (bounded) => readSource(bounded, spec, carried[source.accountId] ?? START, first, ctx.selection));
          ctx.loaders(source).primeVideos(slice.entries.map((e) => e.video));
          return slice;
        } catch (error) {
          reportPartial(ctx, info, error);
          if (!(error instanceof VidmeshError && error.code === 'UNSUPPORTED_BY_PROVIDER')) unavailable++;
          return null;
        }
      }),
    );
    const read = slices.filter((s): s is AccountSlice<VideoRecord> => s !== null);
    const merged = mergeSlices(read, first, spec);
    await prefetchProfiles(
      ctx,
      info,
      sources,
      merged.edges.map((edge) => edge.node),
    );
    // a failed account keeps its position, so the cursor resumes it once it is back
    const kept = Object.fromEntries(sources.filter((_, i) => slices[i] === null && carried[sources[i]!.accountId]).map((s) => [s.accountId, carried[s.accountId]!]));
    const connection = connectionOf(
      merged.edges.map((edge) => new ListEdge(edge.node, list, kept, edge.positions)),
      merged.hasNextPage || unavailable > 0,
    );
    // a page cut short by a gateway-side scan may hold no edge: its end cursor still moves past what was read
    if (connection.edges.length === 0 && connection.pageInfo.hasNextPage) {
      connection.pageInfo.endCursor = encodeListCursor({ list, positions: { ...carried, ...kept, ...merged.end } });
    }
    return connection;
  }

  @FieldResolver(() => Account, { description: 'The account holding the video.' })
  account(@Root() video: VideoRecord, @Ctx() ctx: RequestContext): Account {
    return accountOf(ctx.account(video.accountId));
  }

  @FieldResolver(() => EncodingConnection, {
    description: 'The video’s encodings, oldest first. One upstream call per video, batched per request and shared by every selection.',
  })
  encodings(
    @Root() video: VideoRecord,
    @Ctx() ctx: RequestContext,
    @Arg('status', () => EncodingStatus, { nullable: true, description: 'Only encodings in this status (applied in the gateway).' }) status: EncodingStatus | null,
    @Arg('first', () => Int, { defaultValue: ENCODINGS_PAGE, description: 'Page size, 0 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
  ): ConnectionShape<EncodingRecord> | Promise<ConnectionShape<EncodingRecord>> {
    const list = `encodings:${status ?? ''}`;
    const { offset, count } = pageArgs(first, after, list);
    const pageOf = (all: readonly EncodingRecord[]): ConnectionShape<EncodingRecord> => {
      const matching = status == null ? all : all.filter((e) => e.status === status);
      const page = matching.slice(offset, offset + count);
      return offsetConnection(list, offset, page, offset + count < matching.length);
    };
    const loaders = ctx.loaders(ctx.account(video.accountId));
    // primed by a listing: answered at once, without a promise per video
    const known = loaders.encodingsNow(video.nativeId);
    return known ? pageOf(known) : loaders.encodingsByVideo.load(video.nativeId).then(pageOf);
  }
}
