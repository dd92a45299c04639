import { Arg, Ctx, Field, ID, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { VidmeshError } from '../../errors';
import { receiverOf } from '../../events/receiver';
import { configureNotifications } from '../../events/receiver-setup';
import { providerNamed } from '../../providers';

/** `configureNotifications`: the GraphQL face of src/events/receiver-setup.ts. */

export enum NotificationDelivery {
  NOTIFICATION_SETTINGS = 'NOTIFICATION_SETTINGS',
  WEBHOOK = 'WEBHOOK',
}

registerEnumType(NotificationDelivery, {
  name: 'NotificationDelivery',
  description: 'How a provider was told to reach the gateway’s notification receiver.',
  valuesConfig: {
    NOTIFICATION_SETTINGS: { description: 'The account’s notification settings (Panda, Telestream): URL, no delay, every event on; they replace the previous settings.' },
    WEBHOOK: { description: 'A new webhook (Ziggeo), confirmed with the validation code the provider sends to it.' },
  },
});

@ObjectType('ConfigureNotificationsPayload', { description: 'What `configureNotifications` set up at the provider.' })
export class ConfigureNotificationsPayload {
  @Field(() => ID, { description: 'The vidmesh account configured.' })
  accountId!: string;

  @Field(() => NotificationDelivery, { description: 'How the provider now reaches the gateway.' })
  delivery!: NotificationDelivery;

  @Field(() => String, {
    description:
      'Where the provider posts: `server.publicUrl`, or the gateway’s own origin when it is not set. The secret path after it (`/notifications/<account>/<secret>`) is never shown.',
  })
  receiverBaseUrl!: string;

  @Field(() => [String], { description: 'The provider’s own names of the events it will post (`encoding-progress`, `video_ready`, …).' })
  events!: string[];

  @Field(() => String, { nullable: true, description: 'The webhook’s id at the provider (Ziggeo); null for notification settings.' })
  webhookId!: string | null;

  @Field(() => Boolean, {
    description:
      'Whether the provider is known to deliver: true for notification settings; for a webhook, whether its validation code came back to this gateway and was confirmed within 5 seconds.',
  })
  confirmed!: boolean;
}

@Resolver()
export class NotificationReceiverMutations {
  @Mutation(() => ConfigureNotificationsPayload, {
    description:
      'Points the account’s provider at this gateway’s notification receiver, so video events reach subscribers as they happen: Panda and Telestream get their notification settings replaced (the receiver URL, no delay, every event), Ziggeo a new webhook (the one this gateway made before is removed). UNSUPPORTED_BY_PROVIDER for Dailymotion, which has no notifications.',
  })
  async configureNotifications(
    @Arg('account', () => ID, { description: 'The vidmesh account id.' }) account: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ConfigureNotificationsPayload> {
    const source = ctx.account(account);
    const receiver = receiverOf(ctx.registry);
    if (receiver === undefined) throw new VidmeshError('INTERNAL_SERVER_ERROR', 'no notification receiver runs in this process');
    const setup = await configureNotifications(receiver, source, providerNamed(source.provider).notifications?.configure);
    return {
      accountId: source.accountId,
      delivery: setup.delivery as NotificationDelivery,
      receiverBaseUrl: receiver.publicBase(),
      events: [...setup.events],
      webhookId: setup.webhookId,
      confirmed: setup.confirmed,
    };
  }
}
