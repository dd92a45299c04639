import type { VideoStatus } from './types';

/** The order of a video listing: by creation time, newest (DESC) or oldest (ASC) first. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

/** What a listing asks for, normalized: the same for every account of a cross-account query. */
export interface VideoListSpec {
  readonly direction: SortDirection;
  readonly status?: VideoStatus;
  /** Every one of these tags. */
  readonly tags?: readonly string[];
  /** Created at or after (inclusive). */
  readonly createdAfter?: Date;
  /** Created strictly before. */
  readonly createdBefore?: Date;
  /** Case-insensitive substring of the title. */
  readonly titleContains?: string;
}

/** Which conditions of a spec a provider applies upstream; the gateway applies the others. */
export interface ListingSupport {
  readonly status: boolean;
  readonly tags: boolean;
  readonly createdRange: boolean;
  readonly titleContains: boolean;
  /** Whether the provider's videos carry tags at all: without, a tags filter matches nothing and costs no call. */
  readonly hasTags: boolean;
}

/** What the merge and the filters read of a video. */
export interface Listed {
  readonly accountId: string;
  readonly nativeId: string;
  readonly createdAt: Date | null;
  readonly status: VideoStatus;
  readonly title: string | null;
  readonly tags?: readonly string[];
}

export const timeOf = (v: Listed): number => v.createdAt?.getTime() ?? 0;

/** The part of a spec that goes upstream for a provider with this support. */
export function upstreamPart(spec: VideoListSpec, support: ListingSupport): VideoListSpec {
  return {
    direction: spec.direction,
    status: support.status ? spec.status : undefined,
    tags: support.tags ? spec.tags : undefined,
    createdAfter: support.createdRange ? spec.createdAfter : undefined,
    createdBefore: support.createdRange ? spec.createdBefore : undefined,
    titleContains: support.titleContains ? spec.titleContains : undefined,
  };
}

/** True when some condition of the spec is left to the gateway for this provider (its pages are then scanned). */
export function filteredInGateway(spec: VideoListSpec, support: ListingSupport): boolean {
  return (
    (spec.status !== undefined && !support.status) ||
    (!!spec.tags?.length && !support.tags) ||
    ((spec.createdAfter !== undefined || spec.createdBefore !== undefined) && !support.createdRange) ||
    (!!spec.titleContains && !support.titleContains)
  );
}

/** True when no video of such a provider can match (tags where videos have none): no call at all. */
export function matchesNothing(spec: VideoListSpec, support: ListingSupport): boolean {
  return !!spec.tags?.length && !support.hasTags;
}

/** The whole filter, applied in the gateway to every listed video (upstream conditions hold already; checking is cheap). */
export function matchesSpec(v: Listed, spec: VideoListSpec): boolean {
  if (spec.status !== undefined && v.status !== spec.status) return false;
  if (spec.tags?.length && !spec.tags.every((t) => v.tags?.includes(t))) return false;
  const t = timeOf(v);
  if (spec.createdAfter && t < spec.createdAfter.getTime()) return false;
  if (spec.createdBefore && t >= spec.createdBefore.getTime()) return false;
  if (spec.titleContains && !(v.title ?? '').toLowerCase().includes(spec.titleContains.toLowerCase())) return false;
  return true;
}

/**
 * True when `v`, and every later video of its account in this order, is past the created range:
 * the account's listing can stop there.
 */
export function pastRange(v: Listed, spec: VideoListSpec): boolean {
  const t = timeOf(v);
  return spec.direction === SortDirection.DESC
    ? spec.createdAfter !== undefined && t < spec.createdAfter.getTime()
    : spec.createdBefore !== undefined && t >= spec.createdBefore.getTime();
}

/**
 * Where one account's listing stands: `offset` items of its (upstream-filtered) list were processed
 * when the cursor was made, the last of them created at `time` (ms); `ids` are the processed videos
 * created exactly at `time`. A video is already processed when it comes before `time` in the order, or
 * at `time` with its id in `ids` — so videos created or deleted between pages neither repeat nor vanish.
 */
export interface AccountPosition {
  readonly offset: number;
  readonly time: number | null;
  readonly ids: readonly string[];
}

export const START: AccountPosition = { offset: 0, time: null, ids: [] };

export function processed(v: Listed, at: AccountPosition, direction: SortDirection): boolean {
  if (at.time === null) return false;
  const t = timeOf(v);
  if (t === at.time) return at.ids.includes(v.nativeId);
  return direction === SortDirection.DESC ? t > at.time : t < at.time;
}

/** The position once `v` (not yet processed) is processed too. */
export function advance(at: AccountPosition, v: Listed, offset: number): AccountPosition {
  const t = timeOf(v);
  return { offset, time: t, ids: t === at.time ? [...at.ids, v.nativeId] : [v.nativeId] };
}
