import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ClassType } from 'type-graphql';
import { PROVIDERS } from '../providers';
import { AccountResolver } from './account/resolvers';
import { NotificationMutations } from './account/notifications';
import { NotificationReceiverMutations } from './account/configure-notifications';
import { EncodingResolver, ProfileResolver } from './encoding/resolvers';
import { EncodingMutations } from './encoding/mutations';
import { NodeResolver } from './node/resolvers';
import { ProfileMutations } from './profile/mutations';
import { PlaybackResolver } from './playback/resolvers';
import { UploadResolver, UploadSessionResolver } from './upload/resolvers';
import { VideoResolver } from './video/resolvers';
import { VideoStatsResolver } from './video/stats';
import { VideoMutations } from './video/mutations';
import { withDirectResolvers } from './common/direct-resolvers';
import { withNullableMutations } from './common/nullable-mutations';
import { withOperationSelection } from './common/selection';
import { describeSubscriptionRoot, NO_TOPIC_PUBSUB, VideoEventResolver } from './events/resolvers';

let built: Promise<GraphQLSchema> | undefined;

/** The generic graph: provider-free, it reaches providers through their datasources only. */
const GENERIC_RESOLVERS = [
  NodeResolver,
  AccountResolver,
  VideoResolver,
  VideoStatsResolver,
  EncodingResolver,
  ProfileResolver,
  VideoMutations,
  EncodingMutations,
  ProfileMutations,
  NotificationMutations,
  NotificationReceiverMutations,
  VideoEventResolver,
  UploadResolver,
  UploadSessionResolver,
  PlaybackResolver,
] as const;

/** The executable schema, built once per process from the type-graphql classes. */
export function vidmeshSchema(): Promise<GraphQLSchema> {
  // providers of one API family share resolvers (Panda's serve Telestream's types): each is listed once
  const resolvers = [...new Set<ClassType>([...GENERIC_RESOLVERS, ...PROVIDERS.flatMap((p) => p.schema.resolvers)])] as [ClassType, ...ClassType[]];
  built ??= buildSchema({
    resolvers,
    pubSub: NO_TOPIC_PUBSUB,
    // provider types are reached through interfaces only: name them so every one is in the schema
    orphanedTypes: PROVIDERS.flatMap((p) => p.schema.types),
    validate: false,
  })
    .then((schema) => withDirectResolvers(schema, resolvers))
    .then(withNullableMutations)
    .then(withOperationSelection)
    .then(describeSubscriptionRoot);
  return built;
}
