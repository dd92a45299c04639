import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { AccountRegistry } from '../../src/providers/accounts';
import { parseConfig } from '../../src/config';
import { RequestContext } from '../../src/context';
import { startEmulators } from '../../sandbox/emulators';
import { vidmeshSchema } from '../../src/graph/build';
import { startGateway } from '../../src/http/server';
import { benchLogger } from '../support/logger';
import { repoRoot } from '../support/operations';
import { answerCpuUsage } from '../support/cpu-usage';
import { bareServer } from '../support/bare-apollo';
import { tuneHeapGrowth } from '../../src/heap-growth';

/**
 * One server under load, in its own process. argv[2]:
 * - `vidmesh`: `npm start`'s sandbox (emulators + gateway, request log lines to /dev/null), the real thing;
 * - `bare`: a bare Apollo Server 5 over the committed SDL whose `accounts` resolver returns the
 *   objects given as JSON in argv[3] (the same ones vidmesh answers);
 * - `typegraphql`: the same bare server over vidmesh's type-graphql schema and request context,
 *   without vidmesh's HTTP layer, auth, error formatting and plugins: the layer in between.
 * Sends `{ url }` when listening; answers `usage` with its CPU time (ms) since the last one; exits
 * when the parent disconnects.
 */
async function main(): Promise<void> {
  const [mode, objects] = process.argv.slice(2);
  let url: string;
  if (mode === 'bare') {
    const schema = buildSchema(readFileSync(join(repoRoot(), 'schema', 'schema.graphql'), 'utf8'));
    const accounts = JSON.parse(objects ?? '[]') as unknown[];
    schema.getQueryType()!.getFields().accounts!.resolve = () => accounts;
    url = await bareServer(schema, async () => ({}));
  } else {
    const emulators = await startEmulators({ host: '127.0.0.1' });
    const config = parseConfig({ server: { host: '127.0.0.1', port: 0 }, accounts: emulators.accounts }, 'bench');
    if (mode === 'vidmesh') {
      // as deployed (src/main.ts); the bare servers keep V8's defaults
      tuneHeapGrowth();
      url = (await startGateway(config, {}, { logger: benchLogger() })).url;
    } else if (mode === 'typegraphql') {
      const registry = new AccountRegistry(config.accounts);
      url = await bareServer(await vidmeshSchema(), async () => new RequestContext(registry));
    } else {
      throw new Error(`unknown server ${mode}`);
    }
  }
  // CPU used since the last `usage` question: what one load run cost this server
  answerCpuUsage();
  process.send!({ url });
  process.once('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(`server host: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
