import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** pino level; `LOG_LEVEL` from the environment, else `info`. */
  readonly level?: string;
  /**
   * Where JSON lines go; tests pass a stream that keeps them. By default stdout, written
   * synchronously as pino does by default and as Node writes its own stdout to files and pipes on
   * Linux: one write(2) per line on the calling thread. The asynchronous mode costs more CPU per line
   * (a thread-pool hand-off and a completion callback that wakes the loop again: ~15 % of a one-call
   * dashboard request's gateway CPU, bench/NOTES.md), and a line is never lost at exit. The price is
   * pino's: a reader that stops draining the pipe stalls the process, so send stdout to a collector
   * that keeps up (every container runtime does).
   */
  readonly destination?: DestinationStream;
}

/**
 * The gateway's structured logger: one JSON line per event. Nothing here logs query strings,
 * headers or credentials; `redact` is a second guard for fields someone adds later.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'vidmesh' },
      // pino's default epoch-millisecond `time`: formatting ISO dates on every line is measurable at load
      // no wildcard paths: they make every line walk its objects (measured with npm run bench)
      redact: { paths: ['authorization', 'headers', 'secretKey', 'apiKey', 'privateKey'], censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** For embedding and tests that want no output. */
export const silentLogger: Logger = pino({ level: 'silent' });
