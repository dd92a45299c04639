import type { AccountConfig } from '../src/config';
import { startEmulatorSet, type EmulatorSet as Set, type EmulatorSetOptions as Options } from '../emulators/set';

/** The embedded emulators and the vidmesh accounts pointing at them (DESIGN §3): the sandbox's glue. */
export type EmulatorSet = Omit<Set<AccountConfig>, 'accounts'> & { readonly accounts: AccountConfig[] };
export type EmulatorSetOptions = Options<AccountConfig>;

/** The emulator set typed with the gateway's config: given accounts keep every config key. */
export async function startEmulators(options: EmulatorSetOptions = {}): Promise<EmulatorSet> {
  return startEmulatorSet<AccountConfig>(options);
}
