import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { SubscriptionContext } from './context';
import type { EventPayload } from './subscriber';

type Executed = ExecutionResult | Promise<ExecutionResult>;

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';

const isPayload = (value: unknown): value is EventPayload => typeof value === 'object' && value !== null && 'event' in value && 'loaders' in value;

/**
 * graphql-js's `subscribe` (source stream mapped through `execute`), except that the subscribers of
 * one audience — same document, operation, variables, principal and link origin, which is all an
 * execution reads besides the event (SubscriptionContext.audience) — execute each event once: the
 * first to take it runs `execute` with its context, the others get the same result object. A
 * subscriber whose queue coalesced or overflowed simply takes another payload (or its own failure),
 * so its semantics are its own. Given to graphql-ws and graphql-sse as their `subscribe` option.
 */
export async function subscribeSharingResults(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream;
  return new SharedResultStream(stream[Symbol.asyncIterator](), args);
}

class SharedResultStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly context: SubscriptionContext | null;

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly args: ExecutionArgs,
  ) {
    this.context = args.contextValue instanceof SubscriptionContext ? args.contextValue : null;
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    return this.map(await this.source.next());
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    if (typeof this.source.return === 'function') return this.map(await this.source.return());
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    if (typeof this.source.throw === 'function') return this.map(await this.source.throw(error));
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async map(item: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> {
    if (item.done === true) return { value: undefined, done: true };
    try {
      const value = await this.execute(item.value);
      // one event to many subscribers goes out over several turns of the loop (no extra tick when this one has room)
      const turn = this.context?.live.turns.take();
      if (turn !== undefined) await turn;
      return { value, done: false };
    } catch (error) {
      // as graphql-js's mapAsyncIterator: the source ends when mapping fails
      await this.source.return?.().catch(() => undefined);
      throw error;
    }
  }

  private execute(payload: unknown): Executed {
    const audience = this.context?.audience ?? null;
    const shared = isPayload(payload) ? payload.results : undefined;
    const run = (): Executed => {
      this.context?.live.noteExecution();
      return execute({ ...this.args, rootValue: payload });
    };
    if (audience === null || shared === undefined) return run();
    let result = shared.get(audience);
    if (result === undefined) {
      // a throw becomes the shared promise's rejection, as graphql-js's mapping would see it
      result = new Promise<ExecutionResult>((resolve) => resolve(run()));
      shared.set(audience, result);
    }
    return result;
  }
}
