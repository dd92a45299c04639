import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DailymotionDatasource, SecLevel, securityArgsOf, systemSigningEnv } from '../../../src/providers/dailymotion';
import { dmVectors, vectorEnv, vectorsOf } from './vectors';

const vector = (id: string) => vectorsOf(id)[0]!;

function datasourceFor(id: string, perInstance = true) {
  const c = dmVectors().meta.constants;
  const { env } = vectorEnv(vector(id).fixed);
  return new DailymotionDatasource({ id: 'dm', provider: 'dailymotion', userId: c.USER_ID, apiKey: c.API_KEY }, undefined, undefined, perInstance ? { signing: env } : {});
}

describe('DailymotionDatasource playback URLs with an injected clock and randomness (dailymotion spec §7)', () => {
  it('reproduces the vectors through the datasource, the clock given at construction or per call', async () => {
    const ds = datasourceFor('get_stream_url/default');
    assert.equal(ds.streamUrl(dmVectors().meta.constants.MEDIA_ID), vector('get_stream_url/default').output!.url);
    const plain = datasourceFor('get_embed_url/drm-token', false);
    const v = vector('get_embed_url/drm-token');
    const url = plain.embedUrl(
      dmVectors().meta.constants.MEDIA_ID,
      {
        policy: { expiresAt: 1300003600 },
        skin: 'dark',
        drmToken: { callbackUrl: 'http://www.example.com/drm/cb', expires: 1300000600, maxReplay: 3, meta: { session: 'abc' }, rights: { hd: true } },
      },
      vectorEnv(v.fixed).env,
    );
    assert.equal(url, v.output!.url);
    const qt = vector('get_qtref_url/default');
    assert.equal(plain.qtrefUrl(dmVectors().meta.constants.MEDIA_ID, { expiresAt: new Date(1300003600 * 1000) }, vectorEnv(qt.fixed).env), qt.output!.url);
    const cr = vector('get_stream_url/country-referer');
    const policy = { levels: ['COUNTRY', 'REFERER'] as const, countries: ['fr', 'be'], referers: ['http://www.example.com/'], expiresAt: 1300003600 };
    assert.equal(plain.streamUrl(dmVectors().meta.constants.MEDIA_ID, { policy: { ...policy, levels: [...policy.levels] } }, vectorEnv(cr.fixed).env), cr.output!.url);
    await Promise.all([ds.close(), plain.close()]);
  });

  it('maps a policy to seclevel bits and values; DENY prefixes the country list with "-"', () => {
    const args = securityArgsOf({ levels: ['IP', 'USEONCE', 'COUNTRY'], ip: '1.2.3.4', countries: ['fr'], countriesMode: 'DENY', expiresAt: new Date('2024-01-01T00:00:00Z') });
    assert.equal(args.seclevel, SecLevel.IP | SecLevel.USEONCE | SecLevel.COUNTRY);
    assert.deepEqual(args.countries, ['-', 'fr']);
    assert.equal(args.expires, 1704067200);
    assert.throws(() => securityArgsOf({ levels: ['NOPE' as 'IP'] }), /unknown security level/);
    assert.throws(() => securityArgsOf({ expiresAt: -5 }), /expiresAt/);
    assert.deepEqual(securityArgsOf(null), {});
  });

  it('uses crypto randomness by default: 8 characters of a-z0-9, 8-byte nonces', () => {
    assert.match(systemSigningEnv.rand(), /^[a-z0-9]{8}$/);
    assert.equal(systemSigningEnv.randomBytes(8).length, 8);
    assert.ok(Math.abs(systemSigningEnv.now() - Date.now() / 1000) < 5);
  });
});

describe('DailymotionDatasource.drmToken (dailymotion spec §7.7)', () => {
  it("reproduces gen_drm_token/all-fields with the vector's nonce and clock", async () => {
    const v = vector('gen_drm_token/all-fields');
    const ds = datasourceFor('gen_drm_token/all-fields');
    const token = ds.drmToken(dmVectors().meta.constants.MEDIA_ID, {
      callbackUrl: 'http://www.example.com/cb',
      expires: 1300001000,
      maxReplay: 5,
      meta: { user: 'jdoe' },
      rights: { hd: true },
    });
    assert.equal(token, v.output!.token);
    await ds.close();
  });
});
