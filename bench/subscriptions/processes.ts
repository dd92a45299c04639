import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { forkChild, type Child } from '../support/children';

/** The subscription bench's children: forked with their own Node flags, asked questions over IPC, measured through /proc. */

/** Forks `script` (compiled, under dist/bench/) with `execArgv` instead of this process's flags, and waits for its first IPC message. */
export function forkWithFlags<T>(script: string, args: string[], execArgv: string[], timeoutMs = 30_000): Promise<Child<T>> {
  return forkChild<T>(script, args, { timeoutMs, execArgv, killAfterMs: 15_000 });
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
