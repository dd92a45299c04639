import type { VidmeshConfig } from '../config/schema';
import { providerNamed } from '../providers';

/**
 * Every configured value that must never reach a response or a log line: each account's secrets as
 * its provider names them (signing keys, API keys, notification secrets), the gateway's own API keys
 * and token keys (DESIGN §4). Access keys, cloud ids and Ziggeo application tokens identify an
 * account and are not secret.
 */
export function secretsOf(config: VidmeshConfig): string[] {
  const found: string[] = [];
  for (const account of config.accounts) {
    // each descriptor is typed for its own accounts: the registry's lookup by name keeps them paired
    const provider = providerNamed(account.provider) as { secretsOf(a: typeof account): readonly (string | undefined)[] };
    for (const secret of provider.secretsOf(account)) if (secret) found.push(secret);
  }
  for (const key of config.apiKeys ?? []) found.push(key.key);
  for (const key of config.tokens?.keys ?? []) found.push(key.secret);
  return [...new Set(found)];
}
