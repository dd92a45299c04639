import { Field, Float, ObjectType } from 'type-graphql';
import { AuthToken } from '../../graph/common/auth-token';
import { connectionTypes } from '../../graph/common/connection-types';
import { Node } from '../../graph/common/node';
import { DateTime, SafeInt } from '../../graph/common/scalars';
import { Encoding, Video } from '../../graph/common/media';

/** Ziggeo's own object types (ziggeo spec §6), joining the common interfaces. */

@ObjectType('ZiggeoVideo', { implements: [Node, Video], description: 'A video of a Ziggeo application; its streams are its encodings.' })
export class ZiggeoVideo extends Video {
  @Field(() => String, { description: 'Ziggeo’s video token (also `nativeId`).' })
  token!: string;

  @Field(() => String, { nullable: true, description: 'The application’s own unique key for the video, if set.' })
  key!: string | null;

  @Field(() => SafeInt, { nullable: true, description: 'Ziggeo’s numeric state (5 = ready), beside `rawStatus` (`state_string`).' })
  rawState!: number | null;

  @Field(() => [String], { description: 'Tags of the video.' })
  tags!: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether the video is volatile (deleted after a while unless kept).' })
  volatile!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Moderation state as Ziggeo reports it.' })
  approved!: string | null;

  @Field(() => SafeInt, { nullable: true, description: 'Days after which Ziggeo deletes the video, if set.' })
  expirationDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'Minimum duration in seconds accepted when recording.' })
  minDuration!: number | null;

  @Field(() => Float, { nullable: true, description: 'Maximum duration in seconds accepted when recording.' })
  maxDuration!: number | null;

  @Field(() => String, { nullable: true, description: 'Ziggeo’s embed URL of the video.' })
  embedVideoUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Ziggeo’s embed URL of the video’s image.' })
  embedImageUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Token of the stream the video plays.' })
  defaultStreamToken!: string | null;

  @Field(() => String, { nullable: true, description: 'Token of the first (original) stream.' })
  originalStreamToken!: string | null;
}

@ObjectType('ZiggeoStream', { implements: [Node, Encoding], description: 'One stream (version) of a Ziggeo video: the original upload, a re-recording or an attached file.' })
export class ZiggeoStream extends Encoding {
  @Field(() => String, { description: 'Ziggeo’s stream token.' })
  token!: string;

  @Field(() => String, { nullable: true, description: 'The application’s own key for the stream, if set.' })
  key!: string | null;

  @Field(() => SafeInt, { nullable: true, description: 'Ziggeo’s numeric state, beside `rawStatus`.' })
  rawState!: number | null;

  @Field(() => String, { nullable: true, description: 'How the stream was made, as Ziggeo reports it.' })
  creationType!: string | null;

  @Field(() => String, { nullable: true, description: 'Whether and how the stream can be played yet.' })
  streamable!: string | null;

  @Field(() => String, { nullable: true, description: 'Container of the stream’s video, e.g. `mp4`.' })
  videoType!: string | null;

  @Field(() => SafeInt, { nullable: true, description: 'Width in pixels.' })
  width!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Height in pixels.' })
  height!: number | null;

  @Field(() => Float, { nullable: true, description: 'Duration in seconds.' })
  duration!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Size of the video file in bytes.' })
  videoSize!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Size of the image file in bytes.' })
  imageSize!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the stream has video.' })
  hasVideo!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the stream has an image.' })
  hasImage!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the video plays this stream (null when read without its video).' })
  isDefault!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether this is the video’s first stream.' })
  isOriginal!: boolean | null;
}

@ObjectType('ZiggeoAuthToken', { implements: [Node, AuthToken], description: 'A server-side auth token of a Ziggeo application (ziggeo spec §5.3, §6.3).' })
export class ZiggeoAuthToken extends AuthToken {
  @Field(() => Boolean, { nullable: true, description: 'Whether the token is volatile (removed once unused for a while).' })
  volatile!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the token is hidden from the application’s token listing in the Ziggeo dashboard.' })
  hidden!: boolean | null;

  @Field(() => SafeInt, { nullable: true, description: 'Seconds one session may use the token (`usage_expiration_time`).' })
  usageExpirationTime!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'How many sessions may use the token (`session_limit`).' })
  sessionLimit!: number | null;

  @Field(() => String, { nullable: true, description: 'Ziggeo’s nonce of the token, when it reports one.' })
  nonce!: string | null;
}

@ObjectType('ZiggeoClientAuthToken', {
  description: 'A client auth token made by the gateway from the application’s encryption key (AES-256-CBC, ziggeo spec §8): no upstream call, nothing stored.',
})
export class ZiggeoClientAuthToken {
  @Field(() => String, { description: 'The token: 16 IV characters then the hex ciphertext. Hand it to the Ziggeo client.' })
  token!: string;

  @Field(() => String, { description: 'The nonce encrypted in the token (Unix seconds then a random integer).' })
  nonce!: string;

  @Field(() => DateTime, { nullable: true, description: 'The `expiration_date` encrypted in the token; null: none.' })
  expiresAt!: Date | null;
}

export const ZiggeoVideoConnection = connectionTypes('ZiggeoVideo', () => ZiggeoVideo, 'A page of one Ziggeo application’s videos, in Ziggeo’s order.');
