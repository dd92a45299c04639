import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** pino level; `LOG_LEVEL` from the environment, else `info`. */
  readonly level?: string;
  /** Where JSON lines go (stdout by default); tests pass a stream that keeps them. */
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
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['authorization', '*.authorization', 'headers', '*.headers', 'secretKey', 'apiKey', 'privateKey'], censor: '[redacted]' },
    },
    options.destination,
  );
}

/** For embedding and tests that want no output. */
export const silentLogger: Logger = pino({ level: 'silent' });
