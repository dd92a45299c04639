import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CircuitBreaker, type CircuitState, type Permit } from '../../src/upstream';

function breaker(threshold = 3, openMs = 1_000) {
  let now = 0;
  const changes: CircuitState[] = [];
  const b = new CircuitBreaker(
    { failureThreshold: threshold, openMs },
    () => now,
    (s) => changes.push(s),
  );
  return { b, changes, advance: (ms: number) => (now += ms) };
}

const fail = (b: CircuitBreaker) => b.failed(b.acquire());
const succeed = (b: CircuitBreaker) => b.succeeded(b.acquire());

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures; a success in between resets the count', () => {
    const { b, changes } = breaker(3);
    fail(b);
    fail(b);
    succeed(b);
    fail(b);
    fail(b);
    assert.equal(b.state, 'closed');
    fail(b);
    assert.equal(b.state, 'open');
    assert.deepEqual(changes, ['open']);
  });

  it('refuses at once while open, telling how long until the probe', () => {
    const { b, advance } = breaker(1, 1_000);
    fail(b);
    advance(400);
    assert.deepEqual(b.acquire(), { ok: false, retryInMs: 600 });
  });

  it('lets exactly one probe through after openMs; its success closes the circuit', () => {
    const { b, changes, advance } = breaker(1, 1_000);
    fail(b);
    advance(1_000);
    assert.equal(b.state, 'half-open');
    const probe = b.acquire();
    assert.deepEqual(probe, { ok: true, probe: true });
    assert.equal(b.acquire().ok, false, 'a second caller waits for the probe');
    b.succeeded(probe);
    assert.equal(b.state, 'closed');
    assert.deepEqual(b.acquire(), { ok: true, probe: false });
    assert.deepEqual(changes, ['open', 'half-open', 'closed']);
  });

  it('a failed probe opens the circuit for another openMs', () => {
    const { b, advance } = breaker(1, 1_000);
    fail(b);
    advance(1_000);
    b.failed(b.acquire());
    assert.equal(b.state, 'open');
    advance(999);
    assert.equal(b.acquire().ok, false);
    advance(1);
    assert.equal((b.acquire() as Extract<Permit, { ok: true }>).probe, true);
  });

  it('an aborted probe lets the next caller probe at once', () => {
    const { b, advance } = breaker(1, 1_000);
    fail(b);
    advance(1_000);
    b.released(b.acquire());
    assert.equal(b.state, 'half-open');
    assert.deepEqual(b.acquire(), { ok: true, probe: true });
  });

  it('calls begun before the circuit opened do not move it', () => {
    const { b, advance } = breaker(2, 1_000);
    const early = b.acquire();
    const late = b.acquire();
    fail(b);
    fail(b);
    b.succeeded(early);
    assert.equal(b.state, 'open', 'a late success does not close an open circuit');
    b.failed(late);
    advance(1_000);
    assert.equal(b.state, 'half-open', 'a late failure does not extend it');
  });
});
