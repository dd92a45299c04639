import './production-mode';
import 'reflect-metadata';
import { tuneHeapGrowth } from './heap-growth';
import { configPathOf, exitOnStartError, serveConfigFile } from './start';

// V8's heap growth fixed for upload traffic before anything serves (heap-growth.ts)
tuneHeapGrowth();

/**
 * The production entry: the gateway alone over `--config PATH` or VIDMESH_CONFIG (DESIGN §4). It
 * knows nothing of the emulators; `npm start` without a config runs the sandbox (sandbox/main.ts).
 */
async function main(): Promise<void> {
  const path = configPathOf();
  if (!path) throw new Error('no config: pass --config PATH or set VIDMESH_CONFIG (without a config, `npm start` runs the sandbox: node dist/sandbox/main.js)');
  await serveConfigFile(path);
}

main().catch(exitOnStartError);
