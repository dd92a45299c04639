import type { ProviderName } from '../../src/config';
import { startBenchEmulator } from './emulators';

/**
 * Child process holding one provider's emulator, so its work and its latency timers do not share
 * an event loop with what is measured. argv: provider, latency in ms. Sends `{ accounts }` once
 * listening; exits when the parent disconnects.
 */
async function main(): Promise<void> {
  const [provider, latency] = process.argv.slice(2);
  const emulator = await startBenchEmulator(provider as ProviderName, { latencyMs: Number(latency ?? 0) });
  process.send!({ accounts: emulator.accounts });
  process.once('disconnect', () => {
    void emulator.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(`emulator host: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
