import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { DailymotionDatasource } from './datasource';
import type { DailymotionPresetRecord, DailymotionUserRecord } from './map';
import { badUserInput } from '../../errors';
import { DailymotionMediaPayload, DailymotionMetaEntryInput, DailymotionPreset, DailymotionUser } from './schema';
import { metaKey, metaObject, settingName } from './resolvers';
import { asDailymotion, locate } from './lookup';
import { httpUrl, maxLength } from '../../domain/validate';

/** Dailymotion-only writes: media meta, assets, thumbnails (spec §5.1) and encoding settings (§5.4). */

@InputType('SetDailymotionMetaInput', { description: 'Meta keys to add or overwrite on a media; other keys stay.' })
export class SetDailymotionMetaInput {
  @Field(() => ID, { description: 'Global id of the media.' })
  media!: string;

  @Field(() => [DailymotionMetaEntryInput], { description: 'Keys and values, 1 to 100.' })
  meta!: DailymotionMetaEntryInput[];
}

@InputType('RemoveDailymotionMetaInput', { description: 'Meta keys to remove from a media; absent keys are ignored.' })
export class RemoveDailymotionMetaInput {
  @Field(() => ID, { description: 'Global id of the media.' })
  media!: string;

  @Field(() => [String], { description: 'Keys, 1 to 100.' })
  keys!: string[];
}

@InputType('DailymotionAssetInput', { description: 'One asset to set on a media.' })
export class DailymotionAssetInput {
  @Field(() => String, { description: 'Preset (asset) name, e.g. `mp4_h264_aac`; `source` sets the original and needs `url`.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'http(s) URL to take the asset from; absent: encoded from the source.' })
  url?: string | null;
}

@InputType('SetDailymotionAssetsInput', { description: 'Assets to add to (or redo on) a media; they appear as its encodings.' })
export class SetDailymotionAssetsInput {
  @Field(() => ID, { description: 'Global id of the media.' })
  media!: string;

  @Field(() => [DailymotionAssetInput], { description: 'Assets, 1 to 20, each preset once.' })
  assets!: DailymotionAssetInput[];
}

@InputType('SetDailymotionThumbnailInput', {
  description: 'A new thumbnail for a media: from an image URL or from a frame of the video. Give exactly one of `url` and `timecode`.',
})
export class SetDailymotionThumbnailInput {
  @Field(() => ID, { description: 'Global id of the media.' })
  media!: string;

  @Field(() => String, { nullable: true, description: 'http(s) URL of a JPEG image.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Frame time `HH:MM:SS` or `HH:MM:SS.mm`.' })
  timecode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'With `timecode`: redo the thumbnails even if they exist.' })
  force?: boolean | null;
}

@InputType('SetDailymotionPresetSettingInput', { description: 'One encoding setting of a preset for an account, e.g. audio bitrate `abitrate` = `128`.' })
export class SetDailymotionPresetSettingInput {
  @Field(() => ID, { description: 'The Dailymotion account.' })
  account!: string;

  @Field(() => String, { description: 'Preset (asset) name.' })
  preset!: string;

  @Field(() => String, { description: 'Setting name (letters, digits, _).' })
  setting!: string;

  @Field(() => String, { description: 'The value, at most 256 characters.' })
  value!: string;
}

const PRESET = /^[a-z0-9_]{1,64}$/;
const TIMECODE = /^\d{2}:[0-5]\d:[0-5]\d(\.\d{1,3})?$/;

function presetName(name: string, field: string): string {
  if (!PRESET.test(name)) throw badUserInput(`${field}: "${name.slice(0, 70)}" is not a preset name (a-z, 0-9, _)`, { field });
  return name;
}

function sizeBetween(list: readonly unknown[], min: number, max: number, field: string): void {
  if (list.length < min || list.length > max) throw badUserInput(`${field}: ${min} to ${max} entries`, { field });
}

function mediaOf(ctx: RequestContext, id: string, operation: string): { source: DailymotionDatasource; nativeId: string } {
  const { source, nativeId } = locate(ctx, id, ['DailymotionMedia']);
  return { source: asDailymotion(source, operation), nativeId };
}

/** After a write the media is read again, with the fields the mutation's selection needs. */
async function reread(ctx: RequestContext, source: DailymotionDatasource, nativeId: string): Promise<DailymotionMediaPayload> {
  const loaders = ctx.loaders(source);
  loaders.forgetVideo(nativeId);
  return { media: await loaders.video.load(nativeId) };
}

async function presetAfter(ctx: RequestContext, source: DailymotionDatasource, name: string): Promise<DailymotionPresetRecord> {
  const presets = await source.listProfiles();
  ctx.loaders(source).primeProfiles(presets);
  const preset = presets.find((p) => p.name === name);
  if (!preset) throw badUserInput(`preset: no preset "${name}"`, { field: 'preset' });
  return preset;
}

@Resolver()
export class DailymotionMutations {
  @Mutation(() => DailymotionMediaPayload, { description: 'Adds or overwrites meta keys of a Dailymotion media (`media.set_meta`).' })
  async setDailymotionMeta(
    @Arg('input', () => SetDailymotionMetaInput, { description: 'The media and its new keys.' }) input: SetDailymotionMetaInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DailymotionMediaPayload> {
    const { source, nativeId } = mediaOf(ctx, input.media, 'meta');
    sizeBetween(input.meta, 1, 100, 'meta');
    await source.setMeta(nativeId, metaObject(input.meta, 'meta'));
    return reread(ctx, source, nativeId);
  }

  @Mutation(() => DailymotionMediaPayload, { description: 'Removes meta keys of a Dailymotion media (`media.remove_meta`).' })
  async removeDailymotionMeta(
    @Arg('input', () => RemoveDailymotionMetaInput, { description: 'The media and the keys.' }) input: RemoveDailymotionMetaInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DailymotionMediaPayload> {
    const { source, nativeId } = mediaOf(ctx, input.media, 'meta');
    sizeBetween(input.keys, 1, 100, 'keys');
    await source.removeMeta(
      nativeId,
      input.keys.map((k) => metaKey(k, 'keys')),
    );
    return reread(ctx, source, nativeId);
  }

  @Mutation(() => DailymotionMediaPayload, {
    description:
      'Sets assets of a Dailymotion media (`media.set_assets`): `source` with a URL replaces the original; a preset alone is (re-)encoded from the source; a preset with a URL is taken from there.',
  })
  async setDailymotionAssets(
    @Arg('input', () => SetDailymotionAssetsInput, { description: 'The media and its assets.' }) input: SetDailymotionAssetsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DailymotionMediaPayload> {
    const { source, nativeId } = mediaOf(ctx, input.media, 'assets');
    sizeBetween(input.assets, 1, 20, 'assets');
    const names = new Set<string>();
    for (const asset of input.assets) {
      if (names.has(presetName(asset.name, 'assets.name'))) throw badUserInput(`assets: "${asset.name}" given twice`, { field: 'assets' });
      names.add(asset.name);
      if (asset.url != null) httpUrl(asset.url, 'assets.url');
      maxLength(asset.url, 2048, 'assets.url');
      if (asset.name === 'source' && asset.url == null) throw badUserInput('assets: `source` needs a url', { field: 'assets.url' });
    }
    await source.setAssets(nativeId, input.assets);
    return reread(ctx, source, nativeId);
  }

  @Mutation(() => DailymotionMediaPayload, {
    description: 'Sets the thumbnails of a Dailymotion media from an image URL or a frame (`media.set_thumbnail`); they are redone asynchronously.',
  })
  async setDailymotionThumbnail(
    @Arg('input', () => SetDailymotionThumbnailInput, { description: 'The media and the image source.' }) input: SetDailymotionThumbnailInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DailymotionMediaPayload> {
    const { source, nativeId } = mediaOf(ctx, input.media, 'thumbnails');
    if ((input.url == null) === (input.timecode == null)) throw badUserInput('give exactly one of url and timecode', { field: 'url' });
    if (input.url != null) {
      httpUrl(input.url, 'url');
      maxLength(input.url, 2048, 'url');
      if (input.force != null) throw badUserInput('force: only with timecode', { field: 'force' });
      await source.setThumbnail(nativeId, { url: input.url });
    } else {
      if (!TIMECODE.test(input.timecode!)) throw badUserInput('timecode: HH:MM:SS or HH:MM:SS.mm', { field: 'timecode' });
      await source.setThumbnail(nativeId, { timecode: input.timecode!, force: input.force ?? undefined });
    }
    return reread(ctx, source, nativeId);
  }

  @Mutation(() => DailymotionPreset, { description: 'Makes the account encode new media with this preset (`encoding_settings.enable_asset`).' })
  async enableDailymotionPreset(
    @Arg('account', () => ID, { description: 'The Dailymotion account.' }) account: string,
    @Arg('preset', () => String, { description: 'Preset (asset) name.' }) preset: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DailymotionPresetRecord> {
    const source = asDailymotion(ctx.account(account), 'encoding settings');
    await source.enableAsset(presetName(preset, 'preset'));
    return presetAfter(ctx, source, preset);
  }

  @Mutation(() => DailymotionPreset, { description: 'Stops encoding new media of the account with this preset (`encoding_settings.disable_asset`).' })
  async disableDailymotionPreset(
    @Arg('account', () => ID, { description: 'The Dailymotion account.' }) account: string,
    @Arg('preset', () => String, { description: 'Preset (asset) name.' }) preset: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DailymotionPresetRecord> {
    const source = asDailymotion(ctx.account(account), 'encoding settings');
    await source.disableAsset(presetName(preset, 'preset'));
    return presetAfter(ctx, source, preset);
  }

  @Mutation(() => DailymotionPreset, { description: 'Sets one encoding setting of a preset (`encoding_settings.set_asset_setting`); read it back with `setting(name:)`.' })
  async setDailymotionPresetSetting(
    @Arg('input', () => SetDailymotionPresetSettingInput, { description: 'Preset, setting and value.' }) input: SetDailymotionPresetSettingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DailymotionPresetRecord> {
    const source = asDailymotion(ctx.account(input.account), 'encoding settings');
    maxLength(input.value, 256, 'value');
    await source.setAssetSetting(presetName(input.preset, 'preset'), settingName(input.setting), input.value);
    return presetAfter(ctx, source, input.preset);
  }

  @Mutation(() => DailymotionUser, {
    description: 'Puts the account’s encoding settings back to Dailymotion’s defaults: active presets and every preset setting (`encoding_settings.reset`).',
  })
  async resetDailymotionEncodingSettings(
    @Arg('account', () => ID, { description: 'The Dailymotion account.' }) account: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DailymotionUserRecord> {
    const source = asDailymotion(ctx.account(account), 'encoding settings');
    await source.resetEncodingSettings();
    return source.whoami();
  }
}
