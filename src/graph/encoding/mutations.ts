import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { badUserInput, unsupported } from '../../errors';
import { DeletePayload, EncodingPayload } from '../common/payloads';
import { locate, typesOf } from '../node/lookup';
import { Capability } from '../../domain/types';

@InputType('CreateEncodingInput', { description: 'A new encoding of a video: give exactly one of `profile` and `profileName`.' })
export class CreateEncodingInput {
  @Field(() => ID, { description: 'Global id of the video to encode.' })
  video!: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the profile (same account as the video).' })
  profile?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the profile, e.g. `h264`.' })
  profileName?: string | null;
}

@Resolver()
export class EncodingMutations {
  @Mutation(() => EncodingPayload, { description: 'Creates an encoding of a video with a profile.' })
  async createEncoding(
    @Arg('input', () => CreateEncodingInput, { description: 'The encoding to create.' }) input: CreateEncodingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EncodingPayload> {
    const video = locate(ctx, input.video, typesOf('video', Capability.CREATE_ENCODING));
    if ((input.profile == null) === (input.profileName == null)) {
      throw badUserInput('give exactly one of profile and profileName', { field: 'profile' });
    }
    let profileId: string | null = null;
    if (input.profile != null) {
      const profile = locate(ctx, input.profile, typesOf('profile'));
      if (profile.source !== video.source) throw badUserInput('profile: belongs to another account than the video', { field: 'profile' });
      profileId = profile.nativeId;
    }
    const source = video.source;
    if (!source.createEncoding) throw unsupported('creating encodings', source.accountId, source.provider);
    const encoding = await source.createEncoding({ videoId: video.nativeId, profileId, profileName: input.profileName });
    ctx.loaders(source).forgetVideo(video.nativeId);
    return { encoding };
  }

  @Mutation(() => EncodingPayload, { description: 'Retries a failed or cancelled encoding; answers the encoding read back.' })
  async retryEncoding(@Arg('id', () => ID, { description: 'Global id of the encoding.' }) id: string, @Ctx() ctx: RequestContext): Promise<EncodingPayload> {
    const { source, nativeId } = locate(ctx, id, typesOf('encoding'));
    if (!source.retryEncoding) throw unsupported('retrying encodings', source.accountId, source.provider);
    return { encoding: await source.retryEncoding(nativeId) };
  }

  @Mutation(() => EncodingPayload, { description: 'Cancels a queued or running encoding; answers the encoding read back.' })
  async cancelEncoding(@Arg('id', () => ID, { description: 'Global id of the encoding.' }) id: string, @Ctx() ctx: RequestContext): Promise<EncodingPayload> {
    const { source, nativeId } = locate(ctx, id, typesOf('encoding'));
    if (!source.cancelEncoding) throw unsupported('cancelling encodings', source.accountId, source.provider);
    return { encoding: await source.cancelEncoding(nativeId) };
  }

  @Mutation(() => DeletePayload, { description: 'Deletes an encoding and its files.' })
  async deleteEncoding(@Arg('id', () => ID, { description: 'Global id of the encoding.' }) id: string, @Ctx() ctx: RequestContext): Promise<DeletePayload> {
    const { source, nativeId } = locate(ctx, id, typesOf('encoding'));
    if (!source.deleteEncoding) throw unsupported('deleting encodings', source.accountId, source.provider);
    await source.deleteEncoding(nativeId);
    return { deletedId: id };
  }
}
