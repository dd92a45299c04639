import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform, type TransformCallback, type Writable } from 'node:stream';
import { UPLOAD_STAGE_BYTES } from '../domain/upload';
import { VidmeshError } from '../errors';
import { pacesItself } from './receive-timeouts';

/** How an upload's body must keep coming: `server.uploadIdleTimeoutMs`, `server.uploadMinBytesPerSecond`. */
export interface UploadPace {
  readonly uploadIdleTimeoutMs: number;
  readonly uploadMinBytesPerSecond: number;
}

/** The body stalled or crawled: the client's doing, answered 408 where the front still can. */
export function bodyTooSlow(message: string, limit: keyof UploadPace, max: number): VidmeshError {
  return new VidmeshError('BAD_USER_INPUT', message, { httpStatus: 408, extra: { limit, max } });
}

/**
 * An upload request's body as the multipart parser reads it, watched for pace instead of a flat
 * deadline: an honest upload may take hours, a body that sends nothing for `uploadIdleTimeoutMs`, or
 * less than `uploadMinBytesPerSecond` on average over such a span, is cut. Only time the gateway
 * spends waiting for the client counts: while the gateway itself holds the body back (a slow
 * provider, backpressure), the clock stops. A cut fails the parser with a `bodyTooSlow` error, so the
 * upload's own failure path runs (the provider's session deleted, the answer sent, the rest drained).
 */
export class PacedBody extends Transform {
  /** What the multipart parser reads besides the stream. */
  readonly headers: IncomingMessage['headers'];
  private reader: Writable | null = null;
  private bytes = 0;
  private readonly timer: NodeJS.Timeout;
  private lastTick = performance.now();
  private lastBytes = 0;
  /** Waiting time since the last byte, and in the current rate window (ms), with the window's bytes. */
  private idleMs = 0;
  private windowMs = 0;
  private windowBytes = 0;

  constructor(
    private readonly req: IncomingMessage,
    res: ServerResponse,
    private readonly pace: UploadPace,
  ) {
    super({ readableHighWaterMark: UPLOAD_STAGE_BYTES, writableHighWaterMark: UPLOAD_STAGE_BYTES });
    this.headers = req.headers;
    pacesItself(req);
    req.pipe(this);
    // the client gone: the parser sees the body end early, as it would on the request itself
    req.once('close', () => {
      if (!req.complete) this.destroy();
    });
    const tickMs = Math.max(10, Math.min(1_000, Math.floor(pace.uploadIdleTimeoutMs / 5)));
    this.timer = setInterval(() => this.tick(), tickMs);
    this.timer.unref();
    const stop = () => clearInterval(this.timer);
    res.once('close', stop);
    res.once('finish', stop);
    this.once('close', stop);
    req.once('end', stop);
  }

  /** The parser that reads this body: a cut fails it directly. */
  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    this.reader = destination as unknown as Writable;
    return super.pipe(destination, options);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  /** The gateway waits for the client: its reader flows, and nothing is buffered on the way. */
  private get starved(): boolean {
    return this.readableFlowing === true && this.readableLength === 0 && this.writableLength === 0 && this.req.readableLength === 0 && !this.req.isPaused();
  }

  private tick(): void {
    const now = performance.now();
    const elapsed = now - this.lastTick;
    this.lastTick = now;
    const arrived = this.bytes - this.lastBytes;
    this.lastBytes = this.bytes;
    if (this.req.complete) return clearInterval(this.timer);
    if (arrived === 0 && !this.starved) return;
    this.idleMs = arrived > 0 ? 0 : this.idleMs + elapsed;
    this.windowMs += elapsed;
    this.windowBytes += arrived;
    const { uploadIdleTimeoutMs: idle, uploadMinBytesPerSecond: rate } = this.pace;
    if (this.idleMs >= idle) {
      return this.cut(bodyTooSlow(`the upload sent nothing for ${idle} ms (server.uploadIdleTimeoutMs)`, 'uploadIdleTimeoutMs', idle));
    }
    if (this.windowMs < idle) return;
    const perSecond = (this.windowBytes * 1000) / this.windowMs;
    if (rate > 0 && perSecond < rate) {
      return this.cut(bodyTooSlow(`the upload is slower than ${rate} bytes per second (server.uploadMinBytesPerSecond)`, 'uploadMinBytesPerSecond', rate));
    }
    this.windowMs = 0;
    this.windowBytes = 0;
  }

  private cut(error: VidmeshError): void {
    clearInterval(this.timer);
    this.req.unpipe(this);
    // the parser fails every file it handed out with this error, then drains the request
    if (this.reader) this.reader.destroy(error);
    else this.destroy(error);
  }
}
