import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { VideoEventType } from '../../events/types';
import { Account } from '../account/types';
import { DateTime, SafeInt } from '../common/scalars';
import { Encoding, Video } from '../common/media';

registerEnumType(VideoEventType, {
  name: 'VideoEventType',
  description: 'What happened to a video, the same for every provider (from its notifications, or from the gateway polling it).',
  valuesConfig: {
    CREATED: { description: 'The video was created at the provider.' },
    SOURCE_UPLOADED: { description: 'The source file arrived and processing can start.' },
    ENCODING_PROGRESS: { description: 'An encoding moved on (`progress`); several of one encoding may be merged into the latest for a slow subscriber.' },
    ENCODING_COMPLETED: { description: 'An encoding is ready (final: never dropped).' },
    ENCODING_FAILED: { description: 'An encoding failed or was cancelled (final: never dropped).' },
    DELETED: { description: 'The video was deleted (final: never dropped); `video` is null.' },
  },
});

/** Where an event came from; the wire values of VideoEvent.source. */
export enum VideoEventSource {
  NOTIFICATION = 'notification',
  POLLING = 'polling',
}

registerEnumType(VideoEventSource, {
  name: 'VideoEventSource',
  description: 'How the gateway learnt of an event.',
  valuesConfig: {
    NOTIFICATION: { description: 'The provider called the gateway back (a notification, webhook or callback).' },
    POLLING: { description: 'The gateway polled the account (Dailymotion, or an account whose notifications are not set up).' },
  },
});

@ObjectType('VideoEvent', {
  description:
    'One thing that happened to a video, normalized over the providers. `video` and `encoding` are read when the event arrives, through loaders shared by every subscriber (one upstream batch per account for a burst of events).',
})
export class VideoEventObject {
  @Field(() => ID, { description: 'Stable id of the event: a provider’s retried notification has the same one and is delivered once.' })
  id!: string;

  @Field(() => VideoEventType, { description: 'What happened.' })
  type!: VideoEventType;

  @Field(() => Account, { description: 'The account of the video.' })
  account!: Account;

  @Field(() => DateTime, { description: 'When the provider (or the poll) reported it.' })
  at!: Date;

  @Field(() => SafeInt, { nullable: true, description: 'Encoding progress from 0 to 100 for encoding events (100 once completed); null for video events.' })
  progress!: number | null;

  @Field(() => VideoEventSource, { description: 'Whether the provider notified the gateway or the gateway polled.' })
  source!: VideoEventSource;

  @Field(() => Video, {
    nullable: true,
    description: 'The video as it is now (one read per burst of events, shared by every subscriber); null once deleted, or with an error when it cannot be read.',
  })
  video!: Video | null;

  @Field(() => Encoding, { nullable: true, description: 'The encoding, for encoding events, as it is now; null for video events.' })
  encoding!: Encoding | null;
}

/** Where subscriptions are served: every refusal names both. */
export const SUBSCRIPTION_ENDPOINTS =
  'subscribe over a WebSocket at /graphql (graphql-transport-ws protocol, e.g. the graphql-ws client) or over Server-Sent Events: POST /graphql with Accept: text/event-stream (graphql-sse)';
