import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { VidmeshError } from '../../src/errors';
import { ThrottledWriter, type StateStore } from '../../src/state';

/** What the contract needs from one implementation. */
export interface ContractHarness {
  /** A new store; stores opened with the same prefix share data (replicas), others do not. */
  open(prefix: string): Promise<StateStore>;
  /** Lets `ms` pass for TTLs: the memory store's clock moves, Redis is waited for. */
  elapse(ms: number): Promise<void>;
  /** Redis: the server goes away / hangs, and comes back. */
  readonly outage?: {
    readonly commandTimeoutMs: number;
    stop(): Promise<void>;
    restart(): Promise<void>;
    pause(): void;
    resume(): void;
    /** Where the server is: a STATE_UNAVAILABLE message must not say it. */
    readonly hostPort: string;
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `check` to hold, polling; fails after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 3000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (
    !(await Promise.resolve()
      .then(check)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) assert.fail(`${what} not met within ${ms} ms`);
    await sleep(10);
  }
}

export function isStateUnavailable(error: unknown): boolean {
  return error instanceof VidmeshError && error.code === 'STATE_UNAVAILABLE';
}

/** The StateStore contract (src/state/store.ts), the same for every implementation. */
export function stateStoreContract(harness: ContractHarness): void {
  let opened: StateStore[] = [];
  let counter = 0;
  /** A store for this test alone (a fresh prefix), plus `peer`: a second store over the same data. */
  const fresh = async () => {
    const prefix = `t${process.pid}-${++counter}:`;
    const store = await harness.open(prefix);
    opened.push(store);
    return { store, prefix };
  };
  const peerOf = async (prefix: string) => {
    const store = await harness.open(prefix);
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(opened.map((store) => store.close()));
    opened = [];
  });

  describe('values', () => {
    it('reads what was written, undefined when absent; delete says whether something was there', async () => {
      const { store } = await fresh();
      assert.equal(await store.get('a'), undefined);
      await store.set('a', 'one', 60_000);
      assert.equal(await store.get('a'), 'one');
      await store.set('a', 'two', 60_000);
      assert.equal(await store.get('a'), 'two');
      assert.equal(await store.delete('a'), true);
      assert.equal(await store.delete('a'), false);
      assert.equal(await store.get('a'), undefined);
    });

    it('keeps unicode and empty strings intact', async () => {
      const { store } = await fresh();
      await store.set('u', 'é✓ {"x":1}\n', 60_000);
      await store.set('e', '', 60_000);
      assert.equal(await store.get('u'), 'é✓ {"x":1}\n');
      assert.equal(await store.get('e'), '');
    });

    it('refuses a TTL that is not a positive integer (nothing may live for ever)', async () => {
      const { store } = await fresh();
      for (const ttl of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        await assert.rejects(store.set('k', 'v', ttl), RangeError);
        await assert.rejects(store.setIfAbsent('k', 'v', ttl), RangeError);
        await assert.rejects(store.incr('k', ttl), RangeError);
      }
    });
  });

  describe('TTL', () => {
    it('forgets a value once its TTL has passed, and not before', async () => {
      const { store } = await fresh();
      await store.set('short', 's', 50);
      await store.set('long', 'l', 60_000);
      await store.set('renewed', 'first', 50);
      await store.set('renewed', 'second', 60_000);
      await harness.elapse(150);
      assert.equal(await store.get('short'), undefined);
      assert.equal(await store.get('long'), 'l');
      assert.equal(await store.get('renewed'), 'second', 'a write gives the key its new TTL');
    });

    it('counts up; a counter expires TTL after its creation, not after each increment', async () => {
      const { store } = await fresh();
      assert.equal(await store.incr('n', 100), 1);
      assert.equal(await store.incr('n', 100), 2);
      assert.equal(await store.incr('n', 100), 3);
      await harness.elapse(250);
      assert.equal(await store.incr('n', 100), 1);
    });

    it('adds any amount, negative too; the TTL still runs from the creation', async () => {
      const { store } = await fresh();
      assert.equal(await store.incr('points', 100, 40_000), 40_000);
      assert.equal(await store.incr('points', 100, 2_500), 42_500);
      assert.equal(await store.incr('points', 100, -2_500), 40_000);
      await harness.elapse(250);
      assert.equal(await store.incr('points', 100, 7), 7);
    });
  });

  describe('setIfAbsent (single use)', () => {
    it('writes only when absent; absent again after delete or expiry', async () => {
      const { store } = await fresh();
      assert.equal(await store.setIfAbsent('m', 'first', 100), true);
      assert.equal(await store.setIfAbsent('m', 'second', 100), false);
      assert.equal(await store.get('m'), 'first');
      await harness.elapse(250);
      assert.equal(await store.setIfAbsent('m', 'third', 60_000), true);
      await store.delete('m');
      assert.equal(await store.setIfAbsent('m', 'fourth', 60_000), true);
      assert.equal(await store.get('m'), 'fourth');
    });

    it('lets exactly one of many concurrent claims win, across stores sharing the data', async () => {
      const { store, prefix } = await fresh();
      const peer = await peerOf(prefix);
      const claims = Array.from({ length: 20 }, (_, i) => (i % 2 ? peer : store).setIfAbsent('ticket', String(i), 60_000));
      const won = (await Promise.all(claims)).filter(Boolean);
      assert.equal(won.length, 1);
    });
  });

  describe('throttled writes', () => {
    it('writes the first value at once, at most one per interval after, and always the last', async () => {
      const { store } = await fresh();
      let writes = 0;
      const counted = new Proxy(store, {
        get(target, name) {
          const value = Reflect.get(target, name, target) as unknown;
          if (name === 'set') return (...args: Parameters<StateStore['set']>) => (writes++, target.set(...args));
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      const errors: unknown[] = [];
      const writer = new ThrottledWriter(counted, 'progress', { ttlMs: 60_000, intervalMs: 200, onError: (e) => errors.push(e) });
      for (let i = 1; i <= 50; i++) writer.write(String(i));
      await until(async () => (await store.get('progress')) !== undefined, 3000, 'first write');
      await until(async () => (await store.get('progress')) === '50', 3000, 'last write');
      assert.ok(writes <= 3, `${writes} writes for 50 values`);
      writer.write('51');
      writer.write('52');
      await writer.flush();
      assert.equal(await store.get('progress'), '52', 'flush writes the pending value before it resolves');
      const before = writes;
      await sleep(300);
      assert.equal(writes, before, 'nothing left to write after flush');
      assert.deepEqual(errors, []);
    });
  });

  describe('publish / subscribe', () => {
    it('delivers in order to every subscriber, including other stores over the same data, until they unsubscribe', async () => {
      const { store, prefix } = await fresh();
      const peer = await peerOf(prefix);
      const here: string[] = [];
      const there: string[] = [];
      const elsewhere: string[] = [];
      const stopHere = await store.subscribe('events', (m) => here.push(m));
      await peer.subscribe('events', (m) => there.push(m));
      await store.subscribe('other', (m) => elsewhere.push(m));
      await store.publish('events', 'm1');
      await store.publish('events', 'm2');
      await until(() => here.length === 2 && there.length === 2, 3000, 'delivery');
      assert.deepEqual(here, ['m1', 'm2']);
      assert.deepEqual(there, ['m1', 'm2']);
      await stopHere();
      await stopHere();
      await peer.publish('events', 'm3');
      await until(() => there.length === 3, 3000, 'delivery after unsubscribe');
      await sleep(50);
      assert.deepEqual(here, ['m1', 'm2']);
      assert.deepEqual(elsewhere, []);
    });

    it('keeps delivering to the others when one listener throws', async () => {
      const { store } = await fresh();
      const got: string[] = [];
      await store.subscribe('c', () => {
        throw new Error('listener bug');
      });
      await store.subscribe('c', (m) => got.push(m));
      await store.publish('c', 'x');
      await until(() => got.length === 1);
    });
  });

  describe('key prefixes', () => {
    it('isolates stores with different prefixes: keys and channels', async () => {
      const a = await fresh();
      const b = await fresh();
      const heardByA: string[] = [];
      await a.store.subscribe('news', (m) => heardByA.push(m));
      await a.store.set('k', 'from a', 60_000);
      assert.equal(await b.store.get('k'), undefined);
      assert.equal(await b.store.setIfAbsent('k', 'from b', 60_000), true);
      assert.equal(await a.store.get('k'), 'from a');
      await b.store.publish('news', 'for b');
      await a.store.publish('news', 'for a');
      await until(() => heardByA.length === 1);
      await sleep(50);
      assert.deepEqual(heardByA, ['for a']);
    });
  });

  describe('availability', () => {
    it('reports health, and answers STATE_UNAVAILABLE once closed', async () => {
      const { store } = await fresh();
      const health = await store.health();
      assert.equal(health.ok, true);
      assert.equal(health.kind, store.kind);
      await store.close();
      await assert.rejects(store.get('k'), isStateUnavailable);
      await assert.rejects(store.set('k', 'v', 1000), isStateUnavailable);
      assert.equal((await store.health()).ok, false);
      await store.close();
    });

    const outage = harness.outage;
    if (!outage) return;
    const slack = 1500; // a loaded machine (CI, shared cores) runs timers late

    const failsFast = async (work: Promise<unknown>, what: string): Promise<VidmeshError> => {
      const started = Date.now();
      const error = await work.then(
        () => assert.fail(`${what} succeeded during the outage`),
        (e: unknown) => e,
      );
      const elapsed = Date.now() - started;
      assert.ok(isStateUnavailable(error), `${what}: ${String(error)}`);
      assert.ok(elapsed <= outage.commandTimeoutMs + slack, `${what} took ${elapsed} ms`);
      const message = (error as VidmeshError).message;
      assert.ok(!message.includes(outage.hostPort) && !message.includes('127.0.0.1'), `names the host: ${message}`);
      return error as VidmeshError;
    };

    it('answers STATE_UNAVAILABLE within the command timeout while the server is down, and works again once it is back', async () => {
      const { store } = await fresh();
      await store.set('k', 'v', 60_000);
      await outage.stop();
      try {
        await failsFast(store.get('k'), 'get');
        await failsFast(store.set('k', 'v2', 60_000), 'set');
        await failsFast(store.setIfAbsent('m', '1', 60_000), 'setIfAbsent');
        await failsFast(store.publish('c', 'x'), 'publish');
        await failsFast(
          store.subscribe('c', () => undefined),
          'subscribe',
        );
        assert.equal((await store.health()).ok, false);
      } finally {
        await outage.restart();
      }
      await until(async () => (await store.health()).ok, 10_000, 'reconnection');
      await store.set('k', 'after', 60_000);
      assert.equal(await store.get('k'), 'after');
    });

    it('answers STATE_UNAVAILABLE within the command timeout when the server hangs, and works again once it answers', async () => {
      const { store } = await fresh();
      await store.set('k', 'v', 60_000);
      outage.pause();
      try {
        await failsFast(store.get('k'), 'get');
        await failsFast(store.incr('n', 60_000), 'incr');
        assert.equal((await store.health()).ok, false);
      } finally {
        outage.resume();
      }
      await until(async () => (await store.get('k')) === 'v', 10_000, 'answers again');
    });

    it('subscriptions survive a restart of the server', async () => {
      const { store, prefix } = await fresh();
      const publisher = await peerOf(prefix);
      const got: string[] = [];
      await store.subscribe('live', (m) => got.push(m));
      await outage.restart();
      // publishes may fail until both connections are back; the subscription must come back by itself
      await until(
        async () => {
          await publisher.publish('live', 'after restart').catch(() => undefined);
          await sleep(50);
          return got.includes('after restart');
        },
        10_000,
        'delivery after restart',
      );
    });
  });
}
