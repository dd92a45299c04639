import type { AccountConfig } from '../../src/config';
import { EmulatorClock } from '../../emulators/common/clock';
import type { RunningEmulator } from '../../emulators/common/types';
import { demoDailymotionAccounts, startDailymotionEmulator, type DailymotionEmulator } from '../../emulators/dailymotion';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { demoTelestreamAccounts, startTelestreamEmulator, type TelestreamEmulator } from '../../emulators/telestream';
import { demoZiggeoAccounts, MemoryMedia, startZiggeoEmulator, type ZiggeoEmulator } from '../../emulators/ziggeo';
import { startTestGateway, type TestGateway } from './gateway';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS } from './panda-stack';

export type AccountId = 'pa' | 'ts' | 'dm' | 'zg';
export const ACCOUNT_IDS: readonly AccountId[] = ['pa', 'ts', 'dm', 'zg'];

/** What a seeded video is, by its index: a status, tags (Ziggeo only), a title. */
export const seededStatus = (i: number): 'FAILED' | 'PENDING' | 'READY' => (i % 5 === 0 ? 'FAILED' : i % 7 === 0 ? 'PENDING' : 'READY');
export const seededTitle = (account: AccountId, i: number): string => `${i % 6 === 0 ? 'interview' : 'clip'}-${account}-${i}`;
export const seededTags = (i: number): string[] => [...(i % 3 === 0 ? ['news'] : []), ...(i % 4 === 0 ? ['sport'] : [])];

/**
 * One emulator per provider, one account each (`pa` Panda, `ts` Telestream, `dm` Dailymotion, `zg` Ziggeo),
 * empty until `seed`, and a gateway over the four. Seeded videos and `create` write the emulators' stores
 * directly: they stand for videos users make at the providers meanwhile.
 */
export class FourProviders {
  private constructor(
    readonly clock: EmulatorClock,
    readonly panda: PandaEmulator,
    readonly telestream: TelestreamEmulator,
    readonly dailymotion: DailymotionEmulator,
    readonly ziggeo: ZiggeoEmulator,
    readonly gql: TestGateway,
  ) {}

  /** `demoData`: each emulator's own demo videos (with encodings) instead of an empty account; `config`: more gateway config (e.g. `server`). */
  static async start(options: { demoData?: boolean; config?: Record<string, unknown> } = {}): Promise<FourProviders> {
    const demoData = options.demoData ?? false;
    const clock = new EmulatorClock();
    const cloud = PANDA_TEST_ACCOUNTS[0]!;
    const factory = demoTelestreamAccounts()[0]!;
    const user = demoDailymotionAccounts()[0]!;
    const app = demoZiggeoAccounts()[0]!;
    const [panda, telestream, dailymotion, ziggeo] = await Promise.all([
      startPandaEmulator({ accounts: [cloud], clock, demoData }),
      startTelestreamEmulator({ accounts: [factory], clock, demoData }),
      startDailymotionEmulator({ accounts: [user], clock, demoData }),
      startZiggeoEmulator({ accounts: [app], clock, demoData }),
    ]);
    const accounts: AccountConfig[] = [
      pandaAccountConfig(cloud, panda.baseUrl, 'pa'),
      { id: 'ts', provider: 'telestream', baseUrl: telestream.baseUrl, factoryId: factory.factoryId, accessKey: factory.accessKey, secretKey: factory.secretKey },
      { id: 'dm', provider: 'dailymotion', baseUrl: dailymotion.baseUrl, cdnUrl: dailymotion.baseUrl, userId: user.userId, apiKey: user.apiKey },
      { id: 'zg', provider: 'ziggeo', baseUrl: ziggeo.baseUrl, token: app.token, privateKey: app.privateKey, encryptionKey: app.encryptionKey },
    ];
    // listing tests inject faults to see partial results, not retries or the circuit breaker (test/resilience):
    // one attempt per call, and a circuit that lets the next call probe at once
    const upstream = { retry: { maxAttempts: 1 }, breaker: { openMs: 1 } };
    return new FourProviders(clock, panda, telestream, dailymotion, ziggeo, await startTestGateway(accounts, { upstream, ...options.config }));
  }

  emulator(account: AccountId): RunningEmulator<unknown> {
    return { pa: this.panda, ts: this.telestream, dm: this.dailymotion, zg: this.ziggeo }[account] as RunningEmulator<unknown>;
  }

  /** Upstream requests per account since the last `resetLogs`. */
  calls(account: AccountId): number {
    return this.emulator(account).log.entries.length;
  }

  /** Listing calls only: `videos.json` (Panda, Telestream), `media.list`, Ziggeo's video index. */
  listings(account: AccountId): number {
    if (account === 'dm') return this.dailymotion.calls.filter((c) => c.call === 'media.list').length;
    const path = { pa: /^\/v2\/videos\.json$/, ts: /^\/v3\.0\/videos\.json$/, zg: /^\/v1\/videos\/?$/ }[account];
    return this.emulator(account).log.entries.filter((e) => e.method === 'GET' && path.test(e.path)).length;
  }

  resetLogs(): void {
    for (const id of ACCOUNT_IDS) this.emulator(id).log.clear();
    this.dailymotion.calls.length = 0;
  }

  /**
   * `perAccount` videos in each account, one every 3 minutes going back from an hour ago; Panda and
   * Telestream share their times (ties across accounts), Dailymotion and Ziggeo are offset by 1 and 2 minutes.
   */
  seed(perAccount: number): void {
    const start = this.clock.now().getTime() - 3_600_000 - perAccount * 180_000;
    for (let i = 0; i < perAccount; i++) {
      const at = start + i * 180_000;
      this.create('pa', at, i);
      this.create('ts', at, i);
      this.create('dm', at + 60_000, i);
      this.create('zg', at + 120_000, i);
    }
  }

  /** One video created at `at` (ms, whole seconds), shaped by `i` (status, title, tags); its status is final at once. */
  create(account: AccountId, at: number, i: number): void {
    const createdAt = at - (at % 1000);
    const status = seededStatus(i);
    const title = seededTitle(account, i);
    if (account === 'pa' || account === 'ts') {
      const store = account === 'pa' ? this.panda.store : this.telestream.store;
      const cloudId = account === 'pa' ? PANDA_TEST_ACCOUNTS[0]!.cloudId : demoTelestreamAccounts()[0]!.factoryId;
      // Panda reports no pending source: PENDING seeds are READY there
      store.addVideo(cloudId, {
        createdAt,
        readyAt: createdAt,
        failure: status === 'FAILED' ? { errorClass: 'DownloadFailed', errorMessage: 'no file' } : null,
        originalFilename: `${title}.mp4`,
      });
    } else if (account === 'dm') {
      const store = this.dailymotion.store;
      const user = store.user(demoDailymotionAccounts()[0]!.userId);
      const media = store.createMedia(user, createdAt, { meta: { title } });
      // processed a minute before: its status does not change while a test runs
      if (status !== 'PENDING') store.setSource(media, `https://media.example.com/${title}.mp4`, createdAt - 60_000, status === 'READY', 1000);
    } else {
      const store = this.ziggeo.store;
      const app = store.app(demoZiggeoAccounts()[0]!.token);
      const tags = seededTags(i);
      const video = store.newVideo(app, createdAt, { key: title, tags: tags.length ? tags : null });
      const stream = store.newStream(video, createdAt);
      if (status !== 'PENDING') {
        stream.video = new MemoryMedia(Buffer.from('not really a video'), 'video/mp4');
        stream.readyAt = createdAt;
        stream.outcome = status;
      }
    }
  }

  async close(): Promise<void> {
    await this.gql.close();
    await Promise.all([this.panda.close(), this.telestream.close(), this.dailymotion.close(), this.ziggeo.close()]);
  }
}
