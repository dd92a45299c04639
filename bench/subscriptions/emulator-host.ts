import type { AccountConfig } from '../../src/config';
import type { RequestLog } from '../../emulators/common/types';
import { startPandaEmulator, type PandaStore } from '../../emulators/panda';
import { startTelestreamEmulator } from '../../emulators/telestream';
import { startZiggeoEmulator } from '../../emulators/ziggeo';
import { demoVideoBytes, MemoryMedia } from '../../emulators/ziggeo/media';
import type { ZiggeoStore } from '../../emulators/ziggeo/store';
import type { EmulatorRequest, EmulatorResponse, NotifyingAccount, SeedPlan, SubscriptionEmulatorsReady } from './protocol';

/**
 * Child process holding the three emulators that notify (Panda, Telestream, Ziggeo; Dailymotion has
 * no notifications and is polled), each with one account seeded with videos whose encodings are
 * final, so the emulators' own notifiers stay silent and every event the bench sees is one it
 * posted. argv[2]: the SeedPlan as JSON. Sends SubscriptionEmulatorsReady, then answers
 * EmulatorRequests (request-log counts, the notification URLs the providers were given); exits
 * when the parent disconnects.
 */

const HOUR = 3_600_000;
const PANDA = { accessKey: 'bench-sub-panda-access', secretKey: 'bench-sub-panda-secret-0123456789', cloudId: 'be0c0000000000000000000000000a01', cloudName: 'bench-sub' };
const TELESTREAM = { accessKey: 'bench-sub-ts-access', secretKey: 'bench-sub-ts-secret-0123456789', factoryId: 'be0f0000000000000000000000000a01', factoryName: 'bench-sub' };
const ZIGGEO = { token: 'be5e0000000000000000000000000a01', privateKey: 'be5e00000000000000000000private1', encryptionKey: 'bench-sub-ziggeo-encryption-key', name: 'bench-sub' };

/** Videos an hour old, each with `encodingsPerVideo` h264 encodings that succeeded long ago. */
function seedHmacQuery(store: PandaStore, cloudId: string, plan: SeedPlan): NotifyingAccount['videos'] {
  const at = store.now() - HOUR;
  const h264 = store.findProfile(cloudId, 'h264')!;
  return Array.from({ length: plan.hmacVideos }, (_, i) => {
    const video = store.addVideo(cloudId, { createdAt: at, readyAt: at + 60_000, originalFilename: `bench-subscriptions-${i + 1}.mp4` });
    const encodings = Array.from(
      { length: plan.encodingsPerVideo },
      (_, k) => store.addEncoding(cloudId, video, h264, { at: at + 1_000 * k, startsAt: at + 60_000, durationMs: 120_000, failure: null }).id,
    );
    return { id: video.id, encodings };
  });
}

/** Ziggeo videos with `streamsPerVideo` READY streams each: every `video_ready` the bench posts names another stream. */
function seedZiggeo(store: ZiggeoStore, now: number, plan: SeedPlan): NotifyingAccount['videos'] {
  const app = store.app(ZIGGEO.token);
  const at = now - HOUR;
  return Array.from({ length: plan.ziggeoVideos }, () => {
    const video = store.newVideo(app, at);
    const streams = Array.from({ length: plan.streamsPerVideo }, () => {
      const token = store.newToken();
      store.newStream(video, at, { token, video: new MemoryMedia(demoVideoBytes(token, 2048), 'video/mp4'), submitted: at + 5_000, readyAt: at + 20_000, duration: 30 });
      return token;
    });
    return { id: video.token, encodings: streams };
  });
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2] ?? '{}') as SeedPlan;
  const panda = await startPandaEmulator({ accounts: [PANDA] });
  const telestream = await startTelestreamEmulator({ accounts: [TELESTREAM] });
  const ziggeo = await startZiggeoEmulator({ accounts: [ZIGGEO] });
  const accounts: NotifyingAccount[] = [
    {
      config: { id: 'panda', provider: 'panda', baseUrl: panda.baseUrl, cloudId: PANDA.cloudId, accessKey: PANDA.accessKey, secretKey: PANDA.secretKey },
      videos: seedHmacQuery(panda.store, PANDA.cloudId, plan),
    },
    {
      config: {
        id: 'telestream',
        provider: 'telestream',
        baseUrl: telestream.baseUrl,
        factoryId: TELESTREAM.factoryId,
        accessKey: TELESTREAM.accessKey,
        secretKey: TELESTREAM.secretKey,
      },
      videos: seedHmacQuery(telestream.store, TELESTREAM.factoryId, plan),
    },
    {
      config: {
        id: 'ziggeo',
        provider: 'ziggeo',
        baseUrl: ziggeo.baseUrl,
        token: ZIGGEO.token,
        privateKey: ZIGGEO.privateKey,
        encryptionKey: ZIGGEO.encryptionKey,
      } satisfies AccountConfig,
      videos: seedZiggeo(ziggeo.store, ziggeo.clock.now().getTime(), plan),
    },
  ];
  // the Ziggeo notifier's first comparison takes the seeded videos as known (no webhook yet): not news later
  await new Promise((resolve) => setTimeout(resolve, 600));

  const logs: Record<string, RequestLog> = { panda: panda.log, telestream: telestream.log, ziggeo: ziggeo.log };
  const urls = (): Record<string, string | null> => ({
    panda: panda.store.cloud(PANDA.cloudId)!.notifications.url ?? null,
    telestream: telestream.store.cloud(TELESTREAM.factoryId)!.notifications.url ?? null,
    ziggeo: [...ziggeo.store.app(ZIGGEO.token).webhooks.values()].filter((h) => h.confirmed).at(-1)?.targetUrl ?? null,
  });
  process.on('message', (message: EmulatorRequest) => {
    let answer: EmulatorResponse;
    if (message.op === 'calls') {
      const calls: Record<string, string[]> = {};
      for (const [account, log] of Object.entries(logs)) {
        calls[account] = log.entries.map((e) => `${e.method} ${e.path}`);
        log.clear();
      }
      answer = { id: message.id, calls };
    } else {
      answer = { id: message.id, urls: urls() };
    }
    process.send!(answer);
  });
  const ready: SubscriptionEmulatorsReady = { accounts };
  process.send!(ready);
  process.once('disconnect', () => {
    void Promise.all([panda.close(), telestream.close(), ziggeo.close()]).then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(`subscription emulators: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
