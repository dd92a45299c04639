import { Pool, type Dispatcher } from 'undici';
import { progressInterceptor } from './progress';

/** API calls in flight at once per origin; more wait for a free socket, under their deadline. */
const API_CONNECTIONS = 16;

/**
 * One origin's keep-alive pools: one for API calls, one for uploads. A slow upload holds its socket
 * for as long as its client takes to send the file; in a pool of their own, uploads can never take
 * the sockets a dashboard's API calls wait for (issue 20: 16 slow uploads stalled every query).
 */
export class OriginPools {
  readonly api: Dispatcher;
  private readonly apiPool: Pool;
  private uploadPool: Pool | null = null;
  private uploadDispatcher: Dispatcher | null = null;

  constructor(
    private readonly origin: string,
    private readonly timeouts: { readonly connectMs: number; readonly headersMs: number; readonly bodyMs: number },
  ) {
    this.apiPool = this.pool(API_CONNECTIONS);
    this.api = this.apiPool.compose(progressInterceptor);
  }

  /**
   * The upload pool, made on the first upload: one connection per upload leg in flight (no cap; each
   * stands for a client's upload in progress), so an upload never waits behind another either.
   */
  uploads(): Dispatcher {
    if (!this.uploadDispatcher) {
      this.uploadPool = this.pool(null);
      this.uploadDispatcher = this.uploadPool.compose(progressInterceptor);
    }
    return this.uploadDispatcher;
  }

  async close(): Promise<void> {
    await Promise.all([this.apiPool.close(), this.uploadPool?.close()]);
  }

  private pool(connections: number | null): Pool {
    return new Pool(this.origin, {
      connections,
      keepAliveTimeout: 10_000,
      connect: { timeout: this.timeouts.connectMs },
      headersTimeout: this.timeouts.headersMs,
      bodyTimeout: this.timeouts.bodyMs,
    });
  }
}
