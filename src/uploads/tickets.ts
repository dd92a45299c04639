import type { ProviderDatasource } from '../domain/datasource';
import type { CompleteRequest, TicketFinish, TicketRequest, UploadTicketDraft } from '../domain/direct-upload';
import type { VideoRecord } from '../domain/types';
import { badUserInput, notFound, unsupported } from '../errors';
import type { StateLogger, StateStore } from '../state';
import { MAX_TOKEN_LENGTH, TokenError, uniqueId, type TokenSealer } from '../tokens';

export { SIGNATURE_TTL_MS, type CompleteRequest, type SignedSessionRequest, type TicketProtocol, type TicketRequest } from '../domain/direct-upload';

/** A ticket as handed out: its id is the sealed token that carries what completion needs. */
export interface DirectUploadTicket extends UploadTicketDraft {
  readonly id: string;
  readonly account: string;
  readonly method: 'POST';
  readonly fileSize: number;
  readonly expiresAt: Date;
}

/** What a ticket's token holds: enough for any replica to complete it. */
export interface OpenedTicket {
  /** Single-use marker's name: random, so two tickets never share one. */
  readonly nonce: string;
  readonly account: string;
  readonly fileSize: number;
  readonly finish: TicketFinish;
  readonly expiresAt: number;
}

/** How long a ticket is good for: upload URLs and signed forms of the providers last about an hour. */
export const TICKET_TTL_MS = 60 * 60 * 1000;
/** The token's purpose: a download link never opens as a ticket. */
const PURPOSE = 'upload-ticket';
/** A completion in progress holds the ticket this long at most (a replica that died mid-way frees it). */
const COMPLETING_MS = 2 * 60 * 1000;

export interface UploadTicketsOptions {
  /** Tickets one API key (or an open gateway) may open per TICKET_TTL_MS. */
  readonly maxPerKey?: number;
  readonly logger?: StateLogger;
  /** Milliseconds since the epoch: the sealer's clock. */
  readonly now?: () => number;
}

interface TicketPayload {
  readonly n: string;
  readonly a: string;
  readonly s: number;
  readonly f: TicketFinish;
}

function parsePayload(raw: unknown): TicketPayload | undefined {
  const p = raw as Partial<TicketPayload> | null;
  if (typeof p !== 'object' || p === null || typeof p.n !== 'string' || typeof p.a !== 'string' || !Number.isSafeInteger(p.s)) return undefined;
  if (typeof p.f !== 'object' || p.f === null || typeof p.f.provider !== 'string') return undefined;
  return p as TicketPayload;
}

/**
 * Direct-upload tickets as sealed tokens (purpose `upload-ticket`): the gateway keeps nothing per
 * ticket, so any replica holding `tokens.keys` completes a ticket another made, after a restart
 * too. Completion happens once: a marker set with `setIfAbsent` for the ticket's remaining life.
 * The table cap of one process is replaced by a count per API key in the store (`incr` with the
 * ticket TTL): each key opens at most `maxPerKey` tickets per hour, whichever replica it asks.
 */
export class UploadTickets {
  private readonly maxPerKey: number;
  private readonly now: () => number;

  constructor(
    private readonly store: StateStore,
    private readonly sealer: TokenSealer,
    private readonly options: UploadTicketsOptions = {},
  ) {
    this.maxPerKey = options.maxPerKey ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Counts one more ticket for `principal`; throws when it has opened all it may. Before the provider opens anything. */
  async reserve(principal: string | null): Promise<void> {
    const opened = await this.store.incr(`tickets:opened:${principal === null ? '-' : encodeURIComponent(principal)}`, TICKET_TTL_MS);
    if (opened > this.maxPerKey) throw badUserInput('too many open upload tickets; try again later');
  }

  /** Seals what the provider opened into the ticket handed out. */
  seal(draft: UploadTicketDraft, account: string, fileSize: number): DirectUploadTicket {
    const payload: TicketPayload = { n: uniqueId(), a: account, s: fileSize, f: draft.finish };
    const id = this.sealer.seal(PURPOSE, payload, TICKET_TTL_MS);
    // Dailymotion carries the video's title and payload: together they may not fit a token
    if (id.length > MAX_TOKEN_LENGTH) throw badUserInput('title, payload and pathFormat are too long together for an upload ticket');
    return { ...draft, id, account, method: 'POST', fileSize, expiresAt: new Date(this.now() + TICKET_TTL_MS) };
  }

  /** The ticket, if genuine, unexpired and `canSee` its account (others' tickets do not exist). */
  open(id: string, canSee: (account: string) => boolean): OpenedTicket {
    const missing = () => notFound(`no upload ticket "${id.slice(0, 40)}"`, { extra: { field: 'ticket' } });
    let opened;
    try {
      opened = this.sealer.open(PURPOSE, id, parsePayload);
    } catch (error) {
      if (error instanceof TokenError) throw missing();
      throw error;
    }
    const { payload, expiresAt } = opened;
    if (!canSee(payload.a)) throw missing();
    return { nonce: payload.n, account: payload.a, fileSize: payload.s, finish: payload.f, expiresAt };
  }

  /**
   * Runs `complete` once per ticket across replicas: a second call (here or elsewhere) finds the
   * ticket gone. A completion that fails frees the ticket for another try.
   */
  async once<T>(ticket: OpenedTicket, id: string, complete: () => Promise<T>): Promise<T> {
    const marker = `ticket:used:${ticket.nonce}`;
    const left = () => Math.max(1, ticket.expiresAt - this.now());
    if (!(await this.store.setIfAbsent(marker, 'completing', Math.min(COMPLETING_MS, left()))))
      throw notFound(`no upload ticket "${id.slice(0, 40)}"`, { extra: { field: 'ticket' } });
    let result: T;
    try {
      result = await complete();
    } catch (error) {
      await this.store.delete(marker).catch(() => undefined);
      throw error;
    }
    try {
      await this.store.set(marker, 'completed', left());
    } catch (error) {
      // the video exists: the client gets it; the 'completing' marker still holds the ticket for a while
      this.options.logger?.warn({ err: { message: (error as Error).message } }, 'completed upload ticket not marked: state store unavailable');
    }
    return result;
  }
}

/** Asks the provider for what a browser needs: a session, an upload URL or a signed form. */
export async function openTicket(tickets: UploadTickets, source: ProviderDatasource, request: TicketRequest, principal: string | null = null): Promise<DirectUploadTicket> {
  if (!source.openUploadTicket) throw unsupported('direct uploads', source.accountId, source.provider);
  // a session or video opened for a ticket that cannot be kept would be left behind at the provider
  await tickets.reserve(principal);
  const draft = await source.openUploadTicket(request, new Date());
  return tickets.seal(draft, source.accountId, request.fileSize);
}

/** The video the browser's upload made, once the provider has the whole file. */
export async function completeTicket(source: ProviderDatasource, ticket: Pick<OpenedTicket, 'finish' | 'fileSize'>, request: CompleteRequest): Promise<VideoRecord> {
  if (ticket.finish.provider !== source.provider || !source.completeUploadTicket) throw notFound('the ticket does not belong to this account');
  return source.completeUploadTicket(ticket.finish, ticket.fileSize, request);
}
