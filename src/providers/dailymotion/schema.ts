import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graph/common/node';
import { DateTime, JSONObject, SafeInt } from '../../graph/common/scalars';
import { Encoding, Profile, Video } from '../../graph/common/media';

/** Dailymotion Cloud's own object types (dailymotion spec §5), joining the common interfaces. */

@ObjectType('DailymotionMedia', { implements: [Node, Video], description: 'A Dailymotion Cloud media; its assets (renditions by preset) are its encodings.' })
export class DailymotionMedia extends Video {
  @Field(() => JSONObject, { nullable: true, description: 'The media’s meta object (free key/value pairs, `title` among them).' })
  meta!: Record<string, unknown> | null;

  @Field(() => JSONObject, { nullable: true, description: 'Playback statistics as Dailymotion reports them, when asked for.' })
  stats!: Record<string, unknown> | null;
}

@ObjectType('DailymotionAsset', {
  implements: [Node, Encoding],
  description: 'One asset of a media: the rendition made with a preset (`mp4_h264_aac`, `jpeg_thumbnail_medium`, …).',
})
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

@ObjectType('DailymotionUser', { implements: Node, description: 'A Dailymotion Cloud user: the account itself, as `user.whoami` describes it.' })
export class DailymotionUser extends Node {
  @Field(() => ID, { description: 'The user id (24 hexadecimal characters).' })
  nativeId!: string;

  @Field(() => String, { nullable: true, description: 'The user name.' })
  username!: string | null;

  @Field(() => JSONObject, { description: 'Every field `user.whoami` answered, as is.' })
  fields!: Record<string, unknown>;
}

@InputType('DailymotionMetaEntryInput', { description: 'One meta key and its value.' })
export class DailymotionMetaEntryInput {
  @Field(() => String, { description: 'Meta key: letters, digits, `_` and `-`, at most 64 characters.' })
  key!: string;

  @Field(() => String, { description: 'The value (at most 10 000 characters).' })
  value!: string;
}

@InputType('DailymotionMediaFilter', { description: 'Narrows a Dailymotion media list or count; applied upstream by CloudKey (`filter`).' })
export class DailymotionMediaFilter {
  @Field(() => [DailymotionMetaEntryInput], { nullable: true, description: 'Meta keys that must have exactly these values.' })
  meta?: DailymotionMetaEntryInput[] | null;

  @Field(() => DateTime, { nullable: true, description: 'Created at or after this time (whole seconds).' })
  createdFrom?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Created before this time (whole seconds).' })
  createdBefore?: Date | null;
}

export enum DailymotionMediaOrder {
  CREATED_DESC = 'CREATED_DESC',
  CREATED_ASC = 'CREATED_ASC',
  TITLE_ASC = 'TITLE_ASC',
  TITLE_DESC = 'TITLE_DESC',
}
registerEnumType(DailymotionMediaOrder, {
  name: 'DailymotionMediaOrder',
  description: 'Order of a Dailymotion media list, applied upstream (`sort`).',
  valuesConfig: {
    CREATED_DESC: { description: 'Newest first.' },
    CREATED_ASC: { description: 'Oldest first.' },
    TITLE_ASC: { description: 'By `meta.title`, A to Z.' },
    TITLE_DESC: { description: 'By `meta.title`, Z to A.' },
  },
});

@ObjectType('DailymotionMediaPayload', { description: 'The media a Dailymotion mutation changed, read back with the fields the mutation selects.' })
export class DailymotionMediaPayload {
  @Field(() => DailymotionMedia, { description: 'The media after the change.' })
  media!: unknown;
}
