import 'reflect-metadata';
import { tuneHeapGrowth } from '../../src/heap-growth';
import { parseConfig } from '../../src/config';
import { startGateway } from '../../src/http/server';
import { benchLogger } from '../support/logger';
import type { GatewayMemory, GatewayRequest } from './protocol';

// the gateway as deployed (src/main.ts): V8 heap growth fixed for upload traffic (src/heap-growth.ts)
tuneHeapGrowth();

/**
 * The gateway under test, alone in its process so that its RSS is its own: `startGateway` over the
 * config in argv[2] (JSON), logging as `npm start` does (to /dev/null). Sends `{ url }` once
 * listening; answers `memory` after two full collections (started with --expose-gc: figures of
 * what is retained, not of garbage not yet collected); drains and exits when the parent disconnects.
 */
async function main(): Promise<void> {
  const config = parseConfig(JSON.parse(process.argv[2] ?? '{}'), 'bench');
  const gateway = await startGateway(config, {}, { logger: benchLogger() });
  const collect = (globalThis as { gc?: () => void }).gc;
  const memory = async (message: GatewayRequest) => {
    if (message.op !== 'memory') return;
    collect?.();
    // what the first collection freed is finalized and released before the second
    await new Promise((resolve) => setTimeout(resolve, 50));
    collect?.();
    const m = process.memoryUsage();
    const answer: GatewayMemory = { id: message.id, rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
    process.send!(answer);
  };
  process.on('message', (message: GatewayRequest) => void memory(message));
  process.send!({ url: gateway.url });
  process.once('disconnect', () => {
    // exiting through process.exit lets --cpu-prof write its profile
    void gateway.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(`subscription gateway: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
