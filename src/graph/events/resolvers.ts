import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription, type PubSub, type SubscribeResolverData } from 'type-graphql';
import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import type { RequestContext } from '../../context';
import type { EncodingRecord, VideoRecord } from '../../domain/types';
import { badUserInput } from '../../errors';
import { BurstLoaders, type Wants } from './burst';
import { isFinalEncoding } from './poller';
import type { EventPayload } from './subscriber';
import type { Subscriber } from './subscriber';
import { VideoEventType, type VideoEvent } from '../../events/types';
import { Account } from '../account/types';
import { accountOf } from '../account/resolvers';
import { fieldsOnType } from '../common/selection';
import { accountsOf, locate, typesOf } from '../node/lookup';
import { SubscriptionContext } from './context';
import { SUBSCRIPTION_ENDPOINTS, VideoEventObject, VideoEventSource } from './types';

/** The global id types of videos (one per provider). */
/** Every provider's video type (the registry's), in the order error messages list them. */
const VIDEO_TYPES = typesOf('video');
const MAX_VIDEOS = 100;
const ENCODING_EVENTS = new Set([VideoEventType.ENCODING_PROGRESS, VideoEventType.ENCODING_COMPLETED, VideoEventType.ENCODING_FAILED, VideoEventType.DELETED]);

function subscriptionContext(ctx: RequestContext): SubscriptionContext {
  if (ctx instanceof SubscriptionContext) return ctx;
  throw badUserInput(`subscriptions are not served here: ${SUBSCRIPTION_ENDPOINTS}`);
}

/** Whether the operation reads the video or the encoding of its events: they are loaded only then. */
function wantsOf(info: GraphQLResolveInfo): Wants {
  const fields = fieldsOnType(info.schema, info.operation, info.fragments, 'VideoEvent');
  return { video: fields.has('video'), encoding: fields.has('encoding') };
}

interface VideoEventsArgs {
  readonly accounts?: readonly string[] | null;
  readonly videos?: readonly string[] | null;
  readonly types?: readonly VideoEventType[] | null;
}

/** Scoped as queries are: the key's accounts only; another account's video is NOT_FOUND, checked now. */
async function subscribeVideoEvents({ args, context, info }: SubscribeResolverData<unknown, VideoEventsArgs, RequestContext>): Promise<Subscriber> {
  const ctx = subscriptionContext(context);
  const sources = accountsOf(ctx, args.accounts ?? null);
  const types = args.types && args.types.length > 0 ? new Set(args.types) : null;
  let videos: { account: string; nativeId: string }[] | null = null;
  let accounts = new Set(sources.map((s) => s.accountId));
  if (args.videos != null) {
    if (args.videos.length === 0 || args.videos.length > MAX_VIDEOS) throw badUserInput(`videos: 1 to ${MAX_VIDEOS} ids, or leave it out for every video`, { field: 'videos' });
    const located = [...new Set(args.videos)].map((id) => locate(ctx, id, VIDEO_TYPES));
    for (const v of located) {
      if (args.accounts && !accounts.has(v.source.accountId)) throw badUserInput(`video of account "${v.source.accountId}" is not in \`accounts\``, { field: 'videos' });
    }
    // an id that names no video is NOT_FOUND now, not silence later (one batch per account)
    await Promise.all(located.map((v) => ctx.loaders(v.source).video.load(v.nativeId)));
    videos = located.map((v) => ({ account: v.source.accountId, nativeId: v.nativeId }));
    accounts = new Set(videos.map((v) => v.account));
  }
  return ctx.live.open({
    principal: ctx.principal,
    accounts,
    videos,
    types,
    wants: wantsOf(info),
    onOverflow: (error) => ctx.transport.overflowed(error),
    onYield: (payload) => ctx.use(payload),
  });
}

/**
 * One video's encoding events until every encoding is final (or the video is deleted). Subscribes
 * before reading the encodings, so nothing that happens in between is missed; a video with no
 * encoding yet waits for its first.
 */
async function subscribeEncodingProgress({ args, context, info }: SubscribeResolverData<unknown, { video: string }, RequestContext>): Promise<Subscriber> {
  const ctx = subscriptionContext(context);
  const { source, nativeId } = locate(ctx, args.video, VIDEO_TYPES);
  const final = new Map<string, boolean>();
  let deleted = false;
  let known = false;
  const early: VideoEvent[] = [];
  const apply = (event: VideoEvent) => {
    if (event.type === VideoEventType.DELETED) deleted = true;
    else if (event.encodingNativeId !== undefined) final.set(event.encodingNativeId, event.type !== VideoEventType.ENCODING_PROGRESS);
  };
  const finished = () => deleted || (final.size > 0 && [...final.values()].every(Boolean));
  const subscriber = ctx.live.open({
    principal: ctx.principal,
    accounts: new Set([source.accountId]),
    videos: [{ account: source.accountId, nativeId }],
    types: ENCODING_EVENTS,
    wants: wantsOf(info),
    onOverflow: (error) => ctx.transport.overflowed(error),
    onYield: (payload) => ctx.use(payload),
    onQueued: (event, sub) => {
      if (!known) return void early.push(event);
      apply(event);
      if (finished()) sub.end();
    },
  });
  let encodings: EncodingRecord[];
  try {
    encodings = await ctx.loaders(source).encodingsByVideo.load(nativeId);
  } catch (error) {
    await subscriber.return();
    throw error;
  }
  ctx.live.seed(source.accountId, nativeId, encodings);
  for (const encoding of encodings) if (!final.has(encoding.nativeId)) final.set(encoding.nativeId, isFinalEncoding(encoding.status));
  known = true;
  early.splice(0).forEach(apply);
  if (finished()) subscriber.end();
  return subscriber;
}

@Resolver(() => VideoEventObject)
export class VideoEventResolver {
  @Subscription(() => VideoEventObject, {
    description:
      'Events of the videos this caller may see, as they happen: from provider notifications, or by polling accounts without them (Dailymotion; polled while someone subscribes, faster while something processes). Over WebSocket (graphql-transport-ws) or SSE (graphql-sse) at /graphql, never over plain POST. Each subscriber has a bounded queue: progress of one encoding is merged into the latest, final events are kept, and a subscriber still too slow is disconnected.',
    subscribe: subscribeVideoEvents,
  })
  videoEvents(
    @Root() payload: EventPayload,
    @Arg('accounts', () => [ID], { nullable: true, description: 'Account ids; every visible account when absent (another key’s account is NOT_FOUND).' })
    _accounts: string[] | null,
    @Arg('videos', () => [ID], {
      nullable: true,
      description: 'Only these videos (global ids, at most 100); every video of the accounts when absent. Checked when subscribing: NOT_FOUND when invisible or gone.',
    })
    _videos: string[] | null,
    @Arg('types', () => [VideoEventType], { nullable: true, description: 'Only these event types; every type when absent.' }) _types: VideoEventType[] | null,
  ): EventPayload {
    if (payload.failure) throw payload.failure;
    return payload;
  }

  @Subscription(() => VideoEventObject, {
    description:
      'Encoding events of one video (progress, completed, failed, and DELETED), completing once every encoding of the video is final. Completes at once when they already are; a video without encodings yet waits for its first. NOT_FOUND when the video is invisible or gone.',
    subscribe: subscribeEncodingProgress,
  })
  encodingProgress(@Root() payload: EventPayload, @Arg('video', () => ID, { description: 'Global id of the video.' }) _video: string): EventPayload {
    if (payload.failure) throw payload.failure;
    return payload;
  }

  @FieldResolver()
  id(@Root() payload: EventPayload): string {
    return payload.event.id;
  }

  @FieldResolver()
  type(@Root() payload: EventPayload): VideoEventType {
    return payload.event.type;
  }

  @FieldResolver()
  account(@Root() payload: EventPayload, @Ctx() ctx: RequestContext): Account {
    return accountOf(ctx.account(payload.event.accountId));
  }

  @FieldResolver()
  at(@Root() payload: EventPayload): Date {
    return new Date(payload.event.at);
  }

  @FieldResolver()
  progress(@Root() payload: EventPayload): number | null {
    return payload.event.progress ?? null;
  }

  @FieldResolver()
  source(@Root() payload: EventPayload): VideoEventSource {
    return payload.event.source === 'polling' ? VideoEventSource.POLLING : VideoEventSource.NOTIFICATION;
  }

  @FieldResolver()
  video(@Root() payload: EventPayload, @Ctx() ctx: RequestContext): Promise<VideoRecord> | null {
    const { event } = payload;
    if (event.type === VideoEventType.DELETED) return null;
    return (payload.loaders ?? new BurstLoaders()).video(ctx.account(event.accountId), event.videoNativeId);
  }

  @FieldResolver()
  encoding(@Root() payload: EventPayload, @Ctx() ctx: RequestContext): Promise<EncodingRecord> | null {
    const { event } = payload;
    if (event.type === VideoEventType.DELETED || event.encodingNativeId === undefined) return null;
    return (payload.loaders ?? new BurstLoaders()).encoding(ctx.account(event.accountId), event.videoNativeId, event.encodingNativeId, false);
  }
}

/**
 * type-graphql wants a PubSub as soon as the schema has a subscription, though ours subscribe
 * through the event bus (`subscribe` above): this one refuses topic subscriptions.
 */
export const NO_TOPIC_PUBSUB: PubSub = {
  publish() {
    throw new Error('vidmesh subscriptions go through the EventBus (src/events), not topics');
  },
  subscribe() {
    throw new Error('vidmesh subscriptions go through the EventBus (src/events), not topics');
  },
};

/** The Subscription root type, described like every other type (schema/descriptions.test.ts). */
export function describeSubscriptionRoot(schema: GraphQLSchema): GraphQLSchema {
  const root = schema.getSubscriptionType();
  if (root) root.description = 'Live events over WebSocket (graphql-transport-ws) or SSE (graphql-sse) at /graphql; see README "Live progress".';
  return schema;
}
