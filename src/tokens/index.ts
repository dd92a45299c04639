import { ephemeralKey, type TokenKey } from './keys';
import { TokenSealer, type TokenSealerOptions } from './seal';

export { uniqueId } from './ids';
export { ephemeralKey, secretProblem, SECRET_MIN_BYTES, TOKEN_KEY_ID, type TokenKey } from './keys';
export { MAX_TOKEN_LENGTH, TokenError, TokenSealer, type OpenedToken, type TokenFailure, type TokenSealerOptions } from './seal';

export interface TokenSetup extends TokenSealerOptions {
  /** `tokens.keys` of the config, if any. */
  readonly keys?: readonly TokenKey[];
  /** True when replicas share state (`state.redis`): then keys are required (the config refuses earlier). */
  readonly shared: boolean;
  readonly logger?: { warn(fields: object, message: string): void };
}

let warned = false;

/**
 * The gateway's sealer: the configured keys, or in memory mode without them a random key of this
 * process (its links and tickets die with it), with one warning per process saying so.
 */
export function createTokenSealer(setup: TokenSetup): TokenSealer {
  if (setup.keys && setup.keys.length > 0) return new TokenSealer(setup.keys, setup);
  if (setup.shared) throw new Error("tokens.keys: required when state.redis is set (every replica must open the others' tokens)");
  if (!warned) {
    warned = true;
    setup.logger?.warn({ config: 'tokens.keys' }, 'tokens.keys not set: download links and upload tickets use a key of this process only and stop working when it restarts');
  }
  return new TokenSealer([ephemeralKey()], setup);
}
