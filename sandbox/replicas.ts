import '../src/production-mode';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulators, type EmulatorSet } from './emulators';
import { startLocalRedis, type LocalRedis } from './redis-server';
import { startRoundRobinProxy, type Backend, type RoundRobinProxy } from './round-robin';

/** The production entry, run as the replicas' own processes (what a deployment runs). */
const MAIN = join(__dirname, '..', 'src', 'main.js');

export interface ReplicaDemoOptions {
  /** The proxy's port (`PORT`, default 4000; 0 for any). */
  readonly port?: number;
  readonly replicas?: number;
  /** A running Redis (`REDIS_URL`) instead of a throwaway redis-server. */
  readonly redisUrl?: string;
  /** Each replica's `LOG_LEVEL` (default `warn`); its lines are printed with its name. */
  readonly logLevel?: string;
  /** Where replica output goes; stdout by default, tests keep it. */
  readonly print?: (line: string) => void;
}

export interface ReplicaDemo {
  /** The proxy's GraphQL URL. */
  readonly url: string;
  readonly redisUrl: string;
  readonly replicas: readonly (Backend & { readonly pid: number })[];
  readonly proxy: RoundRobinProxy;
  close(): Promise<void>;
}

interface Replica {
  readonly name: string;
  readonly child: ChildProcess;
  readonly origin: string;
}

/** Starts one gateway process over `configPath`; resolves with its origin once it prints its URL. */
function startReplica(name: string, configPath: string, logLevel: string, print: (line: string) => void): Promise<Replica> {
  // a process group of its own: Ctrl-C reaches the demo, which stops each replica once, in order
  const child = spawn(process.execPath, [MAIN, '--config', configPath], {
    env: { PATH: process.env.PATH, LOG_LEVEL: logLevel },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.removeListener('exit', kill));
  return new Promise((resolve, reject) => {
    let pending = '';
    let started = false;
    const onLine = (line: string) => {
      const m = /GraphQL at (\S+)/.exec(line);
      if (!started && m) {
        started = true;
        resolve({ name, child, origin: new URL(m[1]!).origin });
      }
      print(`[${name}] ${line}`);
    };
    child.stdout!.on('data', (d: Buffer) => {
      const lines = (pending + d.toString()).split('\n');
      pending = lines.pop()!;
      lines.filter(Boolean).forEach(onLine);
    });
    child.stderr!.on('data', (d: Buffer) => print(`[${name}] ${d.toString().trimEnd()}`));
    child.once('exit', (code) => {
      if (!started) reject(new Error(`${name} exited (${code}) before serving`));
    });
  });
}

/** SIGINT (drains at once, no readiness delay) and waits for the exit; SIGKILL past 10 s. */
async function stopReplica(replica: Replica): Promise<void> {
  const { child } = replica;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Several replicas as a deployment runs them (README "Running several replicas"): Redis, the
 * emulators with their demo accounts, N gateway processes over one generated config (shared
 * `state.redis`, generated `tokens.keys`), and a round-robin proxy in front.
 */
export async function startReplicaDemo(options: ReplicaDemoOptions = {}): Promise<ReplicaDemo> {
  const print = options.print ?? ((line: string) => console.log(line));
  const started: { close(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const piece of started.reverse()) await piece.close().catch(() => undefined);
  };
  try {
    const redis: LocalRedis = options.redisUrl ? { url: options.redisUrl, close: async () => undefined } : await startLocalRedis();
    started.push(redis);
    const emulators: EmulatorSet = await startEmulators({ host: '127.0.0.1' });
    started.push(emulators);
    const dir = mkdtempSync(join(tmpdir(), 'vidmesh-replicas-'));
    started.push({ close: async () => rmSync(dir, { recursive: true, force: true }) });
    const config = {
      // port 0: each replica takes a free port and prints it; 2 s of not-ready before a drain so the proxy's 1 s probe notices
      server: { host: '127.0.0.1', port: 0, drainDelayMs: 2_000, shutdownTimeoutMs: 5_000 },
      accounts: emulators.accounts,
      state: { redis: { url: redis.url, keyPrefix: `demo-${randomBytes(3).toString('hex')}:` } },
      tokens: { keys: [{ id: 'demo-1', secret: randomBytes(32).toString('base64') }] },
    };
    const configPath = join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify(config, null, 2), { mode: 0o600 });
    const count = options.replicas ?? 2;
    const replicas = await Promise.all(Array.from({ length: count }, (_, i) => startReplica(`replica-${i + 1}`, configPath, options.logLevel ?? 'warn', print)));
    for (const replica of replicas) started.push({ close: () => stopReplica(replica) });
    const proxy = await startRoundRobinProxy(replicas, { port: options.port ?? 4000 });
    started.push(proxy);
    return {
      url: `${proxy.url}/graphql`,
      redisUrl: redis.url,
      replicas: replicas.map((r) => ({ name: r.name, origin: r.origin, pid: r.child.pid! })),
      proxy,
      close: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** `npm run demo:replicas`: prints the URL and what to try; Ctrl-C stops everything. */
async function main(): Promise<void> {
  const port = process.env.PORT === undefined ? 4000 : Number(process.env.PORT);
  const demo = await startReplicaDemo({ port, redisUrl: process.env.REDIS_URL, logLevel: process.env.LOG_LEVEL });
  console.log(`Redis: ${demo.redisUrl}`);
  for (const r of demo.replicas) console.log(`${r.name}: ${r.origin}/graphql (pid ${r.pid})`);
  console.log(`vidmesh replicas GraphQL at ${demo.url} (round-robin; the x-vidmesh-replica header names the one that answered)`);
  console.log(`try: curl -si ${demo.url} -H 'content-type: application/json' -d '{"query":"{ accounts { id } }"}' | grep -i x-vidmesh-replica`);
  console.log(`rolling restart of one: kill -TERM ${demo.replicas[0]!.pid} (its /readyz turns 503 draining, the proxy stops sending it requests within a second)`);
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('stopping…');
    void demo.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`demo:replicas: ${(error as Error).message}`);
    process.exit(1);
  });
}
