import { Directive, Field, Float, ID, InterfaceType } from 'type-graphql';
import { EncodingStatus, VideoStatus } from '../../domain/types';
import { Provider } from './enums';
import { Node, resolveKind } from './node';
import { DateTime, SafeInt } from './scalars';
import { connectionTypes } from './connection-types';

// an entity interface in a supergraph: other subgraphs add fields to every Video through @interfaceObject
@Directive('@key(fields: "id")')
@InterfaceType('Video', {
  implements: Node,
  resolveType: resolveKind,
  description: 'A video at any provider: the fields every provider fills. Use fragments for provider fields.',
})
export abstract class Video extends Node {
  @Field(() => ID, { description: 'The provider’s own id of the video.' })
  nativeId!: string;

  @Field(() => Provider, { description: 'The provider hosting the video.' })
  provider!: Provider;

  @Field(() => String, { nullable: true, description: 'Title, or the original file name where the provider has no title.' })
  title!: string | null;

  @Field(() => VideoStatus, { description: 'Normalized status of the source.' })
  status!: VideoStatus;

  @Field(() => String, { description: 'The provider’s own status value.' })
  rawStatus!: string;

  @Field(() => DateTime, { nullable: true, description: 'When the video was created at the provider.' })
  createdAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the provider last changed the video.' })
  updatedAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Duration in seconds.' })
  duration!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Size of the source file in bytes.' })
  fileSize!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Width of the source in pixels.' })
  width!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Height of the source in pixels.' })
  height!: number | null;
}

// an entity interface in a supergraph: other subgraphs add fields to every Encoding through @interfaceObject
@Directive('@key(fields: "id")')
@InterfaceType('Encoding', {
  implements: Node,
  resolveType: resolveKind,
  description: 'One rendition of a video made with a profile (Panda/Telestream encodings, Dailymotion assets).',
})
export abstract class Encoding extends Node {
  @Field(() => ID, { description: 'The provider’s own id of the encoding.' })
  nativeId!: string;

  @Field(() => Provider, { description: 'The provider doing the encoding.' })
  provider!: Provider;

  @Field(() => EncodingStatus, { description: 'Normalized status.' })
  status!: EncodingStatus;

  @Field(() => String, { description: 'The provider’s own status value.' })
  rawStatus!: string;

  @Field(() => SafeInt, { description: 'Progress from 0 to 100 (100 once READY).' })
  progress!: number;

  @Field(() => String, { nullable: true, description: 'Name of the profile (preset) used, when the provider tells it.' })
  profileName!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the encoding was created.' })
  createdAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the provider last changed the encoding.' })
  updatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the encoding failed, when it did.' })
  errorMessage!: string | null;
}

// an entity interface in a supergraph: other subgraphs add fields to every Profile through @interfaceObject
@Directive('@key(fields: "id")')
@InterfaceType('Profile', {
  implements: Node,
  resolveType: resolveKind,
  description: 'An encoding profile (preset): how a rendition is made.',
})
export abstract class Profile extends Node {
  @Field(() => ID, { description: 'The provider’s own id of the profile.' })
  nativeId!: string;

  @Field(() => Provider, { description: 'The provider owning the profile.' })
  provider!: Provider;

  @Field(() => String, { description: 'Machine name, unique in its account (e.g. `h264`).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Human-readable title.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Extension of the output files, e.g. `.mp4`.' })
  extname!: string | null;

  @Field(() => SafeInt, { nullable: true, description: 'Output width in pixels.' })
  width!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Output height in pixels.' })
  height!: number | null;

  @Field(() => DateTime, { nullable: true, description: 'When the profile was created.' })
  createdAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the profile was last changed.' })
  updatedAt!: Date | null;
}

export const VideoConnection = connectionTypes('Video', () => Video, 'A page of videos across the chosen accounts, in the order asked.');
export const EncodingConnection = connectionTypes('Encoding', () => Encoding, 'A page of encodings.');
export const ProfileConnection = connectionTypes('Profile', () => Profile, 'A page of encoding profiles.');
