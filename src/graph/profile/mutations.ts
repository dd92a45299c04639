import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { ProfileSettings } from '../../domain/account-objects';
import { Capability } from '../../domain/types';
import { unsupported } from '../../errors';
import { DeletePayload, ProfilePayload } from '../common/payloads';
import { locate, typesOf } from '../node/lookup';
import { maxLength, oneOf, positiveInt } from '../../domain/validate';

const ASPECT_MODES = ['preserve', 'constrain', 'letterbox', 'pad', 'crop'] as const;

@InputType('ProfileSettingsInput', { description: 'Encoding settings of a profile; absent fields keep the provider’s default or current value.' })
export class ProfileSettingsInput {
  @Field(() => String, { nullable: true, description: 'Unique machine name in the account, e.g. `h264-720p`.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Human-readable title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Extension of the output, e.g. `.mp4` (required with `command`).' })
  extname?: string | null;

  @Field(() => Int, { nullable: true, description: 'Output width in pixels.' })
  width?: number | null;

  @Field(() => Int, { nullable: true, description: 'Output height in pixels.' })
  height?: number | null;

  @Field(() => Int, { nullable: true, description: 'Video bitrate in kbit/s.' })
  videoBitrate?: number | null;

  @Field(() => Int, { nullable: true, description: 'Audio bitrate in kbit/s.' })
  audioBitrate?: number | null;

  @Field(() => String, { nullable: true, description: 'preserve, constrain, letterbox (default), pad or crop.' })
  aspectMode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether smaller sources are scaled up (default true).' })
  upscale?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Two-pass encoding.' })
  twoPass?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Output frames per second.' })
  fps?: number | null;

  @Field(() => Int, { nullable: true, description: 'Frames between key frames (default 250).' })
  keyframeInterval?: number | null;

  @Field(() => Int, { nullable: true, description: 'Audio sample rate in Hz (default 44100).' })
  audioSampleRate?: number | null;

  @Field(() => Int, { nullable: true, description: 'Audio channels.' })
  audioChannels?: number | null;

  @Field(() => Int, { nullable: true, description: 'Thumbnails per video (default 7).' })
  frameCount?: number | null;

  @Field(() => String, { nullable: true, description: 'URL of a watermark image.' })
  watermarkUrl?: string | null;
}

@InputType('CreateProfileInput', { description: 'A new profile: from a preset (`presetName`) or a custom encoder `command`.' })
export class CreateProfileInput extends ProfileSettingsInput {
  @Field(() => ID, { description: 'Account to create the profile in.' })
  account!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Panda preset: h264, h264.hi, webm, webm.hi, ogg, ogg.hi, hls.variant, hls.variant.audio, hls.variant.playlist, hss, mp3, aac, vorbis, thumbnail.',
  })
  presetName?: string | null;

  @Field(() => String, { nullable: true, description: 'Custom encoder command (tokens such as `$input_file$`); needs `extname`.' })
  command?: string | null;
}

function checkSettings(s: ProfileSettingsInput): ProfileSettings {
  for (const key of ['width', 'height', 'videoBitrate', 'audioBitrate', 'fps', 'keyframeInterval', 'audioSampleRate', 'audioChannels', 'frameCount'] as const) {
    positiveInt(s[key], key, 1_000_000);
  }
  oneOf(s.aspectMode, ASPECT_MODES, 'aspectMode');
  maxLength(s.name, 128, 'name');
  maxLength(s.title, 256, 'title');
  return s;
}

@Resolver()
export class ProfileMutations {
  @Mutation(() => ProfilePayload, { description: 'Creates an encoding profile.' })
  async createProfile(
    @Arg('input', () => CreateProfileInput, { description: 'The profile to create.' }) input: CreateProfileInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProfilePayload> {
    const source = ctx.account(input.account);
    if (!source.createProfile) throw unsupported('managing profiles', source.accountId, source.provider);
    const { account: _account, ...options } = input;
    const profile = await source.createProfile(checkSettings(options));
    ctx.loaders(source).primeProfiles([profile]);
    return { profile };
  }

  @Mutation(() => ProfilePayload, { description: 'Changes a profile’s settings.' })
  async updateProfile(
    @Arg('id', () => ID, { description: 'Global id of the profile.' }) id: string,
    @Arg('input', () => ProfileSettingsInput, { description: 'Settings to change; absent ones stay.' }) input: ProfileSettingsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProfilePayload> {
    const { source, nativeId } = locate(ctx, id, typesOf('profile', Capability.MANAGE_PROFILES));
    if (!source.updateProfile) throw unsupported('managing profiles', source.accountId, source.provider);
    const profile = await source.updateProfile(nativeId, checkSettings(input));
    ctx.loaders(source).primeProfiles([profile]);
    return { profile };
  }

  @Mutation(() => DeletePayload, { description: 'Deletes a profile.' })
  async deleteProfile(@Arg('id', () => ID, { description: 'Global id of the profile.' }) id: string, @Ctx() ctx: RequestContext): Promise<DeletePayload> {
    const { source, nativeId } = locate(ctx, id, typesOf('profile', Capability.MANAGE_PROFILES));
    if (!source.deleteProfile) throw unsupported('managing profiles', source.accountId, source.provider);
    await source.deleteProfile(nativeId);
    return { deletedId: id };
  }
}
