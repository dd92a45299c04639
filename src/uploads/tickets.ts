import { randomBytes } from 'node:crypto';
import type { ProviderDatasource } from '../domain/datasource';
import type { CompleteRequest, TicketRequest, UploadTicketDraft } from '../domain/direct-upload';
import type { VideoRecord } from '../domain/types';
import { badUserInput, notFound, unsupported } from '../errors';

export { SIGNATURE_TTL_MS, type CompleteRequest, type SignedSessionRequest, type TicketProtocol, type TicketRequest } from '../domain/direct-upload';

/** A ticket the gateway keeps: what the provider opened, for one account, until it expires or completes. */
export interface DirectUploadTicket extends UploadTicketDraft {
  readonly id: string;
  readonly account: string;
  readonly method: 'POST';
  readonly fileSize: number;
  readonly expiresAt: Date;
}

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

/** Asks the provider for what a browser needs: a session, an upload URL or a signed form. */
export async function openTicket(tickets: UploadTickets, source: ProviderDatasource, request: TicketRequest): Promise<DirectUploadTicket> {
  // a session or video opened for a ticket that cannot be kept would be left behind at the provider
  tickets.assertRoom();
  if (!source.openUploadTicket) throw unsupported('direct uploads', source.accountId, source.provider);
  const draft = await source.openUploadTicket(request, new Date());
  return tickets.add({ ...draft, account: source.accountId, method: 'POST', fileSize: request.fileSize });
}

/** The video the browser's upload made, once the provider has the whole file. */
export async function completeTicket(source: ProviderDatasource, ticket: DirectUploadTicket, request: CompleteRequest): Promise<VideoRecord> {
  if (ticket.finish.provider !== source.provider || !source.completeUploadTicket) throw notFound('the ticket does not belong to this account');
  return source.completeUploadTicket(ticket.finish, ticket.fileSize, request);
}
