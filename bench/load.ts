import '../src/production-mode';
import './support/deployed';
import 'reflect-metadata';
import { print } from 'graphql';
import { Pool } from 'undici';
import { parseConfig, type AccountConfig } from '../src/config';
import { EmulatorClock } from '../emulators/common/clock';
import type { InjectedFault } from '../emulators/common/types';
import { demoDailymotionAccounts, startDailymotionEmulator } from '../emulators/dailymotion';
import { demoPandaAccounts, startPandaEmulator, type PandaEmulator } from '../emulators/panda';
import { demoZiggeoAccounts, startZiggeoEmulator } from '../emulators/ziggeo';
import { metricsText } from '../src/observability/metrics';
import { startGateway } from '../src/http/server';
import { CreateVideoDocument, DashboardVideoListDocument } from '../test/generated/graphql';

/**
 * `npm run bench:load`: many concurrent dashboard queries through the gateway while the Panda
 * emulator injects faults, plus createVideo mutations checked afterwards against the emulator's
 * state (each applied exactly once, or reported failed). Loopback only; bounded in time and count.
 * LOAD_SECONDS (default 20, at most 120), LOAD_CONCURRENCY (default 32, at most 256), LOAD_FAULTS=off.
 */

const bounded = (name: string, fallback: number, max: number): number => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? Math.min(Math.floor(value), max) : fallback;
};
const SECONDS = bounded('LOAD_SECONDS', 20, 120);
const CONCURRENCY = bounded('LOAD_CONCURRENCY', 32, 256);
const MUTATORS = 2;
/** LOAD_FAULTS=off: the same load with healthy emulators, for comparison. */
const FAULTS = process.env.LOAD_FAULTS !== 'off';
/** A mutation's fate is known once any delayed fault (at most 5 s) has played out. */
const SETTLE_MS = 5_500;

/** One fault pattern per 2-second slot, re-armed every 250 ms while its slot lasts. */
const SLOTS: { name: string; fault: InjectedFault }[] = [
  { name: '503 burst', fault: { kind: 'status', status: 503, times: 4 } },
  { name: 'latency past the timeout', fault: { kind: 'delay', delayMs: 5_000, times: 2 } },
  { name: 'reset mid-response', fault: { kind: 'reset', times: 3 } },
  { name: 'healthy', fault: { kind: 'status', status: 503, times: 0 } },
  { name: 'truncated JSON', fault: { kind: 'malformed', times: 2 } },
  { name: '429 Retry-After 1', fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' }, times: 3 } },
  { name: 'slow body', fault: { kind: 'slow-body', delayMs: 5_000, times: 1 } },
  { name: 'outage (503 on every call)', fault: { kind: 'status', status: 503 } },
  { name: 'healthy', fault: { kind: 'status', status: 503, times: 0 } },
];

interface Outcome {
  readonly ms: number;
  /** When it was sent, since the start. */
  readonly at: number;
  /** Accounts named by the answer's errors. */
  readonly accounts: string[];
  /** `OK`, or each distinct `extensions.code` of the answer, or `HTTP_ERROR` when none came. */
  readonly codes: string[];
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const clock = new EmulatorClock();
  const pandaAccounts = demoPandaAccounts();
  const panda = await startPandaEmulator({ accounts: pandaAccounts, demoData: true, clock, host: '127.0.0.1' });
  const zigAccounts = demoZiggeoAccounts();
  const ziggeo = await startZiggeoEmulator({ accounts: zigAccounts, demoData: true, clock, host: '127.0.0.1' });
  const dmAccounts = demoDailymotionAccounts();
  const dailymotion = await startDailymotionEmulator({ accounts: dmAccounts, demoData: true, clock, host: '127.0.0.1' });
  const accounts: AccountConfig[] = [
    ...pandaAccounts.map((a): AccountConfig => ({
      id: `panda-${a.cloudName}`,
      provider: 'panda',
      baseUrl: panda.baseUrl,
      cloudId: a.cloudId,
      accessKey: a.accessKey,
      secretKey: a.secretKey,
    })),
    ...zigAccounts.map((a, i): AccountConfig => ({
      id: `ziggeo-${i}`,
      provider: 'ziggeo',
      baseUrl: ziggeo.baseUrl,
      token: a.token,
      privateKey: a.privateKey,
      encryptionKey: a.encryptionKey,
    })),
    ...dmAccounts.map((a, i): AccountConfig => ({
      id: `dailymotion-${i}`,
      provider: 'dailymotion',
      baseUrl: dailymotion.baseUrl,
      cdnUrl: dailymotion.baseUrl,
      userId: a.userId,
      apiKey: a.apiKey,
    })),
  ];
  const config = parseConfig(
    {
      server: { host: '127.0.0.1', port: 0, shutdownTimeoutMs: 5_000 },
      accounts,
      upstream: { timeouts: { connectMs: 1_000, headersMs: 3_000, bodyMs: 3_000 }, breaker: { failureThreshold: 5, openMs: 1_000 } },
    },
    'bench',
  );
  const gateway = await startGateway(config);
  const url = new URL(gateway.url);
  const client = new Pool(url.origin, { connections: CONCURRENCY + MUTATORS });
  const t0 = performance.now();
  const post = async (body: string): Promise<Outcome> => {
    const started = performance.now();
    const at = started - t0;
    try {
      const response = await client.request({ method: 'POST', path: url.pathname, headers: { 'content-type': 'application/json' }, body });
      const json = (await response.body.json()) as { errors?: { extensions?: { code?: string; account?: string } }[] };
      const failing = [...new Set((json.errors ?? []).map((e) => e.extensions?.account ?? '-'))];
      const codes = [...new Set((json.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE'))];
      return { ms: performance.now() - started, at, accounts: failing, codes: codes.length > 0 ? codes : response.statusCode === 200 ? ['OK'] : ['HTTP_ERROR'] };
    } catch {
      return { ms: performance.now() - started, at, accounts: [], codes: ['HTTP_ERROR'] };
    }
  };

  const dashboard = JSON.stringify({ query: print(DashboardVideoListDocument), variables: { first: 10 } });
  const createVideo = print(CreateVideoDocument);
  const deadline = performance.now() + SECONDS * 1000;
  const queries: Outcome[] = [];
  const mutations: { account: AccountConfig & { provider: 'panda' }; payload: string; ok: boolean; codes: string[] }[] = [];

  const slotMs = 2_000;
  const started = performance.now();
  const faultDriver = setInterval(() => {
    const slot = SLOTS[Math.floor((performance.now() - started) / slotMs) % SLOTS.length]!;
    panda.clearFaults();
    if (FAULTS && slot.fault.times !== 0) panda.injectFault(slot.fault);
  }, 250);

  const queryWorker = async () => {
    while (performance.now() < deadline) queries.push(await post(dashboard));
  };
  const pandaTargets = accounts.filter((a): a is AccountConfig & { provider: 'panda' } => a.provider === 'panda');
  let sequence = 0;
  const mutationWorker = async () => {
    while (performance.now() < deadline) {
      const n = sequence++;
      const account = pandaTargets[n % pandaTargets.length]!;
      const payload = `load-${n}`;
      const input = { account: account.id, sourceUrl: `https://media.example.com/load/${n}.mp4`, profiles: [], payload };
      const outcome = await post(JSON.stringify({ query: createVideo, variables: { input } }));
      mutations.push({ account, payload, ok: outcome.codes[0] === 'OK', codes: outcome.codes });
    }
  };
  await Promise.all([...Array.from({ length: CONCURRENCY }, queryWorker), ...Array.from({ length: MUTATORS }, mutationWorker)]);
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(faultDriver);
  panda.clearFaults();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

  const fate = verifyMutations(panda, mutations);
  const upstream = (await metricsText()).body
    .split('\n')
    .filter((l) => l.startsWith('vidmesh_upstream_requests_total{') && l.includes('provider="panda"'))
    .reduce<Record<string, number>>((acc, line) => {
      const outcome = /outcome="([^"]+)"/.exec(line)![1]!;
      acc[outcome] = (acc[outcome] ?? 0) + Number(line.split(' ')[1]);
      return acc;
    }, {});

  report(queries, elapsed, fate, upstream);
  await client.close();
  await gateway.close();
  await Promise.all([panda.close(), ziggeo.close(), dailymotion.close()]);
  if (fate.duplicated > 0 || fate.lost > 0) process.exitCode = 1;
}

/** Every mutation against the emulator's state: applied once if reported done; at most once if reported failed. */
function verifyMutations(panda: PandaEmulator, mutations: { account: { cloudId: string }; payload: string; ok: boolean; codes: string[] }[]) {
  const counts = new Map<string, number>();
  for (const [cloudId, cloud] of panda.store.clouds) {
    for (const video of cloud.videos.values()) {
      const key = `${cloudId}/${video.payload}`;
      if (video.payload?.startsWith('load-')) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const fate = { sent: mutations.length, appliedOnce: 0, failedNotApplied: 0, failedButApplied: 0, duplicated: 0, lost: 0, failureCodes: {} as Record<string, number> };
  for (const m of mutations) {
    const applied = counts.get(`${m.account.cloudId}/${m.payload}`) ?? 0;
    if (applied > 1) fate.duplicated += 1;
    else if (m.ok && applied === 1) fate.appliedOnce += 1;
    else if (m.ok) fate.lost += 1;
    else if (applied === 0) fate.failedNotApplied += 1;
    else fate.failedButApplied += 1;
    if (!m.ok) for (const code of m.codes) fate.failureCodes[code] = (fate.failureCodes[code] ?? 0) + 1;
  }
  return fate;
}

function report(queries: Outcome[], elapsed: number, fate: ReturnType<typeof verifyMutations>, upstream: Record<string, number>): void {
  const latencies = queries.map((q) => q.ms).sort((a, b) => a - b);
  const byCode = new Map<string, number>();
  for (const q of queries) for (const code of q.codes) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  console.log(
    `\nvidmesh load: ${SECONDS} s, ${CONCURRENCY} concurrent dashboard queries + ${MUTATORS} mutation loops; ${FAULTS ? 'Panda emulator injecting faults' : 'no faults'}\n`,
  );
  console.table({
    'dashboard queries': {
      requests: queries.length,
      'req/s': Number((queries.length / elapsed).toFixed(1)),
      'p50 ms': Number(percentile(latencies, 50).toFixed(1)),
      'p90 ms': Number(percentile(latencies, 90).toFixed(1)),
      'p99 ms': Number(percentile(latencies, 99).toFixed(1)),
      'max ms': Number((latencies.at(-1) ?? 0).toFixed(1)),
    },
  });
  console.log('answers by code (an answer with partial errors counts once per code):');
  console.table(Object.fromEntries([...byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => [code, { answers: n, rate: pct(n, queries.length) }])));
  const byAccount = new Map<string, number>();
  for (const q of queries) for (const account of q.accounts) byAccount.set(account, (byAccount.get(account) ?? 0) + 1);
  console.log('answers with an error, by failing account:', Object.fromEntries(byAccount));
  console.log('by fault slot (2 s each, in turn):');
  const slots = new Map<string, Outcome[]>();
  for (const q of queries) {
    const index = Math.floor(q.at / 2_000) % SLOTS.length;
    const key = `${index} ${SLOTS[index]!.name}`;
    slots.set(key, [...(slots.get(key) ?? []), q]);
  }
  console.table(
    Object.fromEntries(
      [...slots].sort().map(([name, qs]) => {
        const sorted = qs.map((q) => q.ms).sort((a, b) => a - b);
        return [name, { answers: qs.length, 'all OK': pct(qs.filter((q) => q.codes[0] === 'OK').length, qs.length), 'p99 ms': Number(percentile(sorted, 99).toFixed(1)) }];
      }),
    ),
  );
  console.log('Panda upstream attempts by outcome (circuit_open: refused without a call):');
  console.table(Object.fromEntries(Object.entries(upstream).map(([k, v]) => [k, { attempts: v }])));
  console.log('createVideo mutations against the emulator state afterwards:');
  console.table({
    sent: { n: fate.sent },
    'reported done, applied once': { n: fate.appliedOnce },
    'reported failed, not applied': { n: fate.failedNotApplied },
    'reported failed, applied (answer lost in a fault)': { n: fate.failedButApplied },
    'applied more than once (must be 0)': { n: fate.duplicated },
    'reported done, not applied (must be 0)': { n: fate.lost },
  });
  console.log('failure codes of mutations:', fate.failureCodes);
  console.log(fate.duplicated === 0 && fate.lost === 0 ? 'nothing lost, nothing applied twice' : 'MUTATION CHECK FAILED');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
