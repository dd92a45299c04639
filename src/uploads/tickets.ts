import { randomBytes } from 'node:crypto';
import { DailymotionDatasource } from '../providers/dailymotion';
import { PandaDatasource } from '../providers/panda';
import { TelestreamDatasource } from '../providers/telestream';
import type { ProviderDatasource } from '../domain/datasource';
import type { UploadVideoInput } from '../domain/upload';
import { ZiggeoDatasource } from '../providers/ziggeo';
import type { VideoRecord } from '../domain/types';
import { badUserInput, notFound, unsupported } from '../errors';
import { httpUrl } from '../domain/validate';

/** How a browser sends the file with a ticket. */
export type TicketProtocol = 'RESUMABLE_SESSION' | 'MULTI_PART_SESSION' | 'MULTIPART_FORM';

/** What a browser needs to upload straight to the provider, and what the gateway keeps to finish. */
export interface DirectUploadTicket {
  readonly id: string;
  readonly account: string;
  readonly protocol: TicketProtocol;
  readonly method: 'POST';
  readonly url: string;
  /** Form fields to send before the file (MULTIPART_FORM), in order. */
  readonly fields: readonly (readonly [string, string])[];
  /** The form field that carries the file (MULTIPART_FORM). */
  readonly fileField: string | null;
  readonly fileSize: number;
  readonly partSize: number | null;
  readonly parts: number | null;
  readonly expiresAt: Date;
  /** Panda, Telestream: a signed request that opens another session (signed params, panda spec §3.7). */
  readonly sessionRequest: SignedSessionRequest | null;
  /** Provider-side state the completion needs (never shown to clients beyond the URL they got). */
  readonly finish: { kind: 'panda' | 'telestream'; location: string } | { kind: 'dailymotion'; video: UploadVideoInput } | { kind: 'ziggeo'; videoToken: string; streamToken: string };
}

export interface SignedSessionRequest {
  readonly url: string;
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly expiresAt: Date;
}

/** A signed request stays good this long: the APIs refuse older timestamps (panda spec §3.3). */
export const SIGNATURE_TTL_MS = 5 * 60 * 1000;

/** How long a ticket is good for: upload URLs and signed forms of the providers last about an hour. */
export const TICKET_TTL_MS = 60 * 60 * 1000;

/** Tickets of one gateway, in memory, bounded and expiring; a completed ticket is gone. */
export class UploadTickets {
  private readonly byId = new Map<string, DirectUploadTicket>();

  constructor(
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws when no ticket can be added now: checked before the provider opens anything for one. */
  assertRoom(): void {
    this.prune();
    if (this.byId.size >= this.max) throw badUserInput('too many open upload tickets; try again later');
  }

  add(ticket: Omit<DirectUploadTicket, 'id' | 'expiresAt'>): DirectUploadTicket {
    this.assertRoom();
    const full: DirectUploadTicket = { ...ticket, id: randomBytes(18).toString('base64url'), expiresAt: new Date(this.now() + TICKET_TTL_MS) };
    this.byId.set(full.id, full);
    return full;
  }

  /** The ticket, if it exists and `canSee` its account (others' tickets do not exist). */
  get(id: string, canSee: (account: string) => boolean): DirectUploadTicket {
    this.prune();
    const ticket = this.byId.get(id);
    if (!ticket || !canSee(ticket.account)) throw notFound(`no upload ticket "${id.slice(0, 40)}"`, { extra: { field: 'ticket' } });
    return ticket;
  }

  remove(id: string): void {
    this.byId.delete(id);
  }

  private prune(): void {
    const now = this.now();
    for (const [id, t] of this.byId) if (t.expiresAt.getTime() < now) this.byId.delete(id);
  }
}

export interface TicketRequest {
  readonly fileName: string;
  readonly fileSize: number;
  readonly video: UploadVideoInput;
}

/** Asks the provider for what a browser needs: a session, an upload URL or a signed form. */
export async function openTicket(tickets: UploadTickets, source: ProviderDatasource, request: TicketRequest): Promise<DirectUploadTicket> {
  // a session or video opened for a ticket that cannot be kept would be left behind at the provider
  tickets.assertRoom();
  const common = { account: source.accountId, method: 'POST' as const, fileSize: request.fileSize };
  const now = new Date();
  const signedUntil = new Date(now.getTime() + SIGNATURE_TTL_MS);
  if (source instanceof PandaDatasource) {
    const { location } = await source.openUploadSession(request.video, request.fileName, request.fileSize);
    const sessionRequest = { ...source.signUpload({ fileName: request.fileName, fileSize: request.fileSize, profiles: request.video.profiles, payload: request.video.payload }, now), expiresAt: signedUntil };
    return tickets.add({ ...common, protocol: 'RESUMABLE_SESSION', url: location, fields: [], fileField: null, partSize: null, parts: null, sessionRequest, finish: { kind: 'panda', location } });
  }
  if (source instanceof TelestreamDatasource) {
    const s = await source.openUploadSession(request.video, request.fileName, request.fileSize);
    const sessionRequest = { ...source.signUploadSession(request.video, request.fileName, request.fileSize, now), expiresAt: signedUntil };
    return tickets.add({
      ...common,
      protocol: 'MULTI_PART_SESSION',
      url: s.location,
      fields: [],
      fileField: null,
      partSize: s.partSize,
      parts: s.parts,
      sessionRequest,
      finish: { kind: 'telestream', location: s.location },
    });
  }
  if (source instanceof DailymotionDatasource) {
    if (request.video.pathFormat) throw badUserInput('pathFormat is not supported by Dailymotion', { field: 'pathFormat' });
    const { url } = await source.uploadTicket();
    return tickets.add({ ...common, protocol: 'MULTIPART_FORM', url, fields: [], fileField: 'file', partSize: null, parts: null, sessionRequest: null, finish: { kind: 'dailymotion', video: request.video } });
  }
  if (source instanceof ZiggeoDatasource) {
    for (const field of ['title', 'payload', 'pathFormat', 'profiles'] as const) {
      if (request.video[field] != null) throw badUserInput(`${field} is not supported by Ziggeo`, { field });
    }
    const signed = await source.openDirectUpload(request.fileName);
    return tickets.add({
      ...common,
      protocol: 'MULTIPART_FORM',
      url: signed.url,
      fields: signed.fields,
      fileField: 'file',
      partSize: null,
      parts: null,
      sessionRequest: null,
      finish: { kind: 'ziggeo', videoToken: signed.videoToken, streamToken: signed.streamToken },
    });
  }
  throw unsupported('direct uploads', source.accountId, source.provider);
}

export interface CompleteRequest {
  /** Telestream: the video id the completing part answered. */
  readonly videoId?: string | null;
  /** Dailymotion: the `url` the upload server answered. */
  readonly uploadedUrl?: string | null;
}

/** The video the browser's upload made, once the provider has the whole file. */
export async function completeTicket(source: ProviderDatasource, ticket: DirectUploadTicket, request: CompleteRequest): Promise<VideoRecord> {
  const finish = ticket.finish;
  if (finish.kind === 'panda' && source instanceof PandaDatasource) return source.uploadSessionVideo(finish.location, ticket.fileSize);
  if (finish.kind === 'telestream' && source instanceof TelestreamDatasource) {
    const missing = await source.uploadSessionMissing(finish.location);
    if (missing.length > 0) throw badUserInput(`the upload is not complete: ${missing.length} part(s) missing`);
    if (!request.videoId) throw badUserInput('videoId: the id the last part answered is required for Telestream', { field: 'videoId' });
    const [video] = await source.getVideos([request.videoId]);
    if (!video || video instanceof Error) throw video ?? notFound(`no video "${request.videoId.slice(0, 40)}"`);
    return video;
  }
  if (finish.kind === 'dailymotion' && source instanceof DailymotionDatasource) {
    if (!request.uploadedUrl) throw badUserInput('uploadedUrl: the url the upload server answered is required for Dailymotion', { field: 'uploadedUrl' });
    httpUrl(request.uploadedUrl, 'uploadedUrl');
    const title = finish.video.title ?? undefined;
    return source.createVideoFromUrl({ sourceUrl: request.uploadedUrl, title, profiles: finish.video.profiles, payload: finish.video.payload });
  }
  if (finish.kind === 'ziggeo' && source instanceof ZiggeoDatasource) return source.confirmDirectUpload(finish.videoToken, finish.streamToken);
  throw notFound('the ticket does not belong to this account');
}
