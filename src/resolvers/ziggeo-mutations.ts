import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { parseStreamNativeId, type ZiggeoDatasource } from '../datasources/ziggeo';
import { badUserInput } from '../errors';
import { DeletePayload } from './payloads';
import { asZiggeo, locate } from './lookup';
import { CreateZiggeoVideoInput, UpdateZiggeoVideoInput, ZiggeoPushPayload, ZiggeoStreamPayload, ZiggeoVideoPayload } from './ziggeo-inputs';

/** Ziggeo video and stream writes (ziggeo spec §5.1–5.2). Media uploads (attach image/video) come with the Upload scalar. */

function streamOf(ctx: RequestContext, id: string): { source: ZiggeoDatasource; video: string; stream: string } {
  const { source, nativeId } = locate(ctx, id, ['ZiggeoStream']);
  const parsed = parseStreamNativeId(nativeId);
  if (!parsed) throw badUserInput(`id "${id.slice(0, 40)}" is not a Ziggeo stream id`, { field: 'id' });
  return { source: asZiggeo(source), ...parsed };
}

const pushTokenArg = { description: 'Token of the push service configured in the Ziggeo application.' };

@Resolver()
export class ZiggeoMutations {
  @Mutation(() => ZiggeoVideoPayload, { description: 'Creates a Ziggeo video without media (`videos.create`). Not retried.' })
  async createZiggeoVideo(@Arg('input', () => CreateZiggeoVideoInput, { description: 'The video.' }) input: CreateZiggeoVideoInput, @Ctx() ctx: RequestContext): Promise<ZiggeoVideoPayload> {
    const source = asZiggeo(ctx.account(input.account), 'createZiggeoVideo');
    const video = await source.createVideo({
      key: input.key ?? undefined,
      tags: input.tags ?? undefined,
      minDuration: input.minDuration ?? undefined,
      maxDuration: input.maxDuration ?? undefined,
      volatile: input.volatile ?? undefined,
    });
    ctx.loaders(source).primeVideos([video]);
    return { video };
  }

  @Mutation(() => ZiggeoVideoPayload, { description: 'Changes a Ziggeo video’s key, tags, durations, expiry or moderation (`videos.update`).' })
  async updateZiggeoVideo(@Arg('input', () => UpdateZiggeoVideoInput, { description: 'The changes.' }) input: UpdateZiggeoVideoInput, @Ctx() ctx: RequestContext): Promise<ZiggeoVideoPayload> {
    const { source, nativeId } = locate(ctx, input.id, ['ZiggeoVideo']);
    if (input.key === null) throw badUserInput('key: a video key can be changed, not removed', { field: 'key' });
    const video = await asZiggeo(source).updateVideo(nativeId, {
      key: input.key,
      tags: input.tags === null ? [] : input.tags,
      minDuration: input.minDuration ?? undefined,
      maxDuration: input.maxDuration ?? undefined,
      volatile: input.volatile ?? undefined,
      expirationDays: input.expirationDays,
      expireOn: input.expireOn,
      approved: input.approved,
    });
    ctx.loaders(source).primeVideos([video]);
    return { video };
  }

  @Mutation(() => ZiggeoPushPayload, { description: 'Sends a Ziggeo video to one of the application’s push services (`videos.push_to_service`).' })
  async pushZiggeoVideoToService(
    @Arg('id', () => ID, { description: 'Global id of the ZiggeoVideo.' }) id: string,
    @Arg('pushServiceToken', () => String, pushTokenArg) pushServiceToken: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ZiggeoPushPayload> {
    const { source, nativeId } = locate(ctx, id, ['ZiggeoVideo']);
    await asZiggeo(source).pushVideoToService(nativeId, pushServiceToken);
    return { pushedId: id, pushServiceToken };
  }

  @Mutation(() => ZiggeoStreamPayload, { description: 'Adds an empty stream to a Ziggeo video (`streams.create`); media is attached by upload.' })
  async createZiggeoStream(@Arg('video', () => ID, { description: 'Global id of the ZiggeoVideo.' }) video: string, @Ctx() ctx: RequestContext): Promise<ZiggeoStreamPayload> {
    const { source, nativeId } = locate(ctx, video, ['ZiggeoVideo']);
    const stream = await asZiggeo(source).createStream(nativeId);
    ctx.loaders(source).forgetVideo(nativeId);
    return { stream };
  }

  @Mutation(() => ZiggeoStreamPayload, { description: 'Makes a stream its video’s default (`streams.bind`, SDK 1.17).' })
  async bindZiggeoStream(@Arg('id', () => ID, { description: 'Global id of the ZiggeoStream.' }) id: string, @Ctx() ctx: RequestContext): Promise<ZiggeoStreamPayload> {
    const { source, video, stream } = streamOf(ctx, id);
    const bound = await source.bindStream(video, stream);
    ctx.loaders(source).forgetVideo(video);
    return { stream: bound };
  }

  @Mutation(() => ZiggeoPushPayload, { description: 'Sends one stream to a push service (`streams.push_to_service`).' })
  async pushZiggeoStreamToService(
    @Arg('id', () => ID, { description: 'Global id of the ZiggeoStream.' }) id: string,
    @Arg('pushServiceToken', () => String, pushTokenArg) pushServiceToken: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ZiggeoPushPayload> {
    const { source, video, stream } = streamOf(ctx, id);
    await source.pushStreamToService(video, stream, pushServiceToken);
    return { pushedId: id, pushServiceToken };
  }

  @Mutation(() => DeletePayload, { description: 'Deletes one stream of a Ziggeo video (`streams.delete`).' })
  async deleteZiggeoStream(@Arg('id', () => ID, { description: 'Global id of the ZiggeoStream.' }) id: string, @Ctx() ctx: RequestContext): Promise<DeletePayload> {
    const { source, video, stream } = streamOf(ctx, id);
    await source.deleteStream(video, stream);
    ctx.loaders(source).forgetVideo(video);
    return { deletedId: id };
  }
}
