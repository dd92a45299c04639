import { Prng } from '../common/prng';
import type { PandaEmulatorAccount } from './index';
import type { PandaStore, StoredProfile } from './store';

/** Fixed demo clouds: two share an access key, as Panda accounts with several clouds do. */
export function demoPandaAccounts(): PandaEmulatorAccount[] {
  return [
    { accessKey: 'demo-panda-access-key-1', secretKey: 'demo-panda-secret-key-1', cloudId: 'dc0000000000000000000000000000a1', cloudName: 'eu-news' },
    { accessKey: 'demo-panda-access-key-1', secretKey: 'demo-panda-secret-key-1', cloudId: 'dc0000000000000000000000000000a2', cloudName: 'eu-sports' },
    { accessKey: 'demo-panda-access-key-2', secretKey: 'demo-panda-secret-key-2', cloudId: 'dc0000000000000000000000000000b1', cloudName: 'us-archive' },
  ];
}

const TOPICS = ['keynote', 'interview', 'match-highlights', 'product-demo', 'weather', 'tutorial', 'trailer', 'webinar', 'concert', 'press-briefing'];
const HOUR = 3600 * 1000;

/** ~28 videos per cloud over the last days, encodings in every state, a few failures (deterministic). */
export function seedDemoCloud(store: PandaStore, cloudId: string): void {
  const rng = new Prng(`panda-demo-${cloudId}`);
  const now = store.now();
  const at = now - 30 * 24 * HOUR;
  const profiles: StoredProfile[] = [store.findProfile(cloudId, 'h264')!];
  profiles.push(store.addProfile(cloudId, 'webm', { preset_name: 'webm', title: 'WebM (VP8)', extname: '.webm', width: 640, height: 480, video_bitrate: 500 }, at));
  profiles.push(store.addProfile(cloudId, 'hls', { preset_name: 'hls.variant', title: 'HLS 720p', extname: '.ts', width: 1280, height: 720, video_bitrate: 2000 }, at));
  profiles.push(store.addProfile(cloudId, 'thumbnails', { preset_name: 'thumbnail', title: 'Thumbnails', extname: '.jpg', frame_count: 7 }, at));
  profiles.push(store.addProfile(cloudId, 'archive-prores', { command: 'ffmpeg -i $input_file$ -c:v prores -y $output_file$', extname: '.mov', title: 'Archive (ProRes)' }, at));
  const state = store.cloud(cloudId)!;
  state.notifications.url = 'https://hooks.example.com/panda';
  state.notifications.delay = 10;
  state.notifications.events.video_encoded = true;

  const count = 26 + rng.int(5);
  for (let i = 0; i < count; i++) {
    const createdAt = now - (i * 5 + rng.int(5)) * HOUR - rng.int(HOUR);
    const fails = i % 11 === 7;
    const processing = i === 0;
    const name = `${rng.pick(TOPICS)}-${String(1000 + i)}.mp4`;
    const video = store.addVideo(cloudId, {
      id: rng.hex(16),
      createdAt,
      readyAt: processing ? now + 2 * 60_000 : createdAt + 60_000,
      fails,
      sourceUrl: `https://media.example.com/${cloudId.slice(-2)}/${name}`,
      originalFilename: name,
      payload: rng.int(3) === 0 ? `job-${rng.int(100000)}` : null,
      fileSize: 5_000_000 + rng.int(500_000_000),
      duration: (20 + rng.int(1800)) * 1000,
      width: rng.pick([640, 1280, 1920]),
      height: rng.pick([360, 720, 1080]),
    });
    const encodings = 1 + rng.int(3);
    for (let k = 0; k < encodings; k++) {
      const profile = profiles[(i + k) % 4]!;
      const encoding = store.addEncoding(cloudId, video, profile, video.readyAt);
      // the newest videos show every state: queued, processing, failed and cancelled
      if (i <= 2) {
        encoding.startsAt = k === 0 && i === 1 ? now + 10 * 60_000 : now - 60_000 * (1 + i);
        encoding.finishesAt = encoding.startsAt + 20 * 60_000;
      }
      if (i === 3 && k === 0) encoding.cancelled = true;
      if (i % 9 === 4 && k === 0) encoding.fails = true;
    }
  }
}
