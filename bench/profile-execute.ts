import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { execute, parse } from 'graphql';
import { parseConfig, type ProviderName } from '../src/config';
import { RequestContext } from '../src/context';
import { vidmeshSchema } from '../src/graph/build';
import { startGateway } from '../src/http/server';
import { benchLogger } from './support/logger';
import { startBenchEmulator } from './support/emulators';
import { BenchClient } from './support/graphql-client';
import { loadDashboardOperations, variablesFor } from './support/operations';

/**
 * `node dist/bench/profile-execute.js <provider> <operation> [seconds]`: one dashboard operation run
 * by graphql's `execute` in this process (4 in flight, emulator in process without latency) under the
 * V8 profiler, then JavaScript self time by function, emulator code left out. Execution and mapping
 * only: no HTTP, no Apollo. Writes the profile to /tmp/profile-execute.cpuprofile.
 */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}

async function main(): Promise<void> {
  const [provider = 'ziggeo', name = 'DashboardVideoList', seconds = '5'] = process.argv.slice(2);
  const emulator = await startBenchEmulator(provider as ProviderName, { latencyMs: 0 });
  const config = parseConfig({ server: { host: '127.0.0.1', port: 0 }, accounts: emulator.accounts }, 'bench');
  const gateway = await startGateway(config, {}, { logger: benchLogger() });
  const operation = loadDashboardOperations().find((o) => o.name === name);
  if (!operation) throw new Error(`no operation ${name}`);
  const first = await new BenchClient(gateway.url).post('query { videos(first: 10) { edges { node { id } } } }', {}, undefined);
  const videoIds = ((first as { data?: { videos?: { edges?: { node: { id: string } }[] } } }).data?.videos?.edges ?? []).map((e) => e.node.id);
  const variables = variablesFor(operation, { accountId: config.accounts[0]!.id, videoIds });
  const schema = await vidmeshSchema();
  const document = parse(operation.query);
  let count = 0;
  const once = async () => {
    const result = await execute({ schema, document, operationName: operation.name, variableValues: variables, contextValue: new RequestContext(gateway.registry) });
    if (result.errors?.length) throw new Error(result.errors[0]!.message);
    count++;
  };
  const loop = async (ms: number) => {
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (performance.now() < end) await once();
      }),
    );
  };
  await loop(2000);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  count = 0;
  const cpu = process.cpuUsage();
  await loop(Number(seconds) * 1000);
  const used = process.cpuUsage(cpu);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } };
  writeFileSync('/tmp/profile-execute.cpuprofile', JSON.stringify(profile));
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(node_modules\/|dist\/)/, '$1');
    const key = `${functionName || '(anon)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  console.log(`${count} operations, ${((used.user + used.system) / 1000 / count).toFixed(2)} ms CPU each (emulator included)`);
  for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${((hits / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
  await gateway.close();
  await emulator.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
