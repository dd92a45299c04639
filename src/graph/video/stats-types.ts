import { Field, Int, ObjectType } from 'type-graphql';
import { VideoStatus } from '../../domain/types';
import { Account } from '../account/types';

@ObjectType('VideoStatusCount', { description: 'How many videos of an account are in one normalized status.' })
export class VideoStatusCount {
  @Field(() => VideoStatus, { description: 'The status.' })
  status!: VideoStatus;

  @Field(() => Int, { description: 'Videos in it.' })
  count!: number;
}

@ObjectType('AccountVideoStats', {
  description:
    'Video counts of one account. Costs: Ziggeo `videos/count` (1 call for the total, one more per status); Dailymotion `media.count` for the total, one walk of `media.list` (⌈n/100⌉ calls) by status, which it derives from assets; Panda and Telestream have no count call: one walk of the listing (⌊n/100⌋ + 1 calls) answers both. Walks stop with QUERY_TOO_COMPLEX past 2,000 videos.',
})
export class AccountVideoStats {
  @Field(() => Account, { description: 'The account counted.' })
  account!: Account;

  @Field(() => Int, { description: 'All its videos.' })
  total!: number;

  @Field(() => [VideoStatusCount], { description: 'Per normalized status, statuses with videos only; empty when not selected.' })
  byStatus!: VideoStatusCount[];
}
