import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { VidmeshConfig } from '../config';

/**
 * The secret path segment of an account's notification URL. Providers sign nothing (Panda and
 * Telestream post unsigned form data), so the URL itself is the credential: an account's configured
 * `notificationSecret`; else derived from `tokens.keys` (the first one for new URLs, every one
 * accepted, so keys rotate as tokens do, and every replica agrees); else from a random key of this
 * process (memory mode: one process). Never logged, never printed.
 */

let processKey: Buffer | undefined;

function derive(key: string | Buffer, accountId: string): string {
  return createHmac('sha256', key).update(`vidmesh notifications\0${accountId}`).digest('base64url').slice(0, 32);
}

/** Compares in constant time whatever the lengths (both sides hashed first). */
function same(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

export class NotificationSecrets {
  private readonly configured = new Map<string, string>();
  private readonly keys: (string | Buffer)[];

  constructor(config: Pick<VidmeshConfig, 'accounts' | 'tokens'>) {
    for (const account of config.accounts) {
      if ('notificationSecret' in account && account.notificationSecret) this.configured.set(account.id, account.notificationSecret);
    }
    this.keys = config.tokens ? config.tokens.keys.map((k) => k.secret) : [(processKey ??= randomBytes(32))];
  }

  /** The secret a provider is told to post with. */
  secretFor(accountId: string): string {
    return this.configured.get(accountId) ?? derive(this.keys[0]!, accountId);
  }

  /** Whether `given` is this account's secret (every candidate compared, in constant time). */
  verify(accountId: string, given: string): boolean {
    const configured = this.configured.get(accountId);
    if (configured !== undefined) return same(configured, given);
    let ok = false;
    for (const key of this.keys) ok = same(derive(key, accountId), given) || ok;
    return ok;
  }
}
