import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from '../../graph/common/node';
import { DateTime, SafeInt } from '../../graph/common/scalars';
import { Encoding, Profile, Video } from '../../graph/common/media';

/** Panda's own object types (panda spec §4), each joining the common interfaces. */

@ObjectType('PandaVideo', { implements: [Node, Video], description: 'A video in a Panda cloud.' })
export class PandaVideo extends Video {
  @Field(() => String, { nullable: true, description: 'Name of the uploaded file.' })
  originalFilename!: string | null;

  @Field(() => String, { nullable: true, description: 'URL the source was fetched from, for videos created from a URL.' })
  sourceUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Extension of the source file, e.g. `.mp4`.' })
  extname!: string | null;

  @Field(() => String, { nullable: true, description: 'Storage path of the source (without extension), following the cloud’s `path_format`.' })
  path!: string | null;

  @Field(() => String, { nullable: true, description: 'MIME type of the source.' })
  mimeType!: string | null;

  @Field(() => String, { nullable: true, description: 'Video codec of the source, e.g. `h264`.' })
  videoCodec!: string | null;

  @Field(() => String, { nullable: true, description: 'Audio codec of the source, e.g. `aac`.' })
  audioCodec!: string | null;

  @Field(() => Float, { nullable: true, description: 'Frames per second of the source.' })
  fps!: number | null;

  @Field(() => String, { nullable: true, description: 'Free text (≤ 256 characters) stored with the video by its creator.' })
  payload!: string | null;

  @Field(() => String, { nullable: true, description: 'The provider’s error class when the video failed, e.g. `DownloadFailed`.' })
  errorClass!: string | null;

  @Field(() => String, { nullable: true, description: 'The provider’s error message when the video failed.' })
  errorMessage!: string | null;
}

@ObjectType('PandaEncoding', { implements: [Node, Encoding], description: 'An encoding of a Panda video with one profile.' })
export class PandaEncoding extends Encoding {
  @Field(() => String, { nullable: true, description: 'Extension of the output, e.g. `.mp4`.' })
  extname!: string | null;

  @Field(() => String, { nullable: true, description: 'Storage path of the output (without extension).' })
  path!: string | null;

  @Field(() => SafeInt, { nullable: true, description: 'Output width in pixels.' })
  width!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Output height in pixels.' })
  height!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Output size in bytes.' })
  fileSize!: number | null;

  @Field(() => DateTime, { nullable: true, description: 'When encoding started (null while queued).' })
  startedEncodingAt!: Date | null;

  @Field(() => SafeInt, { nullable: true, description: 'Encoding time as the provider reports it (`encoding_time`).' })
  encodingTime!: number | null;

  @Field(() => [String], { description: 'Output file names, relative to the cloud’s storage URL.' })
  files!: string[];

  @Field(() => String, { nullable: true, description: 'The provider’s error class when the encoding failed.' })
  errorClass!: string | null;
}

@ObjectType('PandaProfile', { implements: [Node, Profile], description: 'A Panda encoding profile, from a preset or a custom command.' })
export class PandaProfile extends Profile {
  @Field(() => String, { nullable: true, description: 'The preset it was made from (`h264`, `webm`, `hls.variant`, …).' })
  presetName!: string | null;

  @Field(() => SafeInt, { nullable: true, description: 'Audio bitrate in kbit/s.' })
  audioBitrate!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Video bitrate in kbit/s.' })
  videoBitrate!: number | null;

  @Field(() => String, { nullable: true, description: 'How the picture fits the size: preserve, constrain, letterbox, pad or crop.' })
  aspectMode!: string | null;

  @Field(() => String, { nullable: true, description: 'The encoder command of a custom profile.' })
  command!: string | null;
}

@ObjectType('PandaCloud', { implements: Node, description: 'A Panda cloud: the storage and settings one Panda account works in.' })
export class PandaCloud extends Node {
  @Field(() => ID, { description: 'The provider’s id of the cloud (factory).' })
  nativeId!: string;

  @Field(() => String, { nullable: true, description: 'Name of the cloud.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'S3 bucket the cloud stores videos in.' })
  s3VideosBucket!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether stored files are private.' })
  s3PrivateAccess!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Base URL of the stored files.' })
  url!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the cloud was created.' })
  createdAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the cloud was last changed.' })
  updatedAt!: Date | null;
}

@ObjectType('PandaNotificationEvents', { description: 'Which events Panda posts to the notification URL.' })
export class PandaNotificationEvents {
  @Field(() => Boolean, { description: '`video-created`: a video was created.' })
  videoCreated!: boolean;

  @Field(() => Boolean, { description: '`video-encoded`: all of a video’s encodings finished.' })
  videoEncoded!: boolean;

  @Field(() => Boolean, { description: '`encoding-progress`: an encoding advanced.' })
  encodingProgress!: boolean;

  @Field(() => Boolean, { description: '`encoding-complete`: an encoding finished.' })
  encodingCompleted!: boolean;
}

@ObjectType('PandaNotifications', { description: 'A Panda cloud’s notification (webhook) settings.' })
export class PandaNotifications {
  @Field(() => String, { nullable: true, description: 'URL Panda posts events to; null when none.' })
  url!: string | null;

  @Field(() => SafeInt, { nullable: true, description: 'Initial notification delay in seconds.' })
  delay!: number | null;

  @Field(() => PandaNotificationEvents, { description: 'The events posted.' })
  events!: PandaNotificationEvents;
}
