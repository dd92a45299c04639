import '../src/production-mode';
import './support/deployed';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchRow, Suite } from './types';
import { describeMachine } from './support/machine';
import { repoRoot } from './support/operations';
import { formatMarkdown, formatTable, meetsGoal } from './support/table';
import { run as overhead } from './overhead';
import { run as floor } from './floor';
import { run as throughput } from './throughput';
import { run as efficiency } from './efficiency';
import { run as replicas } from './replicas';

/** The suites in order; `upload` joins when bench/upload.ts exists (it arrives with the uploads work). */
function suites(): [string, () => Promise<Suite>][] {
  const list: [string, () => Promise<Suite>][] = [
    ['overhead', async () => overhead],
    // the least a process in between costs on this machine: the floor under the overhead suite's CPU rows
    ['floor', async () => floor],
    ['throughput', async () => throughput],
    ['efficiency', async () => efficiency],
    ['subscriptions', async () => (await import('./subscriptions')).run],
    // shared state's cost: Redis against memory for the operations that touch it (issue 15)
    ['replicas', async () => replicas],
  ];
  const upload = join(__dirname, 'upload.js');
  if (existsSync(upload)) list.push(['upload', async () => ((await import(upload)) as { run: Suite }).run]);
  return list;
}

/**
 * `npm run bench [-- --quick] [-- --only overhead,throughput] [-- --markdown]`: runs the suites,
 * prints the table and writes it with the machine's description to bench/results/<date>.json.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, markdown: { type: 'boolean', default: false } } });
  const quick = values.quick ?? false;
  const only = values.only?.split(',').map((s) => s.trim());
  const known = suites().map(([name]) => name);
  const unknown = only?.filter((name) => !known.includes(name)) ?? [];
  if (unknown.length) throw new Error(`--only: no suite ${unknown.join(', ')} (suites: ${known.join(', ')})`);
  const started = new Date();
  const machine = describeMachine();
  console.log(
    `vidmesh bench ${quick ? '(quick) ' : ''}on ${machine.cpus.count} × ${machine.cpus.model}, node ${machine.node}, commit ${machine.commit.slice(0, 12)}, load average ${machine.loadAverage.join(' ')}`,
  );

  const rows: BenchRow[] = [];
  const failures: { suite: string; error: string }[] = [];
  for (const [name, load] of suites()) {
    if (only && !only.includes(name)) continue;
    const t0 = Date.now();
    process.stdout.write(`${name}… `);
    try {
      const suiteRows = await (await load())({ quick });
      rows.push(...suiteRows);
      console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = (error as Error).stack ?? String(error);
      failures.push({ suite: name, error: message });
      console.log(`failed: ${message}`);
    }
  }

  console.log(`\n${formatTable(rows)}\n`);
  if (values.markdown) console.log(`${formatMarkdown(rows)}\n`);
  const dir = join(repoRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  const seconds = (Date.now() - started.getTime()) / 1000;
  const loadAverageAfter = os.loadavg().map((n) => Math.round(n * 100) / 100);
  writeFileSync(file, `${JSON.stringify({ date: started.toISOString(), quick, seconds, machine, loadAverageAfter, rows, failures }, null, 2)}\n`);
  console.log(`${rows.length} rows in ${seconds.toFixed(0)} s, load average after ${loadAverageAfter.join(' ')} → ${file}`);
  const missed = rows.filter((r) => meetsGoal(r) === false).length;
  if (missed) console.log(`${missed} row(s) miss their goal`);
  if (failures.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
