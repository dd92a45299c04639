import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { unsupported } from '../../errors';
import { httpUrl, positiveInt } from '../../domain/validate';
import { Notifications } from './unions';

/** Notification (webhook) settings: read on `Account.notifications`, changed here, by providers that have them. */

@InputType('NotificationEventsInput', { description: 'Event flags to change; absent flags stay as they are.' })
export class NotificationEventsInput {
  @Field(() => Boolean, { nullable: true, description: 'Post `video-created`.' })
  videoCreated?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Post `video-encoded`.' })
  videoEncoded?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Post `encoding-progress`.' })
  encodingProgress?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Post `encoding-complete`.' })
  encodingCompleted?: boolean | null;
}

@InputType('UpdateNotificationsInput', { description: 'New notification settings of an account.' })
export class UpdateNotificationsInput {
  @Field(() => ID, { description: 'The account.' })
  account!: string;

  @Field(() => String, { nullable: true, description: 'http(s) URL to post events to; explicit null removes it; absent keeps it.' })
  url?: string | null;

  @Field(() => Int, { nullable: true, description: 'Initial notification delay in seconds.' })
  delay?: number | null;

  @Field(() => NotificationEventsInput, { nullable: true, description: 'Which events to post.' })
  events?: NotificationEventsInput | null;
}

@ObjectType('NotificationsPayload', { description: 'Notification settings after the change.' })
export class NotificationsPayload {
  @Field(() => Notifications, { description: 'The settings as the provider answered.' })
  notifications!: unknown;
}

@Resolver()
export class NotificationMutations {
  @Mutation(() => NotificationsPayload, { description: 'Changes where and which events the provider posts.' })
  async updateNotifications(
    @Arg('input', () => UpdateNotificationsInput, { description: 'The new settings.' }) input: UpdateNotificationsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<NotificationsPayload> {
    const source = ctx.account(input.account);
    if (!source.updateNotifications) throw unsupported('notifications', source.accountId, source.provider);
    if (input.url != null) httpUrl(input.url, 'url');
    if (input.delay != null && input.delay !== 0) positiveInt(input.delay, 'delay', 86_400);
    return { notifications: await source.updateNotifications(input) };
  }
}
