import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { AccountConfig, ProviderName } from '../../src/config';

/** A forked helper process and its first message. */
export interface Child<T> {
  readonly process: ChildProcess;
  readonly ready: T;
  stop(): Promise<void>;
}

export interface ForkOptions {
  readonly timeoutMs?: number;
  /** Node flags of the child instead of this process's (a `--cpu-prof` for the one child that asks for it). */
  readonly execArgv?: string[];
  /** How long `stop()` lets the child exit on its own before SIGKILL. */
  readonly killAfterMs?: number;
}

/** Forks `script` (a compiled file beside this one's parent, `dist/bench/...`) and waits for its first IPC message. */
export function forkChild<T>(script: string, args: string[], options: ForkOptions = {}): Promise<Child<T>> {
  const { timeoutMs = 30_000, execArgv, killAfterMs = 5_000 } = options;
  const child = fork(join(__dirname, '..', script), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...(execArgv && { execArgv }) });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      if (child.connected) child.disconnect();
      else child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve({ process: child, ready: message as T, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready`));
    });
  });
}

let nextId = 1;

/** Sends `{ id, ...message }` to a child and resolves with its answer carrying the same id. */
export function askChild<A extends { id: number }>(child: ChildProcess, message: Record<string, unknown>, timeoutMs = 10_000): Promise<A> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', listen);
      reject(new Error(`no answer to ${JSON.stringify(message)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listen = (answer: unknown) => {
      if ((answer as { id?: unknown }).id !== id) return;
      clearTimeout(timer);
      child.off('message', listen);
      resolve(answer as A);
    };
    child.on('message', listen);
    child.send({ ...message, id });
  });
}

/** Node flags for the gateway child from BENCH_GATEWAY_FLAGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`), else this process's. */
export function gatewayFlags(): string[] | undefined {
  const flags = process.env.BENCH_GATEWAY_FLAGS?.trim();
  return flags ? flags.split(/\s+/) : undefined;
}

/** One provider's emulator in its own process (see emulator-host.ts). */
export function forkEmulator(provider: ProviderName, latencyMs: number): Promise<Child<{ accounts: AccountConfig[] }>> {
  return forkChild('support/emulator-host.js', [provider, String(latencyMs)]);
}
