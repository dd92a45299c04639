import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile, parseConfig, type VidmeshConfig } from './config';
import { startEmulators, type EmulatorSet } from '../sandbox/emulators';
import { createLogger } from './observability/logger';
import { startGateway } from './http/server';

/**
 * `npm start`: with `--config PATH` or VIDMESH_CONFIG, the gateway over those accounts; without,
 * the sandbox: embedded emulators with demo data, then the gateway over them (DESIGN §3).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string' } } });
  const configPath = values.config ?? process.env.VIDMESH_CONFIG;
  const port = process.env.PORT === undefined ? undefined : Number(process.env.PORT);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new ConfigError('PORT', ['PORT: a port number']);

  let emulators: EmulatorSet | null = null;
  let config: VidmeshConfig;
  if (configPath) {
    config = loadConfigFile(configPath);
  } else {
    emulators = await startEmulators({ host: '127.0.0.1' });
    config = parseConfig({ server: { host: '127.0.0.1' }, accounts: emulators.accounts }, 'sandbox');
    for (const line of emulators.lines) console.log(`emulator ${line.provider}: ${line.baseUrl}`);
  }
  const logger = createLogger();
  const gateway = await startGateway(config, { port }, { logger });
  console.log(`vidmesh ${emulators ? 'sandbox ' : ''}GraphQL at ${gateway.url} (${config.accounts.map((a) => a.id).join(', ')})`);

  // first signal: drain (new requests refused, in-flight ones finish within server.shutdownTimeoutMs); second: exit now
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal, timeoutMs: config.server.shutdownTimeoutMs }, 'shutting down');
    void gateway
      .close()
      .then(() => emulators?.close())
      .then(() => {
        logger.info('stopped');
        logger.flush(() => process.exit(0));
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `vidmesh: ${(error as Error).message}`);
  process.exit(1);
});
