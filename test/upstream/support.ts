import type { UpstreamCall, UpstreamPolicy } from '../../src/upstream';

/** A retrying policy with short timeouts whose waits are recorded instead of slept, and attempts observed. */
export function recordingPolicy(overrides: Partial<UpstreamPolicy> = {}) {
  const waits: number[] = [];
  const calls: UpstreamCall[] = [];
  const policy: UpstreamPolicy = {
    connectMs: 500,
    headersMs: 300,
    bodyMs: 300,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: 5_000, maxRetryAfterMs: 1_500 },
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  };
  return {
    policy,
    waits,
    calls,
    observer: (call: UpstreamCall) => calls.push(call),
    /** Attempts whose path (or RPC operation) contains `text`. */
    attempts: (text: string) => calls.filter((c) => (c.operation ?? c.path).includes(text)),
    reset() {
      waits.length = 0;
      calls.length = 0;
    },
  };
}
