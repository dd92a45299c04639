import '../src/production-mode';
import 'reflect-metadata';
import { tuneHeapGrowth } from '../src/heap-growth';
import { parseConfig } from '../src/config';
import { configPathOf, exitOnStartError, portOf, serveConfigFile, serveGateway } from '../src/start';
import { startEmulators } from './emulators';
import { pointProvidersAtGateway, SANDBOX_NOTIFICATIONS, SANDBOX_TIMING } from './notifications';

// as the production entry does (src/heap-growth.ts)
tuneHeapGrowth();

/** What to try first, against the demo accounts. */
const EXAMPLE_QUERY = '{ accounts { id provider } videos(first: 3) { nodes { id title status account { id } } } }';

/**
 * `npm start`: with `--config PATH` or VIDMESH_CONFIG, the gateway alone over those accounts; without,
 * the sandbox (DESIGN §3): the four emulators with demo data on loopback, then the gateway over them,
 * on HOST (default 127.0.0.1; 0.0.0.0 in a container) and PORT (default 4000), with every Panda,
 * Telestream and Ziggeo account's notifications pointed at it (encodings progress in seconds).
 */
async function main(): Promise<void> {
  const configPath = configPathOf();
  if (configPath) return void (await serveConfigFile(configPath));
  const port = portOf();
  const emulators = await startEmulators({ host: '127.0.0.1', timing: SANDBOX_TIMING, notifications: SANDBOX_NOTIFICATIONS });
  const config = parseConfig({ server: { host: process.env.HOST || '127.0.0.1' }, accounts: emulators.accounts }, 'sandbox');
  for (const line of emulators.lines) console.log(`emulator ${line.provider}: ${line.baseUrl}`);
  const gateway = await serveGateway(config, { port, label: 'sandbox ', alongside: emulators });
  // live progress with no set-up: every provider that can notify posts to this gateway
  const lines = await pointProvidersAtGateway(gateway.url, config.accounts);
  console.log(`notifications → gateway: ${lines.join('; ')}`);
  console.log(`GraphQL IDE: open ${gateway.url} in a browser`);
  console.log(`try: curl -s ${gateway.url} -H 'content-type: application/json' -d '${JSON.stringify({ query: EXAMPLE_QUERY })}'`);
}

main().catch(exitOnStartError);
