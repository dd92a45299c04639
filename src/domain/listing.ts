import type { VideoStatus } from './types';

/** The order of a video listing: by creation time, newest (DESC) or oldest (ASC) first. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

/** What videos are ordered by. */
export enum VideoSortField {
  CREATED_AT = 'CREATED_AT',
  TITLE = 'TITLE',
}

/** A video's place in an order: a creation time (ms) or a title (null: none, first ascending). */
export type SortKey = number | string | null;

/** null first, numbers by value, strings by UTF-16 code units (as the providers' sorts compare them). */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** What a listing asks for, normalized: the same for every account of a cross-account query. */
export interface VideoListSpec {
  /** Default CREATED_AT. */
  readonly field?: VideoSortField;
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
  /** Whether it sorts by title upstream (no other way to list by title without reading everything). */
  readonly sortByTitle?: boolean;
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

export const sortKey = (v: Listed, field: VideoSortField | undefined): SortKey => (field === VideoSortField.TITLE ? v.title : timeOf(v));

/** Negative when `a` comes before `b` in the spec's order. */
export const inOrder = (spec: VideoListSpec, a: SortKey, b: SortKey): number => compareKeys(a, b) * (spec.direction === SortDirection.DESC ? -1 : 1);

/** The part of a spec that goes upstream for a provider with this support. */
export function upstreamPart(spec: VideoListSpec, support: ListingSupport): VideoListSpec {
  return {
    field: spec.field,
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
  if (spec.field === VideoSortField.TITLE) return false;
  const t = timeOf(v);
  return spec.direction === SortDirection.DESC
    ? spec.createdAfter !== undefined && t < spec.createdAfter.getTime()
    : spec.createdBefore !== undefined && t >= spec.createdBefore.getTime();
}

/**
 * Where one account's listing stands: `offset` items of its (upstream-filtered) list were processed
 * when the cursor was made, the last of them at sort key `last.key`; `ids` are the processed videos at
 * exactly that key. A video is already processed when it comes before `last.key` in the order, or at it
 * with its id in `ids` — so videos created or deleted between pages neither repeat nor vanish.
 */
export interface AccountPosition {
  readonly offset: number;
  /** null: nothing processed yet. */
  readonly last: { readonly key: SortKey } | null;
  readonly ids: readonly string[];
}

export const START: AccountPosition = { offset: 0, last: null, ids: [] };

export function processed(v: Listed, at: AccountPosition, spec: VideoListSpec): boolean {
  if (at.last === null) return false;
  const c = inOrder(spec, sortKey(v, spec.field), at.last.key);
  return c === 0 ? at.ids.includes(v.nativeId) : c < 0;
}

/**
 * Ids kept at one key. Only videos read again need them — from the anchor on, or shifted back by
 * creations — so the latest ones suffice even where thousands share a title.
 */
export const MAX_TIE_IDS = 100;

/** The position once `v` (not yet processed) is processed too. */
export function advance(at: AccountPosition, v: Listed, offset: number, spec: VideoListSpec): AccountPosition {
  const key = sortKey(v, spec.field);
  const same = at.last !== null && compareKeys(key, at.last.key) === 0;
  return { offset, last: { key }, ids: same ? [...at.ids, v.nativeId].slice(-MAX_TIE_IDS) : [v.nativeId] };
}
