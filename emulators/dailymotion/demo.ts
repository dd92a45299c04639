import { Prng } from '../common/prng';
import type { DailymotionStore, StoredAsset, StoredMedia, UserState } from './store';

/** Demo media for the sandbox: the same on every start, times relative to the clock's now. */

export const DEMO_MEDIA_PER_USER = 25;

const TOPICS = ['Product launch', 'Match highlights', 'Studio session', 'How to', 'Morning news', 'Conference talk', 'Travel diary', 'Behind the scenes'];
const CATEGORIES = ['news', 'sports', 'music', 'tutorial'];
const AUTHORS = ['Alice Martin', 'Bruno Petit', 'Chloé Durand', 'David Leroy'];

/** The situations every demo user shows, cycled: each asset state appears several times. */
const SCENARIOS = ['ready', 'ready', 'ready', 'processing', 'pending', 'source-error', 'one-failed', 'no-source', 'source-pending'] as const;
type Scenario = (typeof SCENARIOS)[number];

function asset(name: string, queuedAt: number, startAt: number | null, readyAt: number | null, outcome: 'ready' | 'error', url: string | null = null): StoredAsset {
  return { name, queuedAt, startAt, readyAt, outcome, url };
}

function dress(store: DailymotionStore, m: StoredMedia, scenario: Scenario, now: number, index: number, prng: Prng): void {
  const p = store.processingMs;
  const t = m.created;
  const url = `http://upload-01.dmcloud.net/uploads/${m.id}.mp4`;
  const encodings = ['mp4_h264_aac', 'jpeg_thumbnail_medium', ...(prng.next() < 0.5 ? ['mp4_h264_aac_hq'] : []), ...(prng.next() < 0.3 ? ['flv_h263_mp3'] : [])];
  const put = (a: StoredAsset) => m.assets.set(a.name, a);
  const later = now + (index + 1) * p; // in-flight work finishes one after another as the clock runs
  m.sourceSize = Math.round(m.durationSec * 250_000);
  switch (scenario) {
    case 'no-source':
      return;
    case 'source-pending':
      put(asset('source', now - 1000, later, later + p, 'ready', url));
      for (const name of encodings) put(asset(name, now - 1000, null, null, 'ready'));
      return;
    case 'pending':
      put(asset('source', t, now - p, later, 'ready', url));
      for (const name of encodings) put(asset(name, t, later, later + p, 'ready'));
      return;
    case 'source-error':
      put(asset('source', t, t + 1000, t + 5000, 'error', url));
      for (const name of encodings) put(asset(name, t, t + 5000, t + 5000, 'error'));
      return;
    default: {
      put(asset('source', t, t + 1000, t + 5000, 'ready', url));
      encodings.forEach((name, i) => {
        const failed = scenario === 'one-failed' && i === encodings.length - 1;
        const running = scenario === 'processing' && i === 0;
        put(asset(name, t + 5000, running ? now - p / 2 : t + 5000, running ? later : t + 60_000, failed ? 'error' : 'ready'));
      });
      if (scenario === 'ready') for (let h = prng.int(6); h > 0; h--) m.hits.push(now - prng.int(7 * 86_400_000));
    }
  }
}

/** ~25 media per user, newest about an hour ago, one every few hours before that. */
export function seedDemoData(store: DailymotionStore, user: UserState, now: number): void {
  const prng = new Prng(`demo:${user.account.userId}`);
  let created = now - 3_600_000;
  for (let i = 0; i < DEMO_MEDIA_PER_USER; i++) {
    created -= 3_600_000 + prng.int(6 * 3_600_000);
    created -= created % 1000; // whole seconds, as the API reports them
    const id =
      Math.floor(created / 1000)
        .toString(16)
        .padStart(8, '0') + prng.hex(8);
    const meta = {
      title: `${prng.pick(TOPICS)} ${i + 1}`,
      category: prng.pick(CATEGORIES),
      author: prng.pick(AUTHORS),
    };
    const m = store.createMedia(user, created, { id, meta });
    dress(store, m, SCENARIOS[i % SCENARIOS.length]!, now, i, prng);
  }
}
