import 'reflect-metadata';
import type { ProviderName } from '../src/config';
import { parseConfig } from '../src/config';
import { startGateway } from '../src/http/server';
import type { BenchRow, Suite } from './types';
import { PROVIDERS, startBenchEmulator } from './support/emulators';
import { BenchClient } from './support/graphql-client';
import { MINIMUMS } from './support/minimums';
import { loadDashboardOperations, variablesFor, type DashboardOperation } from './support/operations';
import { samplesOf } from './overhead';
import { ratioOf } from './support/stats';

/** Upstream calls of one answer to each canonical operation, read from the emulator's request log. */
async function efficiencyOf(provider: ProviderName, operations: readonly DashboardOperation[]): Promise<BenchRow[]> {
  const emulator = await startBenchEmulator(provider, { latencyMs: 0 });
  const config = parseConfig({ server: { host: '127.0.0.1', port: 0 }, accounts: emulator.accounts }, 'bench');
  const gateway = await startGateway(config);
  const client = new BenchClient(gateway.url);
  try {
    const samples = await samplesOf(client, config.accounts[0]!.id);
    const rows: BenchRow[] = [];
    for (const operation of operations) {
      const variables = variablesFor(operation, samples);
      emulator.log.clear();
      const answer = await client.post(operation.query, variables, operation.name);
      const calls = emulator.log.entries.length;
      const rule = MINIMUMS[operation.name];
      if (!rule) console.warn(`efficiency: no documented minimum for ${operation.name}: add one to bench/support/minimums.ts`);
      const minimum = rule ? rule({ provider, variables, data: answer.data }) : Number.NaN;
      rows.push({
        suite: 'efficiency',
        case: `${provider} ${operation.name}`,
        metric: 'upstream calls / minimum',
        vidmesh: calls,
        baseline: minimum,
        ratio: ratioOf(calls, minimum),
        goal: rule ? '= 1.0' : 'no minimum documented',
        unit: 'calls',
      });
    }
    return rows;
  } finally {
    await client.close();
    await gateway.close();
    await emulator.close();
  }
}

export const run: Suite = async () => {
  const operations = loadDashboardOperations();
  const rows: BenchRow[] = [];
  for (const provider of PROVIDERS) rows.push(...(await efficiencyOf(provider, operations)));
  return rows;
};
