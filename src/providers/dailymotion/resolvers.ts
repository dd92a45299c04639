import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { cloudKeyFilter, cloudKeySort, type MediaFilter } from './filter';
import { mediaFieldsFor } from './fields';
import type { DailymotionAssetRecord, DailymotionMediaRecord, DailymotionPresetRecord, DailymotionUserRecord } from './map';
import { listId } from '../../domain/cursor';
import type { VideoRecord } from '../../domain/types';
import { badUserInput } from '../../errors';
import type { ConnectionShape } from '../../graph/common/connection';
import { DailymotionAsset, DailymotionMedia, DailymotionMediaFilter, DailymotionMediaOrder, DailymotionMetaEntryInput, DailymotionPreset, DailymotionUser } from './schema';
import { SafeInt } from '../../graph/common/scalars';
import { VideoConnection } from '../../graph/common/media';
import { asDailymotion } from './lookup';
import { offsetConnection, pageArgs } from '../../graph/common/paging';
import { maxLength } from '../../domain/validate';

/** Dailymotion-only reads (dailymotion spec §5.1 list/count, §5.3 user, §5.4 encoding settings). */

const META_KEY = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/;
export const MAX_META_VALUE = 10_000;

export function metaKey(key: string, field: string): string {
  if (!META_KEY.test(key)) throw badUserInput(`${field}: "${key.slice(0, 70)}" is not a meta key (letters, digits, _ and -, at most 64)`, { field });
  return key;
}

/** Entries → one object; keys checked, each at most once. */
export function metaObject(entries: readonly DailymotionMetaEntryInput[], field: string): Record<string, string> {
  if (entries.length > 100) throw badUserInput(`${field}: at most 100 entries`, { field });
  const out: Record<string, string> = {};
  for (const { key, value } of entries) {
    if (Object.prototype.hasOwnProperty.call(out, metaKey(key, field))) throw badUserInput(`${field}: key "${key}" given twice`, { field });
    maxLength(value, MAX_META_VALUE, field);
    out[key] = value;
  }
  return out;
}

export function mediaFilterOf(input: DailymotionMediaFilter | null | undefined): MediaFilter | null {
  if (!input) return null;
  const { createdFrom, createdBefore } = input;
  if (createdFrom && createdBefore && createdFrom.getTime() >= createdBefore.getTime()) {
    throw badUserInput('filter: createdFrom must be before createdBefore', { field: 'filter' });
  }
  return { meta: input.meta ? metaObject(input.meta, 'filter.meta') : null, createdFrom, createdBefore };
}

@Resolver(() => DailymotionUser)
export class DailymotionUserResolver {
  @FieldResolver(() => SafeInt, { description: 'How many media the user has, matching `filter` when given (`media.count`: one upstream call).' })
  mediaCount(
    @Root() user: DailymotionUserRecord,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => DailymotionMediaFilter, { nullable: true, description: 'Only media matching this (applied upstream).' }) filter: DailymotionMediaFilter | null,
  ): Promise<number> {
    return asDailymotion(ctx.account(user.accountId), 'media counts').countMedia(cloudKeyFilter(mediaFilterOf(filter)));
  }

  @FieldResolver(() => VideoConnection, {
    description:
      'The user’s media, filtered and sorted upstream (`media.list` with `filter`, `sort` and only the fields the query selects): one call per page, two at most when the page straddles pages of 100.',
  })
  async media(
    @Root() user: DailymotionUserRecord,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => DailymotionMediaFilter, { nullable: true, description: 'Only media matching this.' }) filter: DailymotionMediaFilter | null,
    @Arg('orderBy', () => DailymotionMediaOrder, { defaultValue: DailymotionMediaOrder.CREATED_DESC, description: 'Order of the list.' }) orderBy: DailymotionMediaOrder,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 0 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
  ): Promise<ConnectionShape<VideoRecord>> {
    const source = asDailymotion(ctx.account(user.accountId), 'media listings');
    const where = mediaFilterOf(filter);
    // the cursor holds a digest of the arguments, not the filter itself: it stays short
    const list = `dm-media:${listId(`${orderBy}:${JSON.stringify(cloudKeyFilter(where))}`)}`;
    const { offset, count } = pageArgs(first, after, list);
    const items =
      count === 0 ? [] : await source.mediaSlice(offset, count + 1, { fields: mediaFieldsFor(ctx.selection), filter: cloudKeyFilter(where), sort: cloudKeySort(orderBy) });
    const page = items.slice(0, count);
    ctx.loaders(source).primeVideos(page);
    return offsetConnection(list, offset, page, items.length > count);
  }

  @FieldResolver(() => [String], { description: 'Presets new media are encoded with, in activation order (`encoding_settings.get_active_assets`).' })
  activePresets(@Root() user: DailymotionUserRecord, @Ctx() ctx: RequestContext): Promise<string[]> {
    return asDailymotion(ctx.account(user.accountId), 'encoding settings').activeAssets();
  }
}

@Resolver(() => DailymotionMedia)
export class DailymotionMediaResolver {
  @FieldResolver(() => DailymotionAsset, {
    nullable: true,
    description: 'The original file as an asset (`source`): its status and technical fields; null before a source is set. Comes with the media’s assets: no extra call.',
  })
  source(@Root() media: DailymotionMediaRecord): DailymotionAssetRecord | null {
    return media.assets?.find((a) => a.name === 'source') ?? null;
  }
}

@Resolver(() => DailymotionPreset)
export class DailymotionPresetResolver {
  @FieldResolver(() => String, { nullable: true, description: 'One encoding setting of this preset for the account (e.g. `abitrate`); null when never set. One upstream call.' })
  setting(
    @Root() preset: DailymotionPresetRecord,
    @Ctx() ctx: RequestContext,
    @Arg('name', () => String, { description: 'Setting name, e.g. `abitrate`.' }) name: string,
  ): Promise<string | null> {
    return asDailymotion(ctx.account(preset.accountId), 'encoding settings').assetSetting(preset.name, settingName(name));
  }
}

export function settingName(name: string): string {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw badUserInput('setting: letters, digits and _, at most 64', { field: 'setting' });
  return name;
}
