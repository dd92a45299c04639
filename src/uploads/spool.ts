import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Spool directories (`os.tmpdir()/vidmesh-upload-<pid>-XXXXXX`): named by the process that made
 * them, so a start can tell a dead process's leftovers from a live one's spools. Removed by their
 * upload whatever happens; on process exit whatever is left of this process's; at start, whatever
 * a former process left (a crash, a kill, a drain cut short).
 */
const PREFIX = 'vidmesh-upload-';
const live = new Set<string>();
let exitHook = false;

/** A new spool directory of this process. */
export async function makeSpoolDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`));
  live.add(dir);
  if (!exitHook) {
    exitHook = true;
    // the last exit path: synchronous, since nothing asynchronous runs after 'exit'
    process.once('exit', () => {
      for (const left of live) rmSync(left, { recursive: true, force: true });
    });
  }
  return dir;
}

export async function removeSpoolDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  live.delete(dir);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface SpoolSweepOptions {
  /** Older than this, a spool is stale whoever made it: the longest an upload may take (the upload deadline, 4 h). */
  readonly maxAgeMs: number;
  readonly dir?: string;
  readonly now?: () => number;
}

/**
 * Removes the spool directories no live upload holds: a dead process's, this pid's from a former
 * life (a container's gateway is pid 1 after every restart), any older than `maxAgeMs`, and any in
 * the older name form without a pid once that old. Another live process's recent spools stay.
 * Answers the names removed; never throws.
 */
export async function sweepSpoolDirs(options: SpoolSweepOptions): Promise<string[]> {
  const dir = options.dir ?? tmpdir();
  const now = options.now ?? Date.now;
  const removed: string[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.startsWith(PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (live.has(path)) continue;
    try {
      const pid = /^vidmesh-upload-(\d+)-/.exec(name)?.[1];
      const old = now() - (await stat(path)).mtimeMs > options.maxAgeMs;
      const owner = pid === undefined ? null : Number(pid);
      const stale = old || (owner !== null && (owner === process.pid || !alive(owner)));
      if (!stale) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}
