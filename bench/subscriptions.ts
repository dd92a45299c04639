import { randomBytes } from 'node:crypto';
import type { ProviderName } from '../src/config';
import { parseConfig } from '../src/config';
import { NotificationSecrets } from '../src/events/receiver-secrets';
import type { BenchRow, Suite } from './types';
import { forkChild, type Child } from './support/children';
import { BenchClient } from './support/graphql-client';
import { percentile, ratioOf } from './support/stats';
import { encodingProgress, NotificationSender, videoCreated, ziggeoEvent, type Notification } from './subscriptions/notifications';
import { ask, cpuMs, forkWithFlags, peakRss } from './subscriptions/processes';
import type { EmulatorResponse, GatewayMemory, NotifyingAccount, SeedPlan, SubscriptionEmulatorsReady } from './subscriptions/protocol';
import { openSubscribers, type BenchSubscriber } from './subscriptions/subscribers';

/**
 * Issue 16's subscription benchmark, on loopback: `subscribers` graphql-ws subscriptions (one
 * WebSocket each, spread over a Panda, a Telestream and a Ziggeo account) on a gateway in its own
 * process; bursts of real provider notifications POSTed to its receiver. Per burst: the latency from
 * each POST's answer to each subscriber's result (the receiver answers 200 before it publishes), the
 * upstream calls the emulators answered (read from their request logs), and over the run the
 * gateway's RSS and heap added by the subscribers (after full collections) and its CPU per result.
 */

/** The subscription each subscriber holds (one account each). */
export const SUBSCRIPTION =
  'subscription BenchVideoEvents($account: ID!) { videoEvents(accounts: [$account]) { id type progress video { id title status } encoding { id status progress } } }';
/** Goals of issue 16. */
const P99_GOAL_MS = 50;
const RSS_GOAL_MIB = 64;
const GOAL_SUBSCRIBERS = 1_000;
/** Per account and burst: Panda and Telestream, progress of 4 encodings of 2 videos; Ziggeo, 4 videos ready. */
const PLAN_BASE = { hmacVideos: 2, encodingsPerVideo: 2, ziggeoVideos: 4 } as const;
const WARM_ROUNDS = 2;
const DELIVERY_TIMEOUT_MS = 15_000;
const PAUSE_MS = 150;
const MiB = 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The fewest upstream calls one burst's events can cost an account, whatever the subscribers: one
 * loader batch for the videos and one for the encodings. Panda and Telestream have no multi-read,
 * so a batch is one call per distinct video and encoding (efficiency suite: `DashboardNodes`);
 * Ziggeo's get_bulk reads up to 100 videos with their streams in one call.
 */
function minimumCalls(provider: ProviderName, events: readonly { video: string; encoding: string | null }[]): number {
  const videos = new Set(events.map((e) => e.video)).size;
  if (provider === 'ziggeo') return Math.ceil(videos / 100);
  return videos + new Set(events.flatMap((e) => (e.encoding === null ? [] : [e.encoding]))).size;
}

interface BurstEvent {
  readonly notification: Notification;
  readonly video: string;
  readonly encoding: string | null;
}

/** Burst round `index` (warm-up rounds included): progress `index + 1` of every seeded encoding; for Ziggeo, each video's stream `index` ready. */
function progressBurst(accounts: readonly NotifyingAccount[], index: number): BurstEvent[] {
  return accounts.flatMap(({ config, videos }) =>
    videos.flatMap((video) => {
      if (config.provider === 'ziggeo')
        return [{ notification: ziggeoEvent(config.id, 'video_ready', video.id, video.encodings[index]!), video: video.id, encoding: video.encodings[index]! }];
      return video.encodings.map((encoding) => ({ notification: encodingProgress(config.provider, config.id, encoding, index + 1), video: video.id, encoding }));
    }),
  );
}

/**
 * Single notification `n` of the latency phase, accounts in turn: for Panda and Telestream a progress
 * above every burst's (`firstProgress + n`, one encoding after the other); for Ziggeo the next
 * stream not used by a burst (from `firstStream` on).
 */
function single(accounts: readonly NotifyingAccount[], n: number, firstProgress: number, firstStream: number): BurstEvent {
  const { config, videos } = accounts[n % accounts.length]!;
  const k = Math.floor(n / accounts.length);
  const video = videos[k % videos.length]!;
  if (config.provider === 'ziggeo') {
    const stream = video.encodings[firstStream + Math.floor(k / videos.length)]!;
    return { notification: ziggeoEvent(config.id, 'video_ready', video.id, stream), video: video.id, encoding: stream };
  }
  const encoding = video.encodings[k % video.encodings.length]!;
  return { notification: encodingProgress(config.provider, config.id, encoding, firstProgress + n), video: video.id, encoding };
}

/** The first burst: every seeded video created (Panda and Telestream name their encodings, so later progress needs no lookup). */
function createdBurst(accounts: readonly NotifyingAccount[]): BurstEvent[] {
  return accounts.flatMap(({ config, videos }) =>
    videos.map((video) => ({
      notification: config.provider === 'ziggeo' ? ziggeoEvent(config.id, 'video_create', video.id, null) : videoCreated(config.provider, config.id, video.id, video.encodings),
      video: video.id,
      encoding: null,
    })),
  );
}

interface BurstResult {
  readonly latenciesMs: number[];
  readonly calls: Readonly<Record<string, readonly string[]>>;
  readonly delivered: number;
}

/** POSTs one burst at once, waits until every subscriber has each event of its account, then matches results to POSTs. */
async function burst(
  events: readonly BurstEvent[],
  sender: NotificationSender,
  subscribers: readonly BenchSubscriber[],
  emulators: Child<SubscriptionEmulatorsReady>,
): Promise<BurstResult> {
  await ask<EmulatorResponse>(emulators.process, { op: 'calls' });
  const perAccount = new Map<string, number>();
  for (const e of events) perAccount.set(e.notification.account, (perAccount.get(e.notification.account) ?? 0) + 1);
  const answeredAt = new Map<string, number>();
  await Promise.all(
    events.map(async ({ notification }) => {
      const { status, answeredAt: at } = await sender.send(notification);
      if (status !== 200) throw new Error(`${notification.account}: the receiver answered ${status}`);
      answeredAt.set(notification.eventId, at);
    }),
  );
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  const complete = () => subscribers.every((s) => s.pending >= (perAccount.get(s.account) ?? 0));
  while (!complete()) {
    if (Date.now() > deadline) {
      const missing = subscribers.filter((s) => s.pending < (perAccount.get(s.account) ?? 0)).length;
      throw new Error(`${missing} of ${subscribers.length} subscribers still lack events ${DELIVERY_TIMEOUT_MS} ms after the burst`);
    }
    await sleep(2);
  }
  const latenciesMs: number[] = [];
  let delivered = 0;
  for (const subscriber of subscribers) {
    if (subscriber.closedEarly !== null) throw new Error(`a ${subscriber.account} subscriber was disconnected: ${subscriber.closedEarly}`);
    for (const received of subscriber.drain()) {
      if (received.problem !== null) throw new Error(`a ${subscriber.account} subscriber got ${received.problem}`);
      const at = received.eventId === null ? undefined : answeredAt.get(received.eventId);
      if (at === undefined) throw new Error(`a ${subscriber.account} subscriber got event ${received.eventId}, which this burst did not notify`);
      latenciesMs.push(received.at - at);
      delivered++;
    }
  }
  // the loads of the burst ended before its results went out: the logs hold all of them
  const answer = await ask<EmulatorResponse>(emulators.process, { op: 'calls' });
  return { latenciesMs, calls: 'calls' in answer ? answer.calls : {}, delivered };
}

/** The gateway's memory once settled: the least of three readings 250 ms apart, each after full collections (V8 gives pages back lazily). */
async function settledMemory(gateway: Child<unknown>): Promise<{ rss: number; heapUsed: number }> {
  let least = { rss: Number.POSITIVE_INFINITY, heapUsed: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 3; i++) {
    if (i > 0) await sleep(250);
    const m = await ask<GatewayMemory>(gateway.process, { op: 'memory' });
    least = { rss: Math.min(least.rss, m.rss), heapUsed: Math.min(least.heapUsed, m.heapUsed) };
  }
  return least;
}

/** `--cpu-prof` for the gateway only: BENCH_GATEWAY_CPU_PROF=<dir>. */
function gatewayFlags(): string[] {
  const dir = process.env.BENCH_GATEWAY_CPU_PROF;
  return ['--expose-gc', ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [])];
}

export const run: Suite = async ({ quick }) => {
  const subscriberCount = Number(process.env.BENCH_SUBSCRIBERS ?? (quick ? 200 : GOAL_SUBSCRIBERS));
  const rounds = quick ? 6 : 20;
  const singles = quick ? 24 : 60;
  const plan: SeedPlan = { ...PLAN_BASE, streamsPerVideo: WARM_ROUNDS + rounds + Math.ceil(singles / 3 / PLAN_BASE.ziggeoVideos) };
  const emulators = await forkChild<SubscriptionEmulatorsReady>('subscriptions/emulator-host.js', [JSON.stringify(plan)]);
  const children: Child<unknown>[] = [emulators];
  let subscribers: BenchSubscriber[] = [];
  let sender: NotificationSender | null = null;
  let client: BenchClient | null = null;
  try {
    const accounts = emulators.ready.accounts;
    const raw = {
      server: { host: '127.0.0.1', port: 0 },
      accounts: accounts.map((a) => a.config),
      // notification URLs derive from the first key (src/events/receiver-secrets.ts): the bench computes them too
      tokens: { keys: [{ id: 'bench', secret: randomBytes(32).toString('base64url') }] },
    };
    const config = parseConfig(raw, 'bench');
    const gateway = await forkWithFlags<{ url: string }>('subscriptions/gateway-host.js', [JSON.stringify(raw)], gatewayFlags());
    children.push(gateway);
    const pid = gateway.process.pid!;
    client = new BenchClient(gateway.ready.url);

    // the providers are pointed at the receiver (which also stops polling these accounts)
    const secrets = new NotificationSecrets(config);
    const urls = new Map<string, string>();
    for (const { config: account } of accounts) {
      const answer = await client.post('mutation Configure($a: ID!) { configureNotifications(account: $a) { receiverBaseUrl confirmed } }', { a: account.id }, 'Configure');
      const setup = (answer.data as { configureNotifications: { receiverBaseUrl: string; confirmed: boolean } }).configureNotifications;
      if (!setup.confirmed) throw new Error(`${account.id}: notifications not confirmed`);
      urls.set(account.id, `${setup.receiverBaseUrl}/notifications/${encodeURIComponent(account.id)}/${secrets.secretFor(account.id)}`);
    }
    const told = await ask<EmulatorResponse>(emulators.process, { op: 'urls' });
    for (const [account, url] of urls)
      if (!('urls' in told) || told.urls[account] !== url) throw new Error(`${account}: the provider was told another notification URL than the one derived from tokens.keys`);
    sender = new NotificationSender(urls);

    const before = await settledMemory(gateway);
    const wsUrl = gateway.ready.url.replace(/^http/, 'ws');
    subscribers = await openSubscribers(
      wsUrl,
      accounts.map((a) => a.config.id),
      subscriberCount,
      SUBSCRIPTION,
    );
    // warm-up: the created burst, then progress, unmeasured (connections, JIT, receiver caches)
    await burst(createdBurst(accounts), sender, subscribers, emulators);
    for (let r = 0; r < WARM_ROUNDS; r++) {
      await sleep(PAUSE_MS);
      await burst(progressBurst(accounts, r), sender, subscribers, emulators);
    }
    await sleep(PAUSE_MS);
    const held = await settledMemory(gateway);

    // latency: one notification at a time, each to the subscribers of its account
    const cpuBefore = cpuMs(pid);
    const peak = peakRss(pid);
    const latencies: number[] = [];
    let delivered = 0;
    for (let n = 0; n < singles; n++) {
      await sleep(PAUSE_MS / 3);
      const result = await burst([single(accounts, n, WARM_ROUNDS + rounds + 1, WARM_ROUNDS + rounds)], sender, subscribers, emulators);
      latencies.push(...result.latenciesMs);
      delivered += result.delivered;
    }
    // upstream economy: bursts of notifications over every account at once
    const burstLatencies: number[] = [];
    const calls = new Map<string, number[]>();
    let events: BurstEvent[] = [];
    for (let r = 0; r < rounds; r++) {
      await sleep(PAUSE_MS);
      events = progressBurst(accounts, WARM_ROUNDS + r);
      const result = await burst(events, sender, subscribers, emulators);
      burstLatencies.push(...result.latenciesMs);
      delivered += result.delivered;
      if (process.env.BENCH_DEBUG_CALLS) console.log(`round ${r}: ${JSON.stringify(result.calls)}`);
      for (const [account, list] of Object.entries(result.calls)) calls.set(account, [...(calls.get(account) ?? []), list.length]);
    }
    const cpu = cpuMs(pid) - cpuBefore;
    const peakBytes = peak.stop();

    const n = subscribers.length;
    const fanOut = Math.round(n / accounts.length);
    const name = `${n} subscribers on ${accounts.length} accounts, 1 notification → ${fanOut} results`;
    const burstName = `${n} subscribers on ${accounts.length} accounts, ${events.length} notifications/burst`;
    const row = (caseName: string, metric: string, vidmesh: number, baseline: number, goal: string, unit: string): BenchRow => ({
      suite: 'subscriptions',
      case: caseName,
      metric,
      vidmesh,
      baseline,
      ratio: ratioOf(vidmesh, baseline),
      goal,
      unit,
    });
    const rows: BenchRow[] = [];
    for (const p of [50, 99]) rows.push(row(name, `notification → subscriber p${p}`, percentile(latencies, p), P99_GOAL_MS, p === 99 ? `<= ${P99_GOAL_MS} ms` : 'info', 'ms'));
    const addedRss = held.rss - before.rss;
    const scale = GOAL_SUBSCRIBERS / n;
    const scaled = scale === 1 ? '' : ` (×${scale.toFixed(1)} from ${n})`;
    rows.push(row(name, `gateway RSS added, ${GOAL_SUBSCRIBERS} subscribers${scaled}`, (addedRss * scale) / MiB, RSS_GOAL_MIB, `<= ${RSS_GOAL_MIB} MiB`, 'MiB'));
    rows.push(row(name, 'gateway RSS per subscriber', addedRss / n / 1024, Number.NaN, 'info', 'KiB'));
    rows.push(row(name, 'gateway heap per subscriber', (held.heapUsed - before.heapUsed) / n / 1024, Number.NaN, 'info', 'KiB'));
    rows.push(row(name, 'gateway peak RSS while delivering, over idle', (peakBytes - before.rss) / MiB, Number.NaN, 'info', 'MiB'));
    rows.push(row(name, 'gateway CPU per result delivered', (cpu * 1000) / delivered, Number.NaN, 'info', 'µs'));
    for (const p of [50, 99]) rows.push(row(burstName, `notification → subscriber p${p}`, percentile(burstLatencies, p), P99_GOAL_MS, 'info', 'ms'));
    for (const { config: account } of accounts) {
      const own = events.filter((e) => e.notification.account === account.id);
      const minimum = minimumCalls(account.provider, own);
      const counts = calls.get(account.id) ?? [];
      const caseName = `${account.provider}: ${own.length} events/burst, ${subscribers.filter((s) => s.account === account.id).length} subscribers`;
      rows.push(row(caseName, `upstream calls per burst (median of ${rounds}) / minimum`, percentile(counts, 50), minimum, '= 1.0', 'calls'));
      rows.push(row(caseName, `upstream calls per burst (worst of ${rounds}) / minimum`, Math.max(...counts), minimum, 'info', 'calls'));
    }
    return rows;
  } finally {
    await Promise.all(subscribers.map((s) => s.close()));
    sender?.close();
    await client?.close();
    for (const child of children.reverse()) await child.stop();
  }
};
