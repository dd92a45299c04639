import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * A real redis-server for tests (Debian's package): loopback only, a free port, no persistence.
 * Tests needing it use `describe(name, { skip: redisSkip() }, …)`: without the binary they are
 * skipped with one line saying how to install it — except in CI (`CI` set), where that is a failure.
 */

export const MISSING_LINE = 'redis-server not found: apt-get install -y redis-server (tests needing Redis skipped)';

let binary: string | null | undefined;

/** `REDIS_SERVER_BIN` when set, else `/usr/bin/redis-server`, else the first on PATH, else null. */
export function findRedisServer(): string | null {
  if (binary !== undefined) return binary;
  const given = process.env.REDIS_SERVER_BIN;
  const candidates = given
    ? [given]
    : [
        '/usr/bin/redis-server',
        ...(process.env.PATH ?? '')
          .split(delimiter)
          .filter(Boolean)
          .map((dir) => join(dir, 'redis-server')),
      ];
  binary =
    candidates.find((path) => {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }) ?? null;
  return binary;
}

/**
 * The `skip` option for suites needing Redis: false when the binary is there (or in CI, where
 * startRedis then fails loudly); else true, after printing MISSING_LINE once per test run (a marker
 * file keyed by the runner's pid: node --test runs each file in its own process).
 */
export function redisSkip(): boolean {
  if (findRedisServer() !== null || process.env.CI) return false;
  try {
    writeFileSync(join(tmpdir(), `vidmesh-redis-missing-${process.ppid}`), '', { flag: 'wx' });
    process.stderr.write(`${MISSING_LINE}\n`);
  } catch {
    // another test file of this run said it already
  }
  return true;
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops the server (an outage); the port stays ours for restart(). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** SIGSTOP: connections stay open, nothing answers (a server that hangs). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** Stops it for good and removes its directory. */
  close(): Promise<void>;
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

/** True once the server answers PING on the port. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      reply += data.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG') || reply.startsWith('-NOAUTH'));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts redis-server on a free loopback port; fails when the binary is missing. `args` add options (`--requirepass x`). */
export async function startRedis(args: readonly string[] = []): Promise<RedisServer> {
  const bin = findRedisServer();
  if (bin === null) throw new Error(MISSING_LINE.replace(' (tests needing Redis skipped)', ''));
  const dir = mkdtempSync(join(tmpdir(), 'vidmesh-redis-'));
  let child: ChildProcess | undefined;
  let paused = false;
  let output = '';
  const killOnExit = (): void => {
    child?.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const launch = async (port: number): Promise<void> => {
    output = '';
    const proc = spawn(
      bin,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning', ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    proc.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited (${proc.exitCode}): ${output.trim().slice(-500)}`);
      if (await pings(port)) return;
      await sleep(20);
    }
    proc.kill('SIGKILL');
    throw new Error(`redis-server did not answer on port ${port} within 10 s: ${output.trim().slice(-500)}`);
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    if (paused) proc.kill('SIGCONT');
    paused = false;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  let port = 0;
  // a port found free can be taken before redis-server binds it: try another
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await launch(port);
      break;
    } catch (error) {
      if (attempt >= 2) {
        rmSync(dir, { recursive: true, force: true });
        process.removeListener('exit', killOnExit);
        throw error;
      }
    }
  }

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    restart: async () => {
      await stop();
      await launch(port);
    },
    pause: () => {
      paused = true;
      child?.kill('SIGSTOP');
    },
    resume: () => {
      paused = false;
      child?.kill('SIGCONT');
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
      process.removeListener('exit', killOnExit);
    },
  };
}
