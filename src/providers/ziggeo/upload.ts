import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { badUserInput } from '../../errors';
import { providerError } from '../../upstream';
import type { ZiggeoClient } from './client';
import { fileExtension, type MultipartFrame } from './encode';
import * as wire from './wire';

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
  const source = file.body;
  async function* parts(): AsyncGenerator<Buffer> {
    yield frame.head;
    let seen = 0;
    for await (const chunk of Buffer.isBuffer(source) ? [source] : source) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      seen += buffer.length;
      if (seen > file.size) throw badUserInput(`the file is longer than the ${file.size} bytes announced`);
      yield buffer;
    }
    if (seen !== file.size) throw badUserInput(`the file has ${seen} bytes, not the ${file.size} announced`);
    yield frame.tail;
  }
  return { body: Readable.from(parts(), { objectMode: false }), length: frame.head.length + file.size + frame.tail.length };
}

/** A boundary like the 2.30 SDK's (uuid4 hex); 1.17's dotted form is equally valid to servers (spec §3.4). */
export function randomBoundary(): string {
  return randomUUID().replace(/-/g, '');
}

/** What a browser posts to the S3-like leg of the 2.30 flow (spec §3.6 step 2), and what to confirm after. */
export interface SignedVideoUpload {
  readonly url: string;
  readonly fields: readonly (readonly [string, string])[];
  readonly videoToken: string;
  readonly streamToken: string;
}

/** Step 1 of spec §3.6 (`/v1/videos-upload-url`): the video and its waiting stream exist from here on. */
export async function openSignedVideoUpload(client: ZiggeoClient, fileName: string): Promise<SignedVideoUpload> {
  const ticket = await client.json({ verb: 'POST', path: '/v1/videos-upload-url', data: [['video_type', fileExtension(fileName)]], host: 'api', result: 'json', idempotent: false }, wire.wireAny);
  const urlData = wire.wireUploadUrl.safeParse(ticket);
  const video = wire.wireUploadScope.safeParse((ticket as Record<string, unknown> | null)?.video);
  if (!urlData.success || !video.success || !video.data.default_stream) throw providerError(client.target, 'PROVIDER_UNAVAILABLE', 'unexpected videos-upload-url answer');
  const base = client.hosts.api.replace(/\/+$/, '');
  const url = /^https?:/.test(urlData.data.url_data.url) ? urlData.data.url_data.url : base + urlData.data.url_data.url;
  return {
    url,
    fields: Object.entries(urlData.data.url_data.fields).map(([k, v]) => [k, String(v)] as const),
    videoToken: video.data.token,
    streamToken: video.data.default_stream.token,
  };
}

/** Step 3 of spec §3.6: the stream takes the uploaded file and starts processing. */
export async function confirmSignedVideoUpload(client: ZiggeoClient, videoToken: string, streamToken: string): Promise<void> {
  await client.json({ verb: 'POST', path: `/v1/videos/${videoToken}/streams/${streamToken}/confirm-video`, data: null, host: 'api', result: 'json', idempotent: false }, wire.wireAny);
}
