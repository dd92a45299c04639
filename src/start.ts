import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile, type VidmeshConfig } from './config';
import { createLogger } from './observability/logger';
import { startGateway, type Gateway } from './http/server';

/** Starting the gateway from the command line: shared by the production entry (main.ts) and the sandbox's. */

/** `--config PATH`, else VIDMESH_CONFIG; undefined when neither is given. */
export function configPathOf(args: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { values } = parseArgs({ args: [...args], options: { config: { type: 'string' } } });
  return values.config ?? env.VIDMESH_CONFIG;
}

/** `PORT` overrides `server.port`; anything but a port number is a config error naming it. */
export function portOf(env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (env.PORT === undefined) return undefined;
  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PORT', ['PORT: a port number']);
  return port;
}

export interface ServeOptions {
  readonly port?: number;
  /** Printed before "GraphQL at" (`sandbox `). */
  readonly label?: string;
  /** Closed after the gateway has drained (the sandbox's emulators). */
  readonly alongside?: { close(): Promise<void> };
}

/**
 * The gateway over `config`, its URL printed, draining on the first SIGINT/SIGTERM (in-flight
 * requests finish within server.shutdownTimeoutMs) and exiting at once on the second. SIGTERM (an
 * orchestrator's) first reports not ready for server.drainDelayMs so the balancer moves traffic
 * away; SIGINT (Ctrl-C in a terminal) drains at once.
 */
export async function serveGateway(config: VidmeshConfig, o: ServeOptions = {}): Promise<Gateway> {
  const logger = createLogger();
  const gateway = await startGateway(config, { port: o.port }, { logger });
  console.log(`vidmesh ${o.label ?? ''}GraphQL at ${gateway.url} (${config.accounts.map((a) => a.id).join(', ')})`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    const drainDelayMs = signal === 'SIGTERM' ? config.server.drainDelayMs : 0;
    logger.info({ signal, drainDelayMs, timeoutMs: config.server.shutdownTimeoutMs }, 'shutting down');
    void gateway
      .close({ drainDelayMs })
      .then(() => o.alongside?.close())
      .then(() => {
        logger.info('stopped');
        logger.flush(() => process.exit(0));
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return gateway;
}

/** The gateway alone over a config file (DESIGN §4). */
export async function serveConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): Promise<Gateway> {
  const port = portOf(env);
  return serveGateway(loadConfigFile(path, env), { port });
}

/** A start that failed: the config's path-named problems, or one line; never a stack trace. */
export function exitOnStartError(error: unknown): never {
  console.error(error instanceof ConfigError ? error.message : `vidmesh: ${(error as Error).message}`);
  process.exit(1);
}
