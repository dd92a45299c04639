import type { VidmeshConfig } from '../config/schema';

/**
 * Every configured value that must never reach a response or a log line: the accounts' signing keys,
 * API keys and passwords, and the gateway's own API keys (DESIGN §4). Access keys, cloud ids and
 * Ziggeo application tokens identify an account and are not secret.
 */
export function secretsOf(config: VidmeshConfig): string[] {
  const found: string[] = [];
  for (const account of config.accounts) {
    switch (account.provider) {
      case 'panda':
      case 'telestream':
        found.push(account.secretKey);
        break;
      case 'dailymotion':
        found.push(account.apiKey);
        break;
      case 'ziggeo':
        found.push(account.privateKey, ...(account.encryptionKey ? [account.encryptionKey] : []));
        break;
    }
    // the receiver URL's secret path segment (events/receiver-secrets.ts) when configured per account
    if ('notificationSecret' in account && typeof account.notificationSecret === 'string') found.push(account.notificationSecret);
  }
  for (const key of config.apiKeys ?? []) found.push(key.key);
  for (const key of config.tokens?.keys ?? []) found.push(key.secret);
  return [...new Set(found)];
}
