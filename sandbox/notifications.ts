import type { AccountConfig } from '../src/config';

/** Sandbox encodings run in seconds, so a subscriber sees a video go 0 → 100 % while watching. */
export const SANDBOX_TIMING = { queueMs: 1_000, downloadMs: 1_000, encodingMs: 6_000, processingMs: 4_000 };
/** Callbacks every 10 %, retried within seconds (the real services back off for 24 h). */
export const SANDBOX_NOTIFICATIONS = { tickMs: 200, progressStep: 10, retryBaseMs: 1_000, retryMaxMs: 30_000 };

const MUTATION = 'mutation($a: ID!) { configureNotifications(account: $a) { delivery confirmed } }';

/**
 * Points every Panda, Telestream and Ziggeo account at the gateway's notification receiver through
 * the public `configureNotifications` mutation (the same call a user makes); one line per account.
 */
export async function pointProvidersAtGateway(graphqlUrl: string, accounts: readonly AccountConfig[]): Promise<string[]> {
  const notifying = accounts.filter((a) => a.provider !== 'dailymotion');
  return Promise.all(
    notifying.map(async (account) => {
      try {
        const res = await fetch(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: MUTATION, variables: { a: account.id } }),
        });
        const body = (await res.json()) as { data?: { configureNotifications?: { delivery: string; confirmed: boolean } }; errors?: { message: string }[] };
        const setup = body.data?.configureNotifications;
        if (!setup) return `${account.id}: not configured (${body.errors?.[0]?.message ?? `HTTP ${res.status}`})`;
        return `${account.id}: ${setup.delivery.toLowerCase().replace('_', ' ')}${setup.confirmed ? '' : ' (not confirmed yet)'}`;
      } catch (error) {
        return `${account.id}: not configured (${(error as Error).message})`;
      }
    }),
  );
}
