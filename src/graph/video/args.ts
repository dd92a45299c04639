import { Field, InputType, registerEnumType } from 'type-graphql';
import { SortDirection, VideoSortField, type VideoListSpec } from '../../domain/listing';
import { VideoStatus } from '../../domain/types';
import { badUserInput } from '../../errors';
import { DateTime } from '../common/scalars';

/** Arguments of `videos`: the filter (where each part is applied, per provider) and the order. */

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Direction of an order.',
  valuesConfig: { ASC: { description: 'Smallest (oldest) first.' }, DESC: { description: 'Largest (newest) first.' } },
});

registerEnumType(VideoSortField, {
  name: 'VideoSortField',
  description:
    'What videos can be ordered by across accounts: the keys the providers sort on upstream. Panda and Telestream sort by nothing but creation time, Ziggeo only reverses it.',
  valuesConfig: {
    CREATED_AT: {
      description:
        'Creation time. Upstream at Dailymotion (`sort`) and Ziggeo (`reverse`); Panda/Telestream list newest first only, so oldest first reads their list from its end (a few extra page probes).',
    },
    TITLE: {
      description:
        'Title (`meta.title`), missing titles first ascending. Dailymotion only (`sort`); other accounts answer UNSUPPORTED_BY_PROVIDER, since ordering them would mean reading every video. The created range is then applied in the gateway without stopping early.',
    },
  },
});

@InputType('VideoOrder', { description: 'Order of a video listing.' })
export class VideoOrder {
  @Field(() => VideoSortField, { defaultValue: VideoSortField.CREATED_AT, description: 'The key.' })
  field!: VideoSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'The direction.' })
  direction!: SortDirection;
}

@InputType('VideoFilter', { description: 'Narrows a video listing; all given conditions hold. Each field says where it is applied per provider.' })
export class VideoFilter {
  @Field(() => VideoStatus, {
    nullable: true,
    description:
      'Only videos in this status. Upstream at Panda/Telestream (`status`; statuses they never report match nothing, without a call) and Ziggeo (`states`); in the gateway at Dailymotion, whose status is derived from the assets (its pages are scanned).',
  })
  status?: VideoStatus | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only videos with every one of these tags. Upstream at Ziggeo (`tags`); videos of the other providers have no tags and match nothing, without a call.',
  })
  tags?: string[] | null;

  @Field(() => DateTime, {
    nullable: true,
    description:
      'Only videos created at or after this time. Upstream at Dailymotion (`filter` on `created`); in the gateway elsewhere, where the listing stops at the first older video (newest first) or skips the older ones (oldest first).',
  })
  createdAfter?: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description:
      'Only videos created strictly before this time. Upstream at Dailymotion; in the gateway elsewhere, where newer videos are read and skipped (newest first) or the listing stops (oldest first).',
  })
  createdBefore?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only videos whose title contains this text, ignoring case. In the gateway for every provider (none searches titles upstream; Panda/Telestream titles are file names, Ziggeo’s the video key): the pages are scanned.',
  })
  titleContains?: string | null;
}

/** Checks and normalizes the arguments into the spec every account is read with. */
export function listSpec(filter: VideoFilter | null, order: VideoOrder | null): VideoListSpec {
  const tags = filter?.tags ?? undefined;
  if (tags && (tags.length > 20 || tags.some((t) => t.trim() === '' || t.includes(',') || t.length > 100))) {
    throw badUserInput('tags: at most 20, each 1–100 characters without commas', { field: 'filter.tags' });
  }
  const title = filter?.titleContains ?? undefined;
  if (title !== undefined && (title.length === 0 || title.length > 200)) {
    throw badUserInput('titleContains: 1–200 characters', { field: 'filter.titleContains' });
  }
  return {
    field: order?.field ?? VideoSortField.CREATED_AT,
    direction: order?.direction ?? SortDirection.DESC,
    status: filter?.status ?? undefined,
    tags: tags?.length ? [...new Set(tags)].sort() : undefined,
    createdAfter: filter?.createdAfter ?? undefined,
    createdBefore: filter?.createdBefore ?? undefined,
    titleContains: title,
  };
}
