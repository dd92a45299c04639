import { Field, ID, ObjectType } from 'type-graphql';
import { Encoding, Profile, Video } from './media';

/** Mutation payloads: one object per mutation result, so fields can be added without breaking clients. */

@ObjectType('VideoPayload', { description: 'The video a mutation created or changed.' })
export class VideoPayload {
  @Field(() => Video, { description: 'The video as the provider answered.' })
  video!: unknown;
}

@ObjectType('EncodingPayload', { description: 'The encoding a mutation created or changed.' })
export class EncodingPayload {
  @Field(() => Encoding, { description: 'The encoding as the provider answered.' })
  encoding!: unknown;
}

@ObjectType('ProfilePayload', { description: 'The profile a mutation created or changed.' })
export class ProfilePayload {
  @Field(() => Profile, { description: 'The profile as the provider answered.' })
  profile!: unknown;
}

@ObjectType('DeletePayload', { description: 'What a delete mutation removed.' })
export class DeletePayload {
  @Field(() => ID, { description: 'Global id of the deleted object.' })
  deletedId!: string;
}
