import { VidmeshError } from '../../errors';
import type { ProviderDatasource } from '../../domain/datasource';
import type { RequestScope } from '../../observability/request-scope';

/**
 * A read's overall deadline (`server.readDeadlineMs`), from the start of its request: in a field over
 * several accounts, an account that has not answered by then is left out with PROVIDER_UNAVAILABLE
 * (a partial result) and its calls are cut, so the healthy accounts' data goes out on time instead
 * of waiting for the slowest provider.
 */
const DEADLINE = Symbol('vidmesh.readDeadline');

interface ReadDeadline {
  /** performance.now() by which the read answers. */
  readonly at: number;
  readonly ms: number;
}

type Deadlined = { [DEADLINE]?: ReadDeadline };

/** Starts the request's read deadline (enumerable under a symbol, so Apollo's copies of the context keep it). */
export function startReadDeadline(context: object, ms: number): void {
  Object.defineProperty(context, DEADLINE, { value: { at: performance.now() + ms, ms } satisfies ReadDeadline, enumerable: true });
}

/** The error of an account that answered too late. */
export function tooLate(account: { readonly accountId: string; readonly provider: string }, ms: number): VidmeshError {
  return new VidmeshError(
    'PROVIDER_UNAVAILABLE',
    `${account.provider} account "${account.accountId}" did not answer within the read deadline of ${ms} ms (server.readDeadlineMs)`,
    {
      account: account.accountId,
      provider: account.provider,
      extra: { deadlineMs: ms },
    },
  );
}

/** Why an account's calls were cut at the deadline (its own reason, so the breaker does not blame the provider). */
class ReadDeadlinePassed extends Error {
  override readonly name = 'ReadDeadlinePassed';
}

/** The request's scope with another abort signal: counters and notes still go to the request's own scope. */
function scopeWith(parent: RequestScope | undefined, signal: AbortSignal): RequestScope {
  const base: RequestScope = parent ?? { requestId: 'read', operation: null, errorCodes: [], upstreamCalls: 0 };
  return {
    get requestId() {
      return base.requestId;
    },
    get operation() {
      return base.operation;
    },
    set operation(value) {
      base.operation = value;
    },
    get errorCodes() {
      return base.errorCodes;
    },
    get upstreamCalls() {
      return base.upstreamCalls;
    },
    set upstreamCalls(value) {
      base.upstreamCalls = value;
    },
    signal: parent?.signal ? AbortSignal.any([parent.signal, signal]) : signal,
  };
}

/**
 * One account's part of a multi-account read, bounded by the request's read deadline: `work` is given
 * a view of `source` whose calls are also cut when the deadline passes, and the answer rejects with
 * `tooLate` then. Without a deadline (outside HTTP requests), just `work(source)`. The request's scope
 * is the context's `scope` (RequestContext); counters and notes still go to it.
 */
export function withinReadDeadline<S extends ProviderDatasource, T>(context: { readonly scope?: RequestScope }, source: S, work: (source: S) => Promise<T>): Promise<T> {
  const deadline = (context as Deadlined)[DEADLINE];
  if (deadline === undefined) return work(source);
  const left = deadline.at - performance.now();
  if (left <= 0) return Promise.reject(tooLate(source, deadline.ms));
  const cut = new AbortController();
  let running: Promise<T>;
  try {
    const scope = scopeWith(context.scope, cut.signal);
    running = work(source.forRequest ? source.forRequest(scope) : source);
  } catch (error) {
    return Promise.reject(error as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cut.abort(new ReadDeadlinePassed(`read deadline of ${deadline.ms} ms passed`));
      reject(tooLate(source, deadline.ms));
    }, left);
    running.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error as Error);
      },
    );
  });
}
