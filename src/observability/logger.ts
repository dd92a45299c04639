import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** pino level; `LOG_LEVEL` from the environment, else `info`. */
  readonly level?: string;
  /**
   * Where JSON lines go; tests pass a stream that keeps them. By default stdout, written
   * asynchronously (lines queue while a write is in flight and go out together), so a request
   * never waits on the terminal or a pipe; `flush` before exiting.
   */
  readonly destination?: DestinationStream;
}

/**
 * The gateway's structured logger: one JSON line per event. Nothing here logs query strings,
 * headers or credentials; `redact` is a second guard for fields someone adds later.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const logger = pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'vidmesh' },
      // pino's default epoch-millisecond `time`: formatting ISO dates on every line is measurable at load
      // no wildcard paths: they make every line walk its objects (measured with npm run bench)
      redact: { paths: ['authorization', 'headers', 'secretKey', 'apiKey', 'privateKey'], censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
  PLAIN.add(logger);
  return logger;
}

/** Loggers made by `createLogger`: no mixin, log formatter, nested key or write hook, so `writeLine` may build their lines. */
const PLAIN = new WeakSet<Logger>();

const { lsCacheSym, timeSym, chindingsSym, streamSym, endSym, needsMetadataGsym } = pino.symbols;
/** What pino keeps under its symbols (lib/symbols.js): the line's parts, as its own `write` joins them. */
const internal = <T>(logger: Logger, key: symbol): T => (logger as unknown as Record<symbol, T>)[key]!;
type LineStream = { write(line: string): unknown } & Record<symbol, unknown>;

/**
 * One line at `level` whose fields the caller has already written as JSON members (`,"key":value…`,
 * from values it knows are safe to log: no key the redaction paths name), byte for byte the line
 * `logger[level](fields, msg)` writes, without pino's generic walk of the object (measured in
 * bench/NOTES.md, "Front and request scope"). Other loggers (tests' own, children) take pino's way,
 * from `fields()`.
 */
export function writeLine(logger: Logger, level: 'info' | 'warn', members: () => string, fields: () => object, msg: string): void {
  if (!logger.isLevelEnabled(level)) return;
  const stream = internal<LineStream>(logger, streamSym);
  if (!PLAIN.has(logger) || stream[needsMetadataGsym] === true) {
    logger[level](fields(), msg);
    return;
  }
  const num = logger.levels.values[level]!;
  const head = internal<Record<number, string>>(logger, lsCacheSym)[num]! + internal<() => string>(logger, timeSym)() + internal<string>(logger, chindingsSym);
  stream.write(head + members() + ',"msg":' + JSON.stringify(msg) + internal<string>(logger, endSym));
}

/** For embedding and tests that want no output. */
export const silentLogger: Logger = pino({ level: 'silent' });
