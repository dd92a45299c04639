import pino from 'pino';
import { createLogger, type Logger } from '../../src/observability/logger';

/**
 * The logger `npm start` uses (level from LOG_LEVEL, else info: one JSON line per request), writing
 * to /dev/null: the gateway pays for its logs as deployed, and the table stays readable.
 */
export function benchLogger(): Logger {
  return createLogger({ destination: pino.destination({ dest: '/dev/null', sync: true }) });
}
