import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { framedStream } from '../../upstream/upload-chunks';
import { badUserInput } from '../../errors';
import type { MultipartFrame } from './encode';

/** A file to send upstream as it arrives: never read into memory (DESIGN §7 uploads). */
export interface ZiggeoFile {
  readonly body: Readable | Buffer;
  /** The file name: its base name and extension go on the wire (ziggeo spec §3.4, §3.6). */
  readonly name: string;
  /** Exact size in bytes: the multipart Content-Length is computed from it. */
  readonly size: number;
  /** Defaults to the guess from the extension. */
  readonly contentType?: string;
}

/** `head + file + tail` as one stream of known length; a file that is not `size` bytes fails the request. */
export function framedBody(frame: MultipartFrame, file: ZiggeoFile): { body: Readable; length: number } {
  if (!Number.isSafeInteger(file.size) || file.size < 0) throw badUserInput('the file size must be a whole number of bytes');
  if (Buffer.isBuffer(file.body) && file.body.length !== file.size) {
    throw badUserInput(`the file has ${file.body.length} bytes, not the ${file.size} announced`);
  }
  const body = framedStream(frame.head, file.body, frame.tail, file.size, (seen, early) =>
    early ? badUserInput(`the file has ${seen} bytes, not the ${file.size} announced`) : badUserInput(`the file is longer than the ${file.size} bytes announced`),
  );
  return { body, length: frame.head.length + file.size + frame.tail.length };
}

/** A boundary like the 2.30 SDK's (uuid4 hex); 1.17's dotted form is equally valid to servers (spec §3.4). */
export function randomBoundary(): string {
  return randomUUID().replace(/-/g, '');
}
