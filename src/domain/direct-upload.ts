import type { ProviderName } from '../config';
import type { UploadVideoInput } from './upload';

/**
 * Direct uploads (a browser sends the file to the provider itself): what a provider opens for a
 * ticket and what it needs back to finish. The gateway keeps tickets (src/uploads/tickets.ts); each
 * provider's datasource opens and completes its own (ProviderDatasource.openUploadTicket).
 */

/** How a browser sends the file with a ticket. */
export type TicketProtocol = 'RESUMABLE_SESSION' | 'MULTI_PART_SESSION' | 'MULTIPART_FORM';

/** A signed provider request a browser may send itself (Panda, Telestream `signed_params`). */
export interface SignedRequest {
  readonly url: string;
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
}

export interface SignedSessionRequest extends SignedRequest {
  readonly expiresAt: Date;
}

/** A signed request stays good this long: the APIs refuse older timestamps (panda spec §3.3). */
export const SIGNATURE_TTL_MS = 5 * 60 * 1000;

export interface TicketRequest {
  readonly fileName: string;
  readonly fileSize: number;
  readonly video: UploadVideoInput;
}

/**
 * Provider-side state the completion needs, read back only by the provider that wrote it (never
 * shown to clients beyond the URL they got).
 */
export interface TicketFinish {
  readonly provider: ProviderName;
  readonly [key: string]: unknown;
}

/** What the provider opened for a ticket: everything but the gateway's own id, account and expiry. */
export interface UploadTicketDraft {
  readonly protocol: TicketProtocol;
  readonly url: string;
  /** Form fields to send before the file (MULTIPART_FORM), in order. */
  readonly fields: readonly (readonly [string, string])[];
  /** The form field that carries the file (MULTIPART_FORM). */
  readonly fileField: string | null;
  readonly partSize: number | null;
  readonly parts: number | null;
  /** Panda, Telestream: a signed request that opens another session (signed params, panda spec §3.7). */
  readonly sessionRequest: SignedSessionRequest | null;
  readonly finish: TicketFinish;
}

export interface CompleteRequest {
  /** Telestream: the video id the completing part answered. */
  readonly videoId?: string | null;
  /** Dailymotion: the `url` the upload server answered. */
  readonly uploadedUrl?: string | null;
}

/** The file a browser is about to send with a signed request (Panda `signUpload`). */
export interface SignUploadRequest {
  readonly fileName: string;
  readonly fileSize: number;
  readonly profiles?: readonly string[] | null;
  readonly payload?: string | null;
}
