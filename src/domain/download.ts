/**
 * What a resolver needs to hand out a gateway download URL (README "Downloads"). The signer and the
 * route live in http/downloads.ts; resolvers reach them through the request's hooks, as a DownloadLinker.
 */

export type DownloadMedia = 'video' | 'image';
export type DownloadObject = 'video' | 'stream';

/** What a download names: the provider's own object id and which of its files. */
export interface DownloadTarget {
  readonly account: string;
  readonly object: DownloadObject;
  readonly nativeId: string;
  readonly media: DownloadMedia;
}

/** Mints the URLs of one request (its origin and principal): http/downloads.ts's DownloadLinks. */
export interface DownloadLinker {
  url(target: DownloadTarget, expiresInSeconds: number): string;
}

/** Bounds of `expiresIn` on the URL fields, in seconds. */
export const DOWNLOAD_TTL = { min: 60, max: 24 * 3600, default: 3600 } as const;
