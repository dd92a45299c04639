import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_BASE_URL,
  DEFAULT_CDN_URL,
  drmToken,
  embedUrl,
  PyFloat,
  qtrefUrl,
  signUrl,
  streamUrl,
  swfUrl,
  type DrmTokenInput,
  type DrmTokenOptions,
  type EmbedUrlOptions,
  type SignUrlInput,
  type StreamUrlOptions,
} from '../../../src/providers/dailymotion';
import { VidmeshError } from '../../../src/errors';
import { decodePy, vectorEnv, vectorsOf, type DmVector } from './vectors';

/** Checks a builder's result against a vector: the URL or token, or the exception's exact message. */
function expectOutcome(v: DmVector, run: () => string, expected: string | undefined) {
  const exception = v.output!.exception;
  if (exception) {
    assert.throws(run, (e: unknown) => e instanceof VidmeshError && e.code === 'BAD_USER_INPUT' && e.message === exception.message);
  } else {
    assert.equal(run(), expected);
  }
}

const sdkSecurity = (k: Record<string, unknown>) => ({
  seclevel: k.seclevel as number | undefined,
  asnum: k.asnum as string | undefined,
  ip: k.ip as string | undefined,
  useragent: k.useragent as string | undefined,
  countries: k.countries,
  referers: k.referers,
  expires: k.expires as number | PyFloat | undefined,
});

/** A tuple stays a non-list, as Python's type check sees it (vector sign_url/error-country-not-list). */
function decodeSignInput(input: Record<string, unknown>): SignUrlInput {
  const countries = input.countries as { __tuple__?: unknown[] } | undefined;
  const decoded = decodePy(input) as Record<string, unknown>;
  if (countries && countries.__tuple__) decoded.countries = { tuple: countries.__tuple__ };
  return { url: decoded.url as string, secret: decoded.secret as string, ...sdkSecurity(decoded) };
}

describe('dailymotion sign_url reproduces every sign_url vector (spec §7.2–§7.4, §7.6)', () => {
  const vectors = vectorsOf('sign_url/');
  it('has vectors to check', () => assert.equal(vectors.length, 31));
  for (const v of [...vectors, ...vectorsOf('history/rest-2010-06/sign_url-asnum')]) {
    it(v.id, () => {
      const { env, used } = vectorEnv(v.fixed);
      expectOutcome(v, () => signUrl(decodeSignInput(v.input!), env), v.output!.signed_url as string | undefined);
      if (v.output!.exception) assert.equal(used.rand, 0, 'no randomness consumed before the error');
    });
  }
});

const target = (v: DmVector) => ({ userId: v.client!.user_id, apiKey: v.client!.api_key, baseUrl: v.client!.base_url ?? DEFAULT_BASE_URL, cdnUrl: DEFAULT_CDN_URL });

function drmOptions(d: Record<string, unknown> | undefined): DrmTokenOptions | undefined {
  if (!d) return undefined;
  return { rights: d.rights, meta: d.meta, callbackUrl: d.callback_url, expires: d.expires, maxReplay: d.max_replay } as DrmTokenOptions;
}

function builderOf(v: DmVector): () => string {
  const k = decodePy(v.input!.kwargs) as Record<string, unknown>;
  const id = v.input!.args![0] as string;
  const { env } = vectorEnv(v.fixed);
  switch (v.kind) {
    case 'media.get_stream_url': {
      const o: StreamUrlOptions = {
        ...sdkSecurity(k),
        assetName: k.asset_name as string | undefined,
        download: k.download as boolean | undefined,
        filename: k.filename as string | undefined,
        version: k.version as number | undefined,
        protocol: k.protocol as string | undefined,
        cdnUrl: k.cdn_url as string | undefined,
      };
      return () => streamUrl(target(v), id, o, env);
    }
    case 'media.get_qtref_url':
      return () => qtrefUrl(target(v), id, sdkSecurity(k), env);
    default: {
      const o: EmbedUrlOptions = { ...sdkSecurity(k), secure: k.secure as boolean, skin: k.skin as string, drmToken: drmOptions(k.drm_token as Record<string, unknown>) };
      return v.kind === 'media.get_swf_url' ? () => swfUrl(target(v), id, o, env) : () => embedUrl(target(v), id, o, env);
    }
  }
}

describe('dailymotion URL builders reproduce every get_* vector (spec §7.5)', () => {
  const vectors = [...vectorsOf('get_stream_url/'), ...vectorsOf('get_embed_url/'), ...vectorsOf('get_swf_url/'), ...vectorsOf('get_qtref_url/')];
  it('has vectors to check', () => assert.equal(vectors.length, 28));
  for (const v of vectors) {
    it(v.id, () => expectOutcome(v, builderOf(v), v.output!.url as string | undefined));
  }
});

describe('dailymotion DRM tokens reproduce every gen_drm_token vector (spec §7.7)', () => {
  for (const v of vectorsOf('gen_drm_token/').filter((x) => x.kind === 'gen_drm_token')) {
    it(v.id, () => {
      const i = decodePy(v.input) as Record<string, unknown>;
      const input = { userId: i.user_id, mediaId: i.media_id, apiKey: i.api_key, ...drmOptions(i) } as DrmTokenInput;
      assert.equal(drmToken(input, vectorEnv(v.fixed).env), v.output!.token);
      assert.equal(drmToken({ ...input, encode: false }, vectorEnv(v.fixed).env), v.output!.decoded_json);
    });
  }

  it('orders the JSON keys as CPython 2.7 did in all 16 cases (python2-key-order-table)', () => {
    const table = vectorsOf('gen_drm_token/python2-key-order-table')[0]!.output as unknown as { json_key_order: string[]; optional_keys_present: string[] }[];
    assert.equal(table.length, 16);
    const env = { now: () => 1300000000.75, randomBytes: () => Buffer.alloc(8, 7) };
    for (const row of table) {
      const has = (k: string) => row.optional_keys_present.includes(k);
      const json = drmToken(
        {
          userId: 'u',
          mediaId: 'm',
          apiKey: 'k',
          encode: false,
          maxReplay: has('max_replay') ? 2 : null,
          rights: has('rights') ? { hd: true } : null,
          meta: has('meta') ? { a: 'b' } : null,
          callbackUrl: has('callback_url') ? 'http://cb' : null,
        },
        env,
      );
      assert.deepEqual(Object.keys(JSON.parse(json) as object), row.json_key_order, row.optional_keys_present.join(','));
    }
  });

  it('ignores a float expires and uses now + 600 (expires-float-ignored)', () => {
    const env = { now: () => 1300000000.75, randomBytes: () => Buffer.alloc(8) };
    const json = drmToken({ userId: 'u', mediaId: 'm', apiKey: 'k', expires: new PyFloat(5), encode: false }, env);
    assert.equal((JSON.parse(json) as { expires: number }).expires, 1300000600);
  });
});
