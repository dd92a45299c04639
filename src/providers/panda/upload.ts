import { providerError, type UpstreamResponse, type UpstreamTarget } from '../../upstream';
import { Readable } from 'node:stream';
import { ReplayWindow } from '../../upstream/upload-chunks';
import { UPLOAD_STAGE_BYTES, type UploadBody, type UploadHooks, type UploadVideoInput } from '../../domain/upload';
import type { PandaParams } from './client';
import { wireVideo, type WireVideo } from './wire';

/** Bytes kept to send again after a broken connection: more than loopback and LAN socket buffers hold. */
export const PANDA_REPLAY_WINDOW_BYTES = 8 * 1024 * 1024;

/** What the resumable protocol needs of a Panda (or Telestream) client. */
export interface SessionTransport {
  readonly target: UpstreamTarget;
  sendToUploadSession(location: string, headers: Record<string, string>, body: Readable | Buffer | null, method?: 'POST' | 'PUT' | 'DELETE'): Promise<UpstreamResponse>;
}

/**
 * The profiles of an upload session: those named, none for `[]`, and when absent every profile of the
 * cloud (`use_all_profiles`), as `POST /videos.json` does; the session's own default is no encoding
 * at all (panda spec §6.1), which is never what an upload through the gateway means.
 */
export function uploadProfileParams(profiles: readonly string[] | null | undefined): PandaParams {
  if (profiles == null) return { use_all_profiles: 'true' };
  return { profiles: profiles.length ? profiles.join(',') : 'none' };
}

/** The parameters of `POST /videos/upload.json` for an upload (panda spec §6.1). */
export function sessionParams(input: UploadVideoInput, fileName: string, fileSize: number): PandaParams {
  return { file_name: fileName, file_size: fileSize, ...uploadProfileParams(input.profiles), payload: input.payload ?? undefined, path_format: input.pathFormat ?? undefined };
}

/** A broken connection or a 5xx: worth asking the session what it has and going on (spec §6.6). */
const resumable = (error: unknown) => (error as { code?: string } | null)?.code === 'PROVIDER_UNAVAILABLE';

function videoOf(target: UpstreamTarget, response: UpstreamResponse): WireVideo {
  let json: unknown;
  try {
    json = JSON.parse(response.body.toString('utf8'));
  } catch {
    throw providerError(target, 'PROVIDER_UNAVAILABLE', 'upload session answered malformed JSON');
  }
  const parsed = wireVideo.safeParse(json);
  if (!parsed.success) throw providerError(target, 'PROVIDER_UNAVAILABLE', 'upload session answered an unexpected shape');
  return parsed.data;
}

/** `Range: 0-R` (inclusive) → R + 1 bytes held; none → 0 (spec §6.3, §9.4.17). */
function heldBytes(response: UpstreamResponse): number {
  const header = response.headers.range;
  const value = Array.isArray(header) ? header[0] : header;
  const m = value === undefined ? null : /^(?:bytes=)?(\d+)-(\d+)$/.exec(value.trim());
  return m ? Number(m[2]) + 1 : 0;
}

/**
 * The upload's source, read by one session request at a time: each chunk goes to the replay window
 * (and the progress) as it comes, then to the request reading now, if any; without one, or when it
 * wants no more, the source pauses. Chunks relayed from `'data'` one at a time: no promise per chunk,
 * and no `read()` joining what is buffered into a copy.
 */
class SharedSource {
  private reader: SessionBody | null = null;
  private listening = false;
  private ended = false;
  private failure: Error | null = null;
  private readonly onData = (chunk: Buffer) => {
    this.window.write(chunk);
    this.progress(this.window.written);
    const reader = this.reader;
    if (!reader || reader.destroyed || !reader.deliver(chunk)) this.stream.pause();
  };
  private readonly onEnd = () => {
    this.ended = true;
    const reader = this.reader;
    if (reader && !reader.destroyed) reader.push(null);
  };
  private readonly onError = (error: Error) => this.fail(error);
  private readonly onClose = () => {
    if (!this.ended) this.fail(new Error('the upload body closed before its end'));
  };

  constructor(
    private readonly stream: Readable,
    private readonly window: ReplayWindow,
    private readonly progress: (bytes: number) => void,
  ) {}

  /** `reader` has sent everything the window holds: it reads the source from here. */
  want(reader: SessionBody): void {
    this.reader = reader;
    if (this.failure) return void reader.destroy(this.failure);
    if (this.ended) return void reader.push(null);
    if (this.listening) return void this.stream.resume();
    this.listening = true;
    this.stream.on('end', this.onEnd);
    this.stream.on('error', this.onError);
    this.stream.on('close', this.onClose);
    this.stream.on('data', this.onData);
  }

  /** Stops listening; the stream itself is destroyed by its opener. */
  detach(): void {
    this.reader = null;
    this.stream.off('data', this.onData);
    this.stream.off('end', this.onEnd);
    this.stream.off('close', this.onClose);
    // an error after the upload ended has no reader left to fail, and must not crash the process
    this.stream.off('error', this.onError);
    this.stream.on('error', () => undefined);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const reader = this.reader;
    if (reader && !reader.destroyed) reader.destroy(this.failure);
  }
}

/**
 * The bytes of one request of a session from `at` to the end: first what the replay window still
 * holds past `at`, then the source (shared by every request). One stream stage.
 */
class SessionBody extends Readable {
  constructor(
    private at: number,
    private readonly size: number,
    private readonly window: ReplayWindow,
    private readonly source: SharedSource,
    private readonly target: UpstreamTarget,
  ) {
    super({ highWaterMark: UPLOAD_STAGE_BYTES });
  }

  /** A chunk from the source; false when no more is wanted for now. */
  deliver(chunk: Buffer): boolean {
    this.at += chunk.length;
    return this.push(chunk);
  }

  override _read(): void {
    if (this.at >= this.size) return void this.push(null);
    if (this.at < this.window.written) {
      const replay = this.window.copyFrom(this.at);
      if (!replay) return void this.destroy(providerError(this.target, 'PROVIDER_UNAVAILABLE', `upload session holds ${this.at} bytes, fewer than can be sent again`));
      this.at += replay.length;
      this.push(replay);
      return;
    }
    this.source.want(this);
  }
}

/**
 * One resumable upload session (panda spec §6), streamed: the file goes as one request with
 * `Content-Range: bytes S-(L-1)/L` while the last bytes sent stay in a replay window. When the
 * connection breaks, a status query (`bytes *\/L`) tells how much the server holds, and a new request
 * goes on from there: first from the window, then from the source.
 */
export class ResumableUpload {
  private held = 0;

  get bytesHeld(): number {
    return this.held;
  }

  constructor(
    private readonly client: SessionTransport,
    readonly location: string,
    private readonly size: number,
    private readonly windowBytes = PANDA_REPLAY_WINDOW_BYTES,
  ) {}

  async send(body: UploadBody, hooks: UploadHooks): Promise<WireVideo> {
    const maxResumes = hooks.maxResumes ?? 3;
    const window = new ReplayWindow(Math.min(this.windowBytes, this.size));
    const opened = body.open();
    const source = new SharedSource(opened, window, (bytes) => hooks.progress(bytes));
    const from = (start: number) => new SessionBody(start, this.size, window, source, this.client.target);
    try {
      for (let resumes = 0; ;) {
        const start = this.held;
        let video: WireVideo | null;
        try {
          video = await this.sendFrom(from(start), start);
        } catch (error) {
          if (!resumable(error) || ++resumes > maxResumes) throw error;
          video = await this.query();
        }
        if (video) {
          hooks.progress(this.size);
          return video;
        }
        if (this.held <= start && window.written >= this.size) {
          throw providerError(this.client.target, 'PROVIDER_UNAVAILABLE', `upload session holds ${this.held} of ${this.size} bytes after the whole file was sent`);
        }
      }
    } finally {
      source.detach();
      opened.destroy();
    }
  }

  /** DELETE location (spec §6.4): the server forgets the session and its bytes. */
  async abort(): Promise<void> {
    await this.client.sendToUploadSession(this.location, {}, null, 'DELETE');
  }

  /** Sends the bytes from `start` to the end; 200 is the created video, 204 says what is held now. */
  private async sendFrom(body: Readable, start: number): Promise<WireVideo | null> {
    const headers = {
      'content-type': 'application/octet-stream',
      'cache-control': 'no-cache',
      'content-range': `bytes ${start}-${this.size - 1}/${this.size}`,
      'content-length': String(this.size - start),
    };
    const response = await this.client.sendToUploadSession(this.location, headers, body, 'POST');
    return this.answer(response);
  }

  /** Status query (spec §6.3): 204 with `Range`, or 200 with the video once complete. */
  async query(): Promise<WireVideo | null> {
    const headers = { 'content-type': 'application/octet-stream', 'cache-control': 'no-cache', 'content-range': `bytes */${this.size}` };
    return this.answer(await this.client.sendToUploadSession(this.location, headers, Buffer.alloc(0), 'POST'));
  }

  private answer(response: UpstreamResponse): WireVideo | null {
    if (response.status === 200) {
      this.held = this.size;
      return videoOf(this.client.target, response);
    }
    if (response.status === 204) {
      this.held = heldBytes(response);
      return null;
    }
    const code = response.status >= 500 ? 'PROVIDER_UNAVAILABLE' : response.status === 413 ? 'UPLOAD_TOO_LARGE' : 'PROVIDER_REJECTED';
    throw providerError(this.client.target, code, `upload session answered HTTP ${response.status}`);
  }
}

/** A client that can also open sessions (Panda's; Telestream's without `multi_chunk`). */
export interface SessionOpener extends SessionTransport {
  createUploadSession(params: PandaParams): Promise<{ location: string }>;
}

/** Opens a session and sends the body through it; a failed upload's session is deleted (spec §6.4). */
export async function uploadThroughSession(client: SessionOpener, params: PandaParams, body: UploadBody, hooks: UploadHooks): Promise<WireVideo> {
  const { location } = await client.createUploadSession(params);
  const upload = new ResumableUpload(client, location, body.size);
  try {
    return await upload.send(body, hooks);
  } catch (error) {
    await upload.abort().catch(() => undefined);
    throw error;
  }
}

/** The video a browser's finished session created: a status query answers it (spec §6.3, §6.6). */
export async function sessionVideo(client: SessionTransport, location: string, size: number): Promise<{ video: WireVideo } | { held: number }> {
  const upload = new ResumableUpload(client, location, size);
  const video = await upload.query();
  // wrapped: a video is a loose object, so `'held' in` could not tell it from the byte count
  return video ? { video } : { held: upload.bytesHeld };
}
