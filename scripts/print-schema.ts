import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { vidmeshSchema } from '../src/graph/build';

/** Writes schema/schema.graphql from the code; with --check, fails when the committed file differs. */
async function main(): Promise<void> {
  const path = join(__dirname, '..', '..', 'schema', 'schema.graphql');
  const sdl = `# Generated from the type-graphql classes by \`npm run codegen\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(await vidmeshSchema()))}\n`;
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(path, 'utf8');
    } catch {
      // missing: reported below as stale
    }
    if (committed !== sdl) {
      console.error('schema/schema.graphql is stale: run `npm run codegen` and commit the result.');
      process.exit(1);
    }
    console.log('schema/schema.graphql is up to date');
    return;
  }
  writeFileSync(path, sdl);
  console.log(`wrote ${path}`);
}

void main();
