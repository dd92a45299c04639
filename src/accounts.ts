import type { AccountConfig } from './config';
import type { HttpTimeouts, UpstreamObserver } from './datasources/http';
import { PandaDatasource } from './datasources/panda';
import { TelestreamDatasource } from './datasources/telestream';
import { ZiggeoDatasource } from './datasources/ziggeo';
import { DailymotionDatasource } from './datasources/dailymotion';
import type { ProviderDatasource } from './datasources/types';

export interface RegistryOptions {
  readonly observer?: UpstreamObserver;
}

function timeoutsOf(account: AccountConfig): HttpTimeouts | undefined {
  const ms = account.timeoutMs;
  return ms === undefined ? undefined : { connectMs: Math.min(ms, 10_000), headersMs: ms, bodyMs: ms };
}

/** Builds one datasource per configured account. */
export function createDatasource(account: AccountConfig, options: RegistryOptions = {}): ProviderDatasource {
  switch (account.provider) {
    case 'panda':
      return new PandaDatasource(account, timeoutsOf(account), options.observer);
    case 'telestream':
      return new TelestreamDatasource(account, timeoutsOf(account), options.observer);
    case 'dailymotion':
      return new DailymotionDatasource(account, timeoutsOf(account), options.observer);
    case 'ziggeo':
      return new ZiggeoDatasource(account, timeoutsOf(account), options.observer);
    default: {
      const unknown: never = account;
      throw new Error(`unknown provider in ${JSON.stringify((unknown as { provider?: string }).provider)}`);
    }
  }
}

/** Every configured account's datasource, by account id. */
export class AccountRegistry {
  readonly byId = new Map<string, ProviderDatasource>();

  constructor(accounts: readonly AccountConfig[], options: RegistryOptions = {}) {
    for (const account of accounts) this.byId.set(account.id, createDatasource(account, options));
  }

  all(): ProviderDatasource[] {
    return [...this.byId.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((ds) => ds.close()));
  }
}
