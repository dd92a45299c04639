import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { unsupported } from '../../errors';
import { DeletePayload, VideoPayload } from '../common/payloads';
import { locate, typesOf } from '../node/lookup';
import { Capability } from '../../domain/types';
import { httpUrl, maxLength } from '../../domain/validate';

@InputType('CreateVideoInput', { description: 'A video the provider fetches from a URL.' })
export class CreateVideoInput {
  @Field(() => ID, { description: 'Account to create the video in.' })
  account!: string;

  @Field(() => String, { description: 'http(s) URL of the source file; the provider downloads it.' })
  sourceUrl!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Profile names or native ids to encode with; `[]` for none; absent: the provider’s default (Panda: every profile of the cloud).',
  })
  profiles?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Panda/Telestream storage path format, e.g. `:date/:id` (default `:id`).' })
  pathFormat?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text stored with the video (Panda: at most 256 characters).' })
  payload?: string | null;
}

@Resolver()
export class VideoMutations {
  @Mutation(() => VideoPayload, { description: 'Creates a video from a source URL. Not retried: a failure may still have created it.' })
  async createVideo(@Arg('input', () => CreateVideoInput, { description: 'The video to create.' }) input: CreateVideoInput, @Ctx() ctx: RequestContext): Promise<VideoPayload> {
    const source = ctx.account(input.account);
    httpUrl(input.sourceUrl, 'sourceUrl');
    maxLength(input.payload, 256, 'payload');
    if (!source.createVideoFromUrl) throw unsupported('creating a video from a URL', source.accountId, source.provider);
    const video = await source.createVideoFromUrl(input);
    ctx.loaders(source).primeVideos([video]);
    return { video };
  }

  @Mutation(() => DeletePayload, { description: 'Deletes a video and its encodings.' })
  async deleteVideo(@Arg('id', () => ID, { description: 'Global id of the video.' }) id: string, @Ctx() ctx: RequestContext): Promise<DeletePayload> {
    const { source, nativeId } = locate(ctx, id, typesOf('video'));
    if (!source.deleteVideo) throw unsupported('deleting videos', source.accountId, source.provider);
    await source.deleteVideo(nativeId);
    ctx.loaders(source).forgetVideo(nativeId);
    return { deletedId: id };
  }

  @Mutation(() => VideoPayload, { description: 'Deletes only the stored source file of a video; its encodings stay.' })
  async deleteVideoSource(@Arg('id', () => ID, { description: 'Global id of the video.' }) id: string, @Ctx() ctx: RequestContext): Promise<VideoPayload> {
    const { source, nativeId } = locate(ctx, id, typesOf('video', Capability.DELETE_VIDEO_SOURCE));
    if (!source.deleteVideoSource) throw unsupported('deleting a source file', source.accountId, source.provider);
    await source.deleteVideoSource(nativeId);
    const loaders = ctx.loaders(source);
    loaders.forgetVideo(nativeId);
    return { video: await loaders.video.load(nativeId) };
  }
}
