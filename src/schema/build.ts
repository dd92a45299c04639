import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { PandaEncoding, PandaProfile, PandaVideo } from './providers/panda';
import { ZiggeoAuthToken, ZiggeoStream, ZiggeoVideo } from './providers/ziggeo';
import { TelestreamEncoding, TelestreamProfile, TelestreamVideo } from './providers/telestream';
import { DailymotionAsset, DailymotionMedia, DailymotionPreset } from './providers/dailymotion';
import { AccountResolver } from '../resolvers/account';
import { DailymotionMediaResolver, DailymotionPresetResolver, DailymotionUserResolver } from '../resolvers/dailymotion';
import { DailymotionMutations } from '../resolvers/dailymotion-mutations';
import { EncodingResolver, ProfileResolver } from '../resolvers/encoding';
import { EncodingMutations } from '../resolvers/encoding-mutations';
import { NodeResolver } from '../resolvers/node';
import { NotificationMutations } from '../resolvers/notifications';
import { ProfileMutations } from '../resolvers/profile-mutations';
import { PlaybackResolver } from '../resolvers/playback';
import { UploadResolver, UploadSessionResolver } from '../resolvers/upload';
import { PandaVideoResolver, VideoResolver } from '../resolvers/video';
import { VideoStatsResolver } from '../resolvers/video-stats';
import { VideoMutations } from '../resolvers/video-mutations';
import { ZiggeoStreamResolver, ZiggeoVideoResolver } from '../resolvers/ziggeo';
import { ZiggeoAuthTokenResolver } from '../resolvers/ziggeo-auth-tokens';
import { ZiggeoMutations } from '../resolvers/ziggeo-mutations';
import { withOperationSelection } from './selection';

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
    ],
    // provider types are reached through interfaces only: name them so every one is in the schema
    orphanedTypes: [PandaVideo, PandaEncoding, PandaProfile, TelestreamVideo, TelestreamEncoding, TelestreamProfile, ZiggeoVideo, ZiggeoStream, ZiggeoAuthToken, DailymotionMedia, DailymotionAsset, DailymotionPreset],
    validate: false,
  }).then(withOperationSelection);
  return built;
}
