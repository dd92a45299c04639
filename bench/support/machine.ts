import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineDescription {
  readonly os: string;
  readonly cpus: { readonly model: string; readonly count: number };
  readonly memoryBytes: number;
  readonly loadAverage: readonly number[];
  readonly node: string;
  readonly commit: string;
  readonly dirty: boolean;
  /** glibc's heap trim threshold the bench's child processes ran with (bench/support/deployed.ts). */
  readonly mallocTrimThreshold: string | null;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** What the figures were measured on: they mean little without it. */
export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: { model: cpus[0]?.model.trim() ?? 'unknown', count: cpus.length },
    memoryBytes: os.totalmem(),
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    node: process.version,
    commit: git(['rev-parse', 'HEAD']) ?? 'unknown',
    dirty: (git(['status', '--porcelain', '--untracked-files=no']) ?? '') !== '',
    mallocTrimThreshold: process.env.MALLOC_TRIM_THRESHOLD_ ?? null,
  };
}
