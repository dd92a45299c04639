import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../node';
import { JSONObject, SafeInt } from '../scalars';
import { Encoding, Profile, Video } from '../video';

/** Dailymotion Cloud's own object types (dailymotion spec §5), joining the common interfaces. */

@ObjectType('DailymotionMedia', { implements: [Node, Video], description: 'A Dailymotion Cloud media; its assets (renditions by preset) are its encodings.' })
export class DailymotionMedia extends Video {
  @Field(() => JSONObject, { nullable: true, description: 'The media’s meta object (free key/value pairs, `title` among them).' })
  meta!: Record<string, unknown> | null;

  @Field(() => JSONObject, { nullable: true, description: 'Playback statistics as Dailymotion reports them, when asked for.' })
  stats!: Record<string, unknown> | null;
}

@ObjectType('DailymotionAsset', { implements: [Node, Encoding], description: 'One asset of a media: the rendition made with a preset (`mp4_h264_aac`, `jpeg_thumbnail_medium`, …).' })
export class DailymotionAsset extends Encoding {
  @Field(() => String, { description: 'The asset (preset) name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Container, e.g. `mp4`.' })
  container!: string | null;

  @Field(() => String, { nullable: true, description: 'Video codec.' })
  videoCodec!: string | null;

  @Field(() => String, { nullable: true, description: 'Audio codec.' })
  audioCodec!: string | null;

  @Field(() => SafeInt, { nullable: true, description: 'Video bitrate in bit/s.' })
  videoBitrate!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Audio bitrate in bit/s.' })
  audioBitrate!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Overall bitrate in bit/s.' })
  globalBitrate!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Width in pixels.' })
  width!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Height in pixels.' })
  height!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'File size in bytes.' })
  fileSize!: number | null;

  @Field(() => Float, { nullable: true, description: 'Duration in seconds.' })
  duration!: number | null;
}

@ObjectType('DailymotionPreset', { implements: [Node, Profile], description: 'An encoding preset of Dailymotion Cloud, and whether the account encodes new media with it.' })
export class DailymotionPreset extends Profile {
  @Field(() => Boolean, { description: 'Whether new media get this asset by default.' })
  active!: boolean;

  @Field(() => Boolean, { description: 'Whether the preset makes a thumbnail image.' })
  thumbnail!: boolean;

  @Field(() => Boolean, { description: 'Adaptive streaming preset (`abs*`): stream URLs need a protocol.' })
  adaptive!: boolean;
}
