import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CircuitState, UpstreamCall } from '../upstream';

/**
 * The gateway's Prometheus metrics, served at GET /metrics. One registry per process (not
 * prom-client's global one), so other code can record into it through the functions below.
 */
export const registry = new Registry();
// prom-client's names already start with process_ / nodejs_: the prefix makes them vidmesh_process_* / vidmesh_nodejs_*
collectDefaultMetrics({ register: registry, prefix: 'vidmesh_' });

/** Seconds: from a warm in-memory answer to a slow upstream near its timeout. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const httpRequests = new Counter({
  name: 'vidmesh_http_requests_total',
  help: 'HTTP requests answered, by route and status',
  labelNames: ['route', 'status'] as const,
  registers: [registry],
});
const httpDuration = new Histogram({
  name: 'vidmesh_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route',
  labelNames: ['route'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});
const graphqlErrors = new Counter({
  name: 'vidmesh_graphql_errors_total',
  help: 'GraphQL errors sent, by extensions.code (DESIGN §6)',
  labelNames: ['code'] as const,
  registers: [registry],
});
const upstreamCalls = new Counter({
  name: 'vidmesh_upstream_requests_total',
  help: 'Upstream attempts, by account, provider and outcome (circuit_open: refused without a call)',
  labelNames: ['account', 'provider', 'outcome'] as const,
  registers: [registry],
});
const upstreamDuration = new Histogram({
  name: 'vidmesh_upstream_request_duration_seconds',
  help: 'Upstream attempt latency, by account, provider and outcome',
  labelNames: ['account', 'provider', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});
const upstreamRetries = new Counter({
  name: 'vidmesh_upstream_retries_total',
  help: 'Upstream attempts that were retries of an idempotent call',
  labelNames: ['account', 'provider'] as const,
  registers: [registry],
});
const circuitState = new Gauge({
  name: 'vidmesh_circuit_state',
  help: 'Circuit breaker state per account: 0 closed, 1 half-open, 2 open',
  labelNames: ['account', 'provider'] as const,
  registers: [registry],
});
const uploadBytes = new Counter({
  name: 'vidmesh_upload_bytes_total',
  help: 'Bytes of uploads streamed to providers, by account',
  labelNames: ['account'] as const,
  registers: [registry],
});

const CIRCUIT_VALUE: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };

export function recordHttpRequest(route: string, status: number, seconds: number): void {
  httpRequests.inc({ route, status: String(status) });
  httpDuration.observe({ route }, seconds);
}

export function recordGraphqlErrors(codes: readonly string[]): void {
  for (const code of codes) graphqlErrors.inc({ code });
}

export function recordUpstreamCall(call: UpstreamCall): void {
  const labels = { account: call.target.account, provider: call.target.provider };
  const outcome = call.outcome ?? 'success';
  upstreamCalls.inc({ ...labels, outcome });
  if (outcome === 'circuit_open') return;
  upstreamDuration.observe({ ...labels, outcome }, call.ms / 1000);
  if ((call.attempt ?? 1) > 1) upstreamRetries.inc(labels);
}

export function recordCircuitState(account: string, provider: string, state: CircuitState): void {
  circuitState.set({ account, provider }, CIRCUIT_VALUE[state]);
}

/** For the upload paths: bytes actually sent to the provider for `account`. */
export function recordUploadBytes(account: string, bytes: number): void {
  if (bytes > 0) uploadBytes.inc({ account }, bytes);
}

/** The text exposition format and its content type, for GET /metrics. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
