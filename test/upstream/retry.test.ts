import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors as undiciErrors } from 'undici';
import { backoffMs, DEFAULT_RETRY, nextRetryDelay, retryableTransport, retryAfterMs, type RetryPolicy } from '../../src/upstream';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 500, budgetMs: 2_000, maxRetryAfterMs: 1_500 };

describe('retry policy (DESIGN §7)', () => {
  it('backs off exponentially with full jitter, capped', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((r) => backoffMs(r, policy, () => 0.999999)),
      [99, 199, 399, 499, 499],
    );
    assert.deepEqual(
      [1, 2, 3].map((r) => backoffMs(r, policy, () => 0)),
      [0, 0, 0],
    );
    assert.equal(
      backoffMs(2, policy, () => 0.5),
      100,
    );
  });

  it('reads Retry-After as seconds or as an HTTP date; ignores anything else', () => {
    assert.equal(retryAfterMs('3'), 3000);
    assert.equal(retryAfterMs(['0']), 0);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:02 GMT', now), 2000);
    assert.equal(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now), 0, 'a past date: now');
    assert.equal(retryAfterMs('soon'), null);
    assert.equal(retryAfterMs('-1'), null);
    assert.equal(retryAfterMs(undefined), null);
  });

  it('stops after maxAttempts attempts', () => {
    const delays = [1, 2, 3, 4].map((attempt) => nextRetryDelay({ attempt, elapsedMs: 0, retryAfterMs: null }, policy, () => 0.5));
    assert.deepEqual(delays, [50, 100, 200, null]);
  });

  it('stops when the wait would end past the time budget', () => {
    assert.equal(
      nextRetryDelay({ attempt: 1, elapsedMs: 1_960, retryAfterMs: null }, policy, () => 0.5),
      null,
    );
    assert.equal(
      nextRetryDelay({ attempt: 1, elapsedMs: 1_900, retryAfterMs: null }, policy, () => 0.5),
      50,
    );
    assert.equal(
      nextRetryDelay({ attempt: 1, elapsedMs: 2_500, retryAfterMs: 0 }, policy, () => 0.5),
      null,
    );
  });

  it('waits exactly Retry-After when it is within the cap, and gives up when it is not', () => {
    assert.equal(
      nextRetryDelay({ attempt: 1, elapsedMs: 0, retryAfterMs: 1_000 }, policy, () => 0.5),
      1_000,
    );
    assert.equal(
      nextRetryDelay({ attempt: 1, elapsedMs: 0, retryAfterMs: 1_600 }, policy, () => 0.5),
      null,
    );
    assert.equal(
      nextRetryDelay({ attempt: 1, elapsedMs: 900, retryAfterMs: 1_200 }, policy, () => 0.5),
      null,
      'Retry-After past the budget',
    );
  });

  it('retries connection, reset and timeout failures, not aborts or oversized answers', () => {
    assert.ok(retryableTransport(new undiciErrors.ConnectTimeoutError()));
    assert.ok(retryableTransport(new undiciErrors.HeadersTimeoutError()));
    assert.ok(retryableTransport(new undiciErrors.BodyTimeoutError()));
    assert.ok(retryableTransport(new undiciErrors.SocketError('other side closed')));
    assert.ok(retryableTransport(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })));
    assert.ok(!retryableTransport(new undiciErrors.RequestAbortedError()));
    assert.ok(!retryableTransport(new undiciErrors.ResponseExceededMaxSizeError()));
    assert.ok(!retryableTransport(Object.assign(new Error('no host'), { code: 'ENOTFOUND' })));
  });

  it('defaults: three attempts, two seconds of Retry-After at most', () => {
    assert.equal(DEFAULT_RETRY.maxAttempts, 3);
    assert.equal(DEFAULT_RETRY.maxRetryAfterMs, 2_000);
  });
});
