import { parseArgs } from 'node:util';
import { AccountsFileError, readAccountsFile } from './accounts-file';
import { startEmulatorSet } from './set';

/** `npm run emulators [-- --accounts FILE] [--clock ISO8601] [--port N] [--host H]` (DESIGN §3). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { accounts: { type: 'string' }, clock: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port: a port number');
  if (values.clock !== undefined && Number.isNaN(new Date(values.clock).getTime())) throw new Error('--clock: an ISO 8601 date-time');
  const accounts = values.accounts === undefined ? undefined : readAccountsFile(values.accounts);
  const set = await startEmulatorSet({ accounts, clock: values.clock, port, host: values.host ?? '127.0.0.1' });
  for (const line of set.lines) process.stdout.write(`${JSON.stringify(line)}\n`);
  const stop = () => void set.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof AccountsFileError ? error.message : `emulators: ${(error as Error).message}`}\n`);
  process.exit(1);
});
