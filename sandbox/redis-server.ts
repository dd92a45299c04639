import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** What to do when there is no redis-server: said once, plainly, instead of a spawn error. */
export const REDIS_MISSING =
  'redis-server not found. Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis), ' +
  'set REDIS_SERVER_BIN to its path, or set REDIS_URL to a Redis you already run.';

export interface LocalRedis {
  readonly url: string;
  close(): Promise<void>;
}

/** `REDIS_SERVER_BIN`, else `/usr/bin/redis-server`, else the first on PATH; null when none. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.REDIS_SERVER_BIN
    ? [env.REDIS_SERVER_BIN]
    : [
        '/usr/bin/redis-server',
        ...(env.PATH ?? '')
          .split(delimiter)
          .filter(Boolean)
          .map((d) => join(d, 'redis-server')),
      ];
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not this one
    }
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString('latin1').startsWith('+PONG')));
  });
}

/**
 * A throwaway redis-server for the demo: a free loopback port, nothing written to disk, stopped
 * with the demo (and killed if the demo's process exits first).
 */
export async function startLocalRedis(): Promise<LocalRedis> {
  const bin = findRedisServer();
  if (bin === null) throw new Error(REDIS_MISSING);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'vidmesh-demo-redis-'));
  const child: ChildProcess = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await pings(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      kill();
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not start: ${stderr.trim().slice(-300) || 'no answer within 10 s'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async close() {
      process.removeListener('exit', kill);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
