import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { PandaEncoding, PandaProfile, PandaVideo } from '../providers/panda/schema';
import { ZiggeoAuthToken, ZiggeoStream, ZiggeoVideo } from '../providers/ziggeo/schema';
import { TelestreamEncoding, TelestreamProfile, TelestreamVideo } from '../providers/telestream/schema';
import { DailymotionAsset, DailymotionMedia, DailymotionPreset } from '../providers/dailymotion/schema';
import { AccountResolver } from './account/resolvers';
import { DailymotionMediaResolver, DailymotionPresetResolver, DailymotionUserResolver } from '../providers/dailymotion/resolvers';
import { DailymotionMutations } from '../providers/dailymotion/mutations';
import { EncodingResolver, ProfileResolver } from './encoding/resolvers';
import { EncodingMutations } from './encoding/mutations';
import { NodeResolver } from './node/resolvers';
import { NotificationMutations } from '../providers/hmac-query/notifications';
import { ProfileMutations } from './profile/mutations';
import { PlaybackResolver } from './playback/resolvers';
import { UploadResolver, UploadSessionResolver } from './upload/resolvers';
import { PandaVideoResolver, VideoResolver } from './video/resolvers';
import { VideoStatsResolver } from './video/stats';
import { VideoMutations } from './video/mutations';
import { ZiggeoStreamResolver, ZiggeoVideoResolver } from '../providers/ziggeo/resolvers';
import { ZiggeoAuthTokenResolver } from '../providers/ziggeo/auth-token-resolvers';
import { ZiggeoMutations } from '../providers/ziggeo/mutations';
import { withOperationSelection } from './common/selection';
import { describeSubscriptionRoot, NO_TOPIC_PUBSUB, VideoEventResolver } from './events/resolvers';

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the type-graphql classes. */
export function vidmeshSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      NodeResolver,
      AccountResolver,
      VideoResolver,
      VideoStatsResolver,
      PandaVideoResolver,
      EncodingResolver,
      ProfileResolver,
      VideoMutations,
      EncodingMutations,
      ProfileMutations,
      NotificationMutations,
      UploadResolver,
      UploadSessionResolver,
      PlaybackResolver,
      DailymotionUserResolver,
      DailymotionMediaResolver,
      DailymotionPresetResolver,
      DailymotionMutations,
      ZiggeoVideoResolver,
      ZiggeoStreamResolver,
      ZiggeoMutations,
      ZiggeoAuthTokenResolver,
      VideoEventResolver,
    ],
    pubSub: NO_TOPIC_PUBSUB,
    // provider types are reached through interfaces only: name them so every one is in the schema
    orphanedTypes: [PandaVideo, PandaEncoding, PandaProfile, TelestreamVideo, TelestreamEncoding, TelestreamProfile, ZiggeoVideo, ZiggeoStream, ZiggeoAuthToken, DailymotionMedia, DailymotionAsset, DailymotionPreset],
    validate: false,
  }).then(withOperationSelection).then(describeSubscriptionRoot);
  return built;
}
