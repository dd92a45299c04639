import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graph/common/node';
import { Encoding, Profile, Video } from '../../graph/common/media';
import { PandaCloud, PandaEncoding, PandaNotifications, PandaProfile, PandaVideo } from '../panda/schema';

/**
 * Telestream Cloud (Flip) types. Telestream is Panda's successor with the same resource model
 * (telestream spec §5): each type has Panda's fields, under its own name.
 */

@ObjectType('TelestreamVideo', { implements: [Node, Video], description: 'A video in a Telestream Cloud factory.' })
export class TelestreamVideo extends PandaVideo {}

@ObjectType('TelestreamEncoding', { implements: [Node, Encoding], description: 'An encoding of a Telestream video with one profile.' })
export class TelestreamEncoding extends PandaEncoding {}

@ObjectType('TelestreamProfile', { implements: [Node, Profile], description: 'A Telestream encoding profile, made from a preset.' })
export class TelestreamProfile extends PandaProfile {}

@ObjectType('TelestreamFactory', { implements: Node, description: 'A Telestream factory: the storage and settings one Telestream account works in.' })
export class TelestreamFactory extends PandaCloud {
  @Field(() => Boolean, { nullable: true, description: 'Whether the original file is kept in storage.' })
  uploadOriginalVideo!: boolean | null;
}

@ObjectType('TelestreamNotifications', { description: 'A Telestream factory’s notification (webhook) settings.' })
export class TelestreamNotifications extends PandaNotifications {
  @Field(() => Boolean, { nullable: true, description: 'Whether notifications carry the video’s payload.' })
  sendVideoPayload!: boolean | null;
}
