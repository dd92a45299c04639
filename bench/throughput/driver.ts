import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadResult {
  readonly rps: number;
  readonly total: number;
  readonly p50: number;
  readonly p99: number;
  /** Wrong answers (status or body other than expected), errors and timeouts. */
  readonly failures: number;
}

export interface LoadSpec {
  readonly url: string;
  readonly body: string;
  readonly expectBody: string;
  readonly connections: number;
  readonly seconds: number;
}

/** autocannon in its own process (argv[2]: a LoadSpec as JSON), so it takes no CPU from the server's event loop. */
async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]!) as LoadSpec;
  const result = await autocannon({
    url: spec.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: spec.body,
    expectBody: spec.expectBody,
    connections: spec.connections,
    duration: spec.seconds,
  });
  const answer: LoadResult = {
    rps: result.requests.total / (result.duration || spec.seconds),
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts + result.mismatches,
  };
  process.send!(answer);
  process.once('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(`load driver: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
