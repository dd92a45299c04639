import { demoVideoBytes, MemoryMedia, PLACEHOLDER_JPEG } from './media';
import { Prng } from '../common/prng';
import type { StateName } from './states';
import type { AppState, StoredVideo, ZiggeoStore } from './store';

/**
 * Demo content for one application: 25 videos whose streams cover every state, and auth tokens.
 * Seeded by the application token, so two starts give the same tokens; times are relative to now.
 */

const DAY = 24 * 60 * 60 * 1000;
const TAGS = ['interview', 'onboarding', 'support', 'product', 'testimonial', 'internal'];
const SIZES: [number, number][] = [
  [640, 360],
  [1280, 720],
  [1920, 1080],
  [480, 640],
];
const DEVICES = [null, { browser: 'Chrome 120', media_source: 'record' }, { browser: 'Safari 17', media_source: 'upload' }, { browser: 'Firefox 121', media_source: 'screen' }];
/** The default stream's state, video by video: every state appears, READY most. */
const CYCLE: StateName[] = ['READY', 'READY', 'PROCESSING', 'READY', 'FAILED', 'EMPTY', 'READY', 'UPLOADING'];

function addStream(store: ZiggeoStore, prng: Prng, video: StoredVideo, state: StateName, created: number, now: number): void {
  const [width, height] = prng.pick(SIZES);
  const stream = store.newStream(video, created, { token: prng.hex(16), width, height });
  if (state === 'EMPTY') return;
  if (state === 'UPLOADING') {
    stream.uploading = true;
    return;
  }
  const bytes = demoVideoBytes(stream.token, 2048 + prng.int(4096));
  stream.video = new MemoryMedia(bytes, 'video/mp4');
  stream.duration = 5 + prng.int(170);
  if (state === 'PROCESSING') {
    stream.submitted = now - 30_000;
    stream.readyAt = now + (1 + prng.int(10)) * 60_000;
    return;
  }
  stream.submitted = created + 5_000;
  stream.readyAt = created + 20_000;
  stream.outcome = state === 'FAILED' ? 'FAILED' : 'READY';
  if (state === 'READY' && prng.int(3) === 0) stream.image = new MemoryMedia(PLACEHOLDER_JPEG, 'image/jpeg');
}

export function seedDemoData(store: ZiggeoStore, app: AppState, now: number): void {
  const prng = new Prng(`ziggeo-demo:${app.account.token}`);
  let created = now - 40 * DAY;
  for (let i = 0; i < 25; i++) {
    created += DAY + prng.int(DAY / 2);
    const tags = TAGS.filter(() => prng.int(4) === 0);
    const video = store.newVideo(app, created, {
      token: prng.hex(16),
      key: i % 3 === 0 ? `demo-${i + 1}` : null,
      tags: tags.length ? tags : null,
      deviceInfo: prng.pick(DEVICES),
      approved: i % 7 === 0 ? true : null,
      plays: prng.int(500),
    });
    // some videos were re-recorded: an older READY original, then the default stream
    if (i % 4 === 1) addStream(store, prng, video, 'READY', created, now);
    addStream(store, prng, video, CYCLE[i % CYCLE.length]!, created + 60_000, now);
    video.defaultStream = video.streams.at(-1)!.token;
    // and a few carry a spare stream that never got media, or failed
    if (i % 6 === 2) addStream(store, prng, video, i % 12 === 2 ? 'EMPTY' : 'FAILED', created + 120_000, now);
  }
  const tokens: [boolean, boolean, number | null, number | null, unknown][] = [
    [false, false, null, 10, { read: 'all' }],
    [false, true, Math.floor(now / 1000) + 30 * 86_400, 3600, { create: { session_owned: true }, read: { session_owned: true } }],
    [true, false, Math.floor(now / 1000) + 86_400, null, { read: 'all', create: 'all', update: 'all', destroy: 'all' }],
  ];
  for (const [volatile, hidden, expirationDate, usage, grants] of tokens) {
    const token = prng.hex(16);
    app.authTokens.set(token, { token, volatile, hidden, expirationDate, usageExpirationTime: usage, sessionLimit: usage === null ? null : 5, grants, created: now - DAY });
  }
}
