import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { ProviderDatasource } from '../../src/domain/datasource';

/** One datasource call made by the resolvers, with when it started and ended (ms). */
export interface RecordedCall {
  readonly accountId: string;
  readonly method: string;
  readonly args: readonly unknown[];
  readonly start: number;
  end: number;
}

/**
 * Dependency levels of calls: a call is one level above the highest call that had ended when it
 * started (0 when none had). Calls of one level ran side by side; a level waited for the one below.
 */
export function assignWaves(calls: readonly { start: number; end: number }[]): number[] {
  const order = calls.map((_, i) => i).sort((a, b) => calls[a]!.start - calls[b]!.start);
  const waves: number[] = new Array<number>(calls.length).fill(0);
  for (const i of order) {
    let wave = 0;
    for (const j of order) {
      if (j !== i && calls[j]!.end <= calls[i]!.start) wave = Math.max(wave, waves[j]! + 1);
    }
    waves[i] = wave;
  }
  return waves;
}

/** The calls of one operation by level: what the direct baseline replays. */
export type CallPlan = readonly (readonly { readonly source: ProviderDatasource; readonly method: string; readonly args: readonly unknown[] }[])[];

const EXCLUDED = new Set(['constructor', 'close']);

function methodNames(source: object): string[] {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(source) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (!EXCLUDED.has(name) && typeof descriptor?.value === 'function') names.add(name);
    }
  }
  return [...names];
}

/**
 * Records the datasource calls the resolvers make: every method of every datasource is wrapped
 * for the time of `record`, and only outermost asynchronous calls count (a datasource method
 * calling another is one call).
 */
export async function recordCalls<T>(sources: readonly ProviderDatasource[], run: () => Promise<T>): Promise<{ result: T; calls: RecordedCall[] }> {
  const inside = new AsyncLocalStorage<true>();
  const calls: RecordedCall[] = [];
  const patched: { source: Record<string, unknown>; name: string }[] = [];
  for (const source of sources) {
    const target = source as unknown as Record<string, unknown>;
    for (const name of methodNames(source)) {
      const original = target[name] as (...args: unknown[]) => unknown;
      target[name] = function (this: unknown, ...args: unknown[]): unknown {
        if (inside.getStore()) return original.apply(this, args);
        return inside.run(true, () => {
          const start = performance.now();
          const value = original.apply(this, args);
          if (!(value instanceof Promise)) return value;
          const call: RecordedCall = { accountId: source.accountId, method: name, args: [...args], start, end: start };
          calls.push(call);
          const done = () => {
            call.end = performance.now();
          };
          return value.then(
            (v: unknown) => {
              done();
              return v;
            },
            (e: unknown) => {
              done();
              throw e;
            },
          );
        });
      };
      patched.push({ source: target, name });
    }
  }
  try {
    const result = await run();
    return { result, calls };
  } finally {
    for (const { source, name } of patched) delete source[name];
  }
}

export function planOf(calls: readonly RecordedCall[], sources: ReadonlyMap<string, ProviderDatasource>): CallPlan {
  const waves = assignWaves(calls);
  const plan: { source: ProviderDatasource; method: string; args: readonly unknown[] }[][] = [];
  calls.forEach((call, i) => {
    const source = sources.get(call.accountId);
    if (!source) throw new Error(`recorded a call on unknown account ${call.accountId}`);
    (plan[waves[i]!] ??= []).push({ source, method: call.method, args: call.args });
  });
  return plan.filter((wave) => wave !== undefined);
}

/** Makes the plan's calls directly, level after level, each level's calls side by side; fails on any failed entry. */
export async function replay(plan: CallPlan): Promise<void> {
  for (const wave of plan) {
    const results = await Promise.all(wave.map((c) => (c.source as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[c.method]!.apply(c.source, [...c.args])));
    for (const result of results) {
      const failed = Array.isArray(result) ? result.find((r) => r instanceof Error) : result instanceof Error ? result : undefined;
      if (failed) throw failed as Error;
    }
  }
}
