import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { vidmeshSchema } from '../src/graph/build';
import { vidmeshSubgraphSdl } from '../src/graph/federation/schema';

const HEADER = '# Generated from the type-graphql classes by `npm run codegen`. Do not edit.\n\n';

/** Writes `schema/<file>`; with --check, answers whether the committed file is the same (false: stale). */
function writeOrCheck(file: string, text: string, check: boolean): boolean {
  const path = join(__dirname, '..', '..', 'schema', file);
  if (!check) {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
    return true;
  }
  let committed = '';
  try {
    committed = readFileSync(path, 'utf8');
  } catch {
    // missing: reported as stale
  }
  if (committed !== text) {
    console.error(`schema/${file} is stale: run \`npm run codegen\` and commit the result.`);
    return false;
  }
  console.log(`schema/${file} is up to date`);
  return true;
}

/**
 * Writes schema/schema.graphql (standalone) and schema/subgraph.graphql (the Federation 2 subgraph's
 * `_service { sdl }`, what a router composes); with --check, fails when a committed file differs.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const standalone = `${HEADER}${printSchema(lexicographicSortSchema(await vidmeshSchema()))}\n`;
  const subgraph = `${HEADER.replace('type-graphql classes', 'type-graphql classes (server.federation: true)')}${await vidmeshSubgraphSdl()}\n`;
  const fresh = [writeOrCheck('schema.graphql', standalone, check), writeOrCheck('subgraph.graphql', subgraph, check)];
  if (!fresh.every(Boolean)) process.exit(1);
}

void main();
