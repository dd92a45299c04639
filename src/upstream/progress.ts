import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { UPLOAD_STAGE_BYTES } from '../domain/upload';
import type { CutCause } from './deadline';

/**
 * How far one attempt got: what decides whether its failure was the provider's (it had our request
 * and did not answer in time) or ours (still queued for a socket, our upload source broke).
 */
export class AttemptProgress {
  /** A socket took the request (undici's `onRequestStart`): no longer waiting in our pool. */
  dispatched = false;
  /** Every byte of the request body was handed over: from here on the provider owes an answer. */
  bodySent = false;
  /** Response headers came: the provider was answering. */
  answered = false;
  /** The request body's own source failed (a client gone mid-upload, a file unreadable). */
  sourceFailed = false;

  constructor(readonly streamed: boolean) {}

  /**
   * Whether the attempt's failure (no response) was the provider's fault, the only failures the
   * breaker counts: a refused or reset connection, a timeout while it had our whole request and owed
   * the answer. Not: the caller or the gateway's shutdown cutting it, our upload source breaking, our
   * deadline passing while the call still waited for a socket, was still sending, or was being answered.
   */
  providerFault(cut: CutCause | null): boolean {
    if (cut === 'caller' || cut === 'shutdown' || this.sourceFailed) return false;
    if (cut === 'deadline') return this.dispatched && this.bodySent && !this.answered;
    return true;
  }
}

const tracked = new WeakMap<object, AttemptProgress>();

/** Ties a request's options to its progress; `progressInterceptor` finds it there. */
export function trackProgress(options: Dispatcher.DispatchOptions, progress: AttemptProgress): void {
  tracked.set(options, progress);
}

/** Passes every event on, noting when the request got a socket and when the answer began. */
class ProgressHandler implements Dispatcher.DispatchHandler {
  constructor(
    private readonly inner: Dispatcher.DispatchHandler,
    private readonly progress: AttemptProgress,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.progress.dispatched = true;
    // a buffer goes out with the headers; a stream's end is seen by `watchedBody`
    if (!this.progress.streamed) this.progress.bodySent = true;
    this.inner.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestUpgrade']>>[2],
    socket: Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestUpgrade']>>[3],
  ): void {
    this.inner.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseStart']>>[2],
    statusMessage?: string,
  ): void {
    this.progress.answered = true;
    this.inner.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.inner.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseEnd']>>[1]): void {
    this.inner.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.inner.onResponseError?.(controller, error);
  }
}

/** An undici interceptor (compose) that reports each tracked request's progress. */
export const progressInterceptor: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
  const progress = tracked.get(options);
  return dispatch(options, progress ? new ProgressHandler(handler, progress) : handler);
};

/**
 * The request body as undici reads it, relayed from `source` with backpressure. It tells a source
 * that failed on its own (the client went away: `sourceFailed`) from one destroyed by undici because
 * the connection broke, and notes when the last byte was handed over (`bodySent`).
 */
class WatchedBody extends Readable {
  constructor(
    private readonly source: Readable,
    private readonly progress: AttemptProgress,
  ) {
    super({ highWaterMark: UPLOAD_STAGE_BYTES });
    source.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) source.pause();
    });
    source.once('end', () => {
      progress.bodySent = true;
      this.push(null);
    });
    source.once('error', (error: Error) => this.sourceFailed(error));
    source.once('close', () => {
      if (!source.readableEnded) this.sourceFailed(new Error('the request body closed before its end'));
    });
  }

  override _read(): void {
    this.source.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // undici destroys the body when the connection breaks: the source goes with it, as before
    if (!this.source.destroyed) this.source.destroy(error ?? undefined);
    callback(error);
  }

  private sourceFailed(error: Error): void {
    if (this.destroyed) return;
    this.progress.sourceFailed = true;
    this.destroy(error);
  }
}

export function watchedBody(source: Readable, progress: AttemptProgress): Readable {
  return new WatchedBody(source, progress);
}
