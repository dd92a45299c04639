import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Child } from '../support/children';

/** The subscription bench's children: forked with their own Node flags, asked questions over IPC, measured through /proc. */

/**
 * Forks `script` (compiled, under dist/bench/) with `execArgv` instead of this process's flags (a
 * `--cpu-prof` given to the bench profiles only the child that asks for it), and waits for its
 * first IPC message.
 */
export function forkWithFlags<T>(script: string, args: string[], execArgv: string[], timeoutMs = 30_000): Promise<Child<T>> {
  const child = fork(join(__dirname, '..', script), args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
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

/** Sends `{ id, ...message }` and resolves with the child's answer carrying the same id. */
export function ask<A extends { id: number }>(child: ChildProcess, message: Record<string, unknown>, timeoutMs = 10_000): Promise<A> {
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

/** Resident set size of a process now, in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** CPU time (user + system) a process has used, in milliseconds (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Samples a process's RSS every `everyMs` until stopped; answers the highest seen. */
export function peakRss(pid: number, everyMs = 20): { stop(): number } {
  let peak = rssBytes(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssBytes(pid));
    },
  };
}
