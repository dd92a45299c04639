import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_ACTIVE_ASSETS } from '../../emulators/dailymotion';
import {
  DailymotionPresetsDocument,
  DisableDailymotionPresetDocument,
  EnableDailymotionPresetDocument,
  ResetDailymotionEncodingSettingsDocument,
  SetDailymotionPresetSettingDocument,
} from '../generated/graphql';
import { dataOf, type GraphQLResult } from '../support/gateway';
import { startDailymotionStack, type DailymotionStack } from '../support/dailymotion-stack';

/** A Dailymotion account's encoding settings through the gateway (dailymotion spec §5.4). */
describe('dailymotion encoding settings through the gateway', () => {
  let s: DailymotionStack;
  before(async () => {
    s = await startDailymotionStack({
      extraAccounts: () => [{ id: 'zig', provider: 'ziggeo', baseUrl: 'http://127.0.0.1:9', token: 't', privateKey: 'never-called-private', encryptionKey: 'never-called-enc' }],
    });
  });
  after(() => s.close());

  const codeOf = (r: GraphQLResult<unknown>) => r.errors?.[0]?.extensions?.code;
  const state = () => s.emulator.store.user(s.user.userId);

  it('enables and disables presets for new media', async () => {
    const enabled = dataOf(await s.gql.exec(EnableDailymotionPresetDocument, { account: 'dm', preset: 'mp4_h264_aac_hq' })).enableDailymotionPreset!;
    assert.deepEqual({ name: enabled.name, active: enabled.active }, { name: 'mp4_h264_aac_hq', active: true });
    assert.ok(state().activeAssets.includes('mp4_h264_aac_hq'));

    const disabled = dataOf(await s.gql.exec(DisableDailymotionPresetDocument, { account: 'dm', preset: 'jpeg_thumbnail_medium' })).disableDailymotionPreset!;
    assert.equal(disabled.active, false);
    assert.equal(state().activeAssets.includes('jpeg_thumbnail_medium'), false);

    const presets = dataOf(await s.gql.exec(DailymotionPresetsDocument, { id: 'dm', setting: 'abitrate' })).account.profiles.nodes;
    const active = presets.filter((p) => 'active' in p && p.active).map((p) => p.name);
    assert.deepEqual(active.sort(), [...state().activeAssets].sort());
  });

  it('sets a preset setting and reads it back; unset settings are null', async () => {
    const preset = dataOf(
      await s.gql.exec(SetDailymotionPresetSettingDocument, { input: { account: 'dm', preset: 'mp4_h264_aac', setting: 'abitrate', value: '128' }, setting: 'abitrate' }),
    ).setDailymotionPresetSetting!;
    assert.equal(preset.setting, '128');
    assert.equal(state().settings.get('mp4_h264_aac')?.get('abitrate'), '128');
    s.resetCalls();
    const presets = dataOf(await s.gql.exec(DailymotionPresetsDocument, { id: 'dm', setting: 'abitrate' })).account.profiles.nodes;
    const settings = new Map(presets.map((p) => [p.name, 'setting' in p ? p.setting : undefined]));
    assert.equal(settings.get('mp4_h264_aac'), '128');
    assert.equal(settings.get('flv_h263_mp3'), null);
    assert.equal(s.calls('encoding_settings.get_asset_setting').length, presets.length, 'one call per preset asked');
  });

  it('resets the encoding settings to the defaults', async () => {
    const user = dataOf(await s.gql.exec(ResetDailymotionEncodingSettingsDocument, { account: 'dm' })).resetDailymotionEncodingSettings!;
    assert.deepEqual(user.activePresets, DEFAULT_ACTIVE_ASSETS);
    assert.deepEqual(state().activeAssets, DEFAULT_ACTIVE_ASSETS);
    assert.equal(state().settings.size, 0);
  });

  it('bad input changes nothing: names checked here, unknown presets by the provider; other providers are unsupported', async () => {
    const before = [...state().activeAssets];
    s.resetCalls();
    assert.equal(codeOf(await s.gql.exec(EnableDailymotionPresetDocument, { account: 'dm', preset: 'Bad-Name' })), 'BAD_USER_INPUT');
    assert.equal(
      codeOf(await s.gql.exec(SetDailymotionPresetSettingDocument, { input: { account: 'dm', preset: 'mp4_h264_aac', setting: 'a b', value: '1' }, setting: 'x' })),
      'BAD_USER_INPUT',
    );
    assert.equal(
      codeOf(
        await s.gql.exec(SetDailymotionPresetSettingDocument, { input: { account: 'dm', preset: 'mp4_h264_aac', setting: 'abitrate', value: '1'.repeat(257) }, setting: 'x' }),
      ),
      'BAD_USER_INPUT',
    );
    assert.equal(codeOf(await s.gql.exec(DailymotionPresetsDocument, { id: 'dm', setting: 'a;b' })), 'BAD_USER_INPUT');
    assert.equal(s.calls().filter((c) => c.call !== 'encoding_settings.get_active_assets').length, 0, 'nothing but the preset listing went upstream');

    const unknown = await s.gql.exec(EnableDailymotionPresetDocument, { account: 'dm', preset: 'webm_vp9' });
    assert.equal(codeOf(unknown), 'BAD_USER_INPUT');
    assert.equal(unknown.errors?.[0]?.extensions?.provider, 'dailymotion');
    assert.deepEqual(state().activeAssets, before);

    const zig = await s.gql.exec(EnableDailymotionPresetDocument, { account: 'zig', preset: 'mp4_h264_aac' });
    assert.equal(codeOf(zig), 'UNSUPPORTED_BY_PROVIDER');
    assert.equal(codeOf(await s.gql.exec(ResetDailymotionEncodingSettingsDocument, { account: 'nope' })), 'NOT_FOUND');
  });
});
