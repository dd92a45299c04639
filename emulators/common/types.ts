import type { EmulatorClock } from './clock';

/** One request an emulator answered: what tests count to prove the gateway's upstream economy. */
export interface LoggedRequest {
  readonly method: string;
  /** Path without the query string, as received. */
  readonly path: string;
  /** Provider account the request was authenticated as (cloud id, factory id, user id, app token). */
  readonly account: string | null;
  readonly status: number;
  readonly at: Date;
}

export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  clear(): void {
    this.entries.length = 0;
  }

  count(filter: (entry: LoggedRequest) => boolean = () => true): number {
    return this.entries.filter(filter).length;
  }
}

/** A fault the next matching requests get, for tests of the gateway's error handling. */
/** Whether `fault` applies to a request (its path and method). */
export function faultApplies(fault: InjectedFault, path: string, method: string | undefined): boolean {
  return (fault.pathIncludes === undefined || path.includes(fault.pathIncludes)) && (fault.method === undefined || fault.method === method);
}

export interface InjectedFault {
  /** Only requests whose path contains this text; all when absent. */
  readonly pathIncludes?: string;
  /** Only requests of this method (e.g. `DELETE`); all when absent. */
  readonly method?: string;
  /** How many requests to affect; every one while set when absent. */
  readonly times?: number;
  /**
   * `slow-body`: a 200 whose body stops after its first bytes for `delayMs`, then ends. `cut`: the
   * request's body is read up to `afterBytes`, then the connection breaks (uploads). `status` with
   * `delayMs`: answered after that long, the request not handled (a provider too slow to act).
   */
  readonly kind: 'status' | 'delay' | 'reset' | 'malformed' | 'slow-body' | 'cut';
  readonly afterBytes?: number;
  readonly status?: number;
  readonly delayMs?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** What every running emulator exposes to the sandbox, the CLI and tests. */
export interface RunningEmulator<Account> {
  readonly provider: 'panda' | 'telestream' | 'dailymotion' | 'ziggeo';
  readonly baseUrl: string;
  readonly accounts: readonly Account[];
  readonly log: RequestLog;
  readonly clock: EmulatorClock;
  injectFault(fault: InjectedFault): void;
  clearFaults(): void;
  close(): Promise<void>;
}
