import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { PlaybackPolicy, PlaybackSigner, ThumbnailSize } from '../../domain/playback';
import type { ProviderDatasource } from '../../domain/datasource';
import { badUserInput, unsupported } from '../../errors';
import { DateTime, JSONObject } from '../common/scalars';
import { locate, typesOf } from '../node/lookup';
import { isIP } from 'node:net';
import { httpUrl, maxLength } from '../../domain/validate';

/** Signed playback URLs and DRM tokens (DESIGN §1 "players"; dailymotion spec §7): local, no upstream call. */

export enum SecurityLevel {
  DELEGATE = 'DELEGATE',
  ASNUM = 'ASNUM',
  IP = 'IP',
  USERAGENT = 'USERAGENT',
  USEONCE = 'USEONCE',
  COUNTRY = 'COUNTRY',
  REFERER = 'REFERER',
  REFERER_STRICT = 'REFERER_STRICT',
}
registerEnumType(SecurityLevel, {
  name: 'SecurityLevel',
  description: 'A restriction a signed URL carries; each level except DELEGATE and USEONCE needs its value in the policy.',
  valuesConfig: {
    DELEGATE: { description: 'The first viewer’s values (IP, AS number, …) lock the URL.' },
    ASNUM: { description: 'Only viewers in the AS number `asnum`.' },
    IP: { description: 'Only the viewer at `ip`.' },
    USERAGENT: { description: 'Only the browser sending `userAgent`.' },
    USEONCE: { description: 'The URL works once.' },
    COUNTRY: { description: 'Only (or, with DENY, except) viewers in `countries`.' },
    REFERER: { description: 'Only pages under `referers` (a missing Referer passes).' },
    REFERER_STRICT: { description: 'Only pages under `referers`; a missing Referer fails.' },
  },
});

export enum CountriesMode {
  ALLOW = 'ALLOW',
  DENY = 'DENY',
}
registerEnumType(CountriesMode, {
  name: 'CountriesMode',
  description: 'How `countries` applies.',
  valuesConfig: { ALLOW: { description: 'Only these countries.' }, DENY: { description: 'Everywhere but these countries.' } },
});

export enum StreamProtocol {
  HLS = 'hls',
  DASH = 'dash',
  HTTP = 'http',
  RTMP = 'rtmp',
  HDS = 'hds',
  HPS = 'hps',
  SS = 'ss',
}
registerEnumType(StreamProtocol, {
  name: 'StreamProtocol',
  description: 'Delivery protocol of a stream URL (adaptive presets need one).',
  valuesConfig: {
    HLS: { description: 'Apple HTTP Live Streaming.' },
    DASH: { description: 'MPEG-DASH.' },
    HTTP: { description: 'Progressive download.' },
    RTMP: { description: 'Flash RTMP.' },
    HDS: { description: 'Adobe HTTP Dynamic Streaming.' },
    HPS: { description: 'HTTP progressive streaming.' },
    SS: { description: 'Microsoft Smooth Streaming.' },
  },
});

@InputType('SecurityPolicyInput', { description: 'Who may use a signed URL, and until when.' })
export class SecurityPolicyInput {
  @Field(() => [SecurityLevel], { nullable: true, description: 'Restrictions; none: anyone until `expiresAt`.' })
  levels?: SecurityLevel[] | null;

  @Field(() => String, { nullable: true, description: 'AS number, for ASNUM.' })
  asnum?: string | null;

  @Field(() => String, { nullable: true, description: 'Viewer IP address, for IP.' })
  ip?: string | null;

  @Field(() => String, { nullable: true, description: 'Viewer User-Agent header, for USERAGENT.' })
  userAgent?: string | null;

  @Field(() => [String], { nullable: true, description: 'Two-letter country codes, for COUNTRY.' })
  countries?: string[] | null;

  @Field(() => CountriesMode, { nullable: true, description: 'ALLOW (default) or DENY `countries`.' })
  countriesMode?: CountriesMode | null;

  @Field(() => [String], { nullable: true, description: 'Allowed referer URL prefixes, for REFERER and REFERER_STRICT.' })
  referers?: string[] | null;

  @Field(() => DateTime, { nullable: true, description: 'When the URL stops working; default two hours from now.' })
  expiresAt?: Date | null;
}

@InputType('StreamUrlInput', { description: 'A signed stream URL of one media asset.' })
export class StreamUrlInput {
  @Field(() => ID, { description: 'Global id of the media.' })
  media!: string;

  @Field(() => String, { nullable: true, description: 'Asset (preset) name; default `mp4_h264_aac`.' })
  assetName?: string | null;

  @Field(() => StreamProtocol, { nullable: true, description: 'Delivery protocol.' })
  protocol?: StreamProtocol | null;

  @Field(() => Boolean, { nullable: true, description: 'A download URL rather than a stream.' })
  download?: boolean | null;

  @Field(() => String, { nullable: true, description: 'File name offered to the downloader.' })
  filename?: string | null;

  @Field(() => SecurityPolicyInput, { nullable: true, description: 'Restrictions and expiry.' })
  policy?: SecurityPolicyInput | null;
}

@InputType('EmbedUrlInput', { description: 'A signed player (embed) URL of one media.' })
export class EmbedUrlInput {
  @Field(() => ID, { description: 'Global id of the media.' })
  media!: string;

  @Field(() => Boolean, { nullable: true, description: 'https player URL.' })
  secure?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Player skin name.' })
  skin?: string | null;

  @Field(() => SecurityPolicyInput, { nullable: true, description: 'Restrictions and expiry.' })
  policy?: SecurityPolicyInput | null;
}

@InputType('DrmTokenInput', { description: 'A DRM token for one media.' })
export class DrmTokenInput {
  @Field(() => ID, { description: 'Global id of the media.' })
  media!: string;

  @Field(() => JSONObject, { nullable: true, description: 'Rights granted (provider-defined keys).' })
  rights?: Record<string, unknown> | null;

  @Field(() => JSONObject, { nullable: true, description: 'Metadata carried in the token.' })
  meta?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'URL the DRM service calls back.' })
  callbackUrl?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Expiry; default ten minutes from now.' })
  expiresAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'How many times the token may be replayed.' })
  maxReplay?: number | null;
}

@ObjectType('SignedUrl', { description: 'A URL signed for players: hand it out as is.' })
export class SignedUrl {
  @Field(() => String, { description: 'The URL.' })
  url!: string;

  @Field(() => DateTime, { nullable: true, description: 'When it stops working; null for unsigned URLs (thumbnails).' })
  expiresAt!: Date | null;
}

@ObjectType('DrmToken', { description: 'A DRM token for a player.' })
export class DrmToken {
  @Field(() => String, { description: 'The token.' })
  token!: string;
}

const TWO_HOURS = 2 * 3600 * 1000;

function policyOf(input: SecurityPolicyInput | null | undefined, now: Date): { policy: PlaybackPolicy; expiresAt: Date } {
  const expiresAt = input?.expiresAt ?? new Date(now.getTime() + TWO_HOURS);
  if (expiresAt.getTime() <= now.getTime()) throw badUserInput('policy.expiresAt: must be in the future', { field: 'expiresAt' });
  for (const ref of input?.referers ?? []) maxLength(ref, 2048, 'referers');
  // the SDK signs any text; a URL locked to a non-address or a non-URL could never play
  for (const ref of input?.referers ?? []) httpUrl(ref, 'referers');
  if (input?.ip != null && isIP(input.ip) === 0) throw badUserInput('policy.ip: an IPv4 or IPv6 address', { field: 'ip' });
  return { policy: { ...input, expiresAt: Math.floor(expiresAt.getTime() / 1000) }, expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000) };
}

/** The providers that sign playback URLs, and their media types. */
const mediaTypes = () => typesOf('video', (p) => p.playback === true);

function signerOf(source: ProviderDatasource, operation: string): PlaybackSigner {
  if (!source.playback) throw unsupported(operation, source.accountId, source.provider);
  return source.playback;
}

@Resolver()
export class PlaybackResolver {
  @Mutation(() => SignedUrl, { description: 'Signs a stream (or download) URL of a media asset with a security policy. Dailymotion.' })
  signStreamUrl(@Arg('input', () => StreamUrlInput, { description: 'The asset and policy.' }) input: StreamUrlInput, @Ctx() ctx: RequestContext): SignedUrl {
    const { source, nativeId } = locate(ctx, input.media, mediaTypes());
    const { policy, expiresAt } = policyOf(input.policy, new Date());
    const url = signerOf(source, 'signed stream URLs').streamUrl(nativeId, { ...input, policy });
    return { url, expiresAt };
  }

  @Mutation(() => SignedUrl, { description: 'Signs a player (embed) URL of a media with a security policy. Dailymotion.' })
  signEmbedUrl(@Arg('input', () => EmbedUrlInput, { description: 'The media and policy.' }) input: EmbedUrlInput, @Ctx() ctx: RequestContext): SignedUrl {
    const { source, nativeId } = locate(ctx, input.media, mediaTypes());
    const { policy, expiresAt } = policyOf(input.policy, new Date());
    return { url: signerOf(source, 'signed embed URLs').embedUrl(nativeId, { secure: input.secure, skin: input.skin, policy }), expiresAt };
  }

  @Mutation(() => SignedUrl, { description: 'The thumbnail URL of a media (served unsigned by the provider’s static host). Dailymotion.' })
  thumbnailUrl(
    @Arg('media', () => ID, { description: 'Global id of the media.' }) media: string,
    @Arg('size', () => String, { defaultValue: 'medium', description: 'small, medium, large, source or auto.' }) size: string,
    @Ctx() ctx: RequestContext,
  ): SignedUrl {
    const { source, nativeId } = locate(ctx, media, mediaTypes());
    if (!['small', 'medium', 'large', 'source', 'auto'].includes(size)) throw badUserInput('size: small, medium, large, source or auto', { field: 'size' });
    return { url: signerOf(source, 'thumbnail URLs').thumbnailUrl(nativeId, size as ThumbnailSize), expiresAt: null };
  }

  @Mutation(() => DrmToken, { description: 'Creates a DRM token for a media, signed with the account’s key. Dailymotion.' })
  createDrmToken(@Arg('input', () => DrmTokenInput, { description: 'The media and the token’s fields.' }) input: DrmTokenInput, @Ctx() ctx: RequestContext): DrmToken {
    const { source, nativeId } = locate(ctx, input.media, mediaTypes());
    const token = signerOf(source, 'DRM tokens').drmToken(nativeId, {
      rights: input.rights,
      meta: input.meta,
      callbackUrl: input.callbackUrl,
      expires: input.expiresAt ? Math.floor(input.expiresAt.getTime() / 1000) : null,
      maxReplay: input.maxReplay,
    });
    return { token };
  }
}
