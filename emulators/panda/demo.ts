import { Prng } from '../common/prng';
import { PRESETS } from './presets';
import { SOURCE_FAILED, type Failure, type PandaEmulatorAccount, type StoredProfile } from './records';
import type { PandaStore } from './store';

/** Fixed demo clouds: the first two share an access key, as a Panda account with two clouds does. */
export function demoPandaAccounts(): PandaEmulatorAccount[] {
  return [
    { accessKey: 'demo-panda-access-key-1', secretKey: 'demo-panda-secret-key-1', cloudId: 'dc0000000000000000000000000000a1', cloudName: 'eu-news' },
    { accessKey: 'demo-panda-access-key-1', secretKey: 'demo-panda-secret-key-1', cloudId: 'dc0000000000000000000000000000a2', cloudName: 'eu-sports' },
    { accessKey: 'demo-panda-access-key-2', secretKey: 'demo-panda-secret-key-2', cloudId: 'dc0000000000000000000000000000b1', cloudName: 'us-archive' },
  ];
}

const TITLES = [
  'Morning Briefing',
  'City Council Budget Vote',
  'Interview with the Head Coach',
  'Quarterly Results Keynote',
  'Storm Front Moves In',
  'Harbour Bridge Reopens',
  'Behind the Scenes at the Opera',
  'Election Night Recap',
  'Product Launch Livestream',
  'Match Highlights: Final',
  'Training Camp Day 3',
  'How to Bake Sourdough',
  'Museum Night Tour',
  'Tech Week Panel',
  'Marathon Finish Line',
  'Wildlife Rescue Update',
  'Press Conference Q&A',
  'Festival Main Stage',
  'Cycling Stage 12 Summary',
  'Space Launch Countdown',
  'Chef’s Table Episode 4',
  'Rooftop Garden Timelapse',
  'Startup Pitch Night',
  'Derby Day Preview',
  'Year in Review',
  'Ski Jump World Cup',
  'Jazz Trio Session',
  'Traffic Camera Timelapse',
  'Science Fair Winners',
  'Documentary Trailer',
];
const HOUR = 3_600_000;
const MINUTE = 60_000;

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The profiles of a demo cloud: the `h264` every cloud has, then webm, hls.variant, thumbnail and a custom one. */
function demoProfiles(store: PandaStore, cloudId: string, rng: Prng, at: number): StoredProfile[] {
  const h264 = store.findProfile(cloudId, 'h264')!;
  const add = (name: string, fields: Record<string, string | number | boolean | null>, days: number) =>
    store.addProfile(cloudId, name, fields, { id: rng.hex(16), at: at + days * 24 * HOUR });
  return [
    h264,
    add('webm', { preset_name: 'webm', ...PRESETS.webm }, 1),
    add('hls.variant', { preset_name: 'hls.variant', ...PRESETS['hls.variant'] }, 2),
    add('thumbnail', { preset_name: 'thumbnail', ...PRESETS.thumbnail }, 3),
    add(
      'archive-prores',
      {
        title: 'Archive (ProRes 422)',
        extname: '.mov',
        width: 1920,
        height: 1080,
        aspect_mode: 'preserve',
        command: 'ffmpeg -i $input_file$ -c:v prores_ks -profile:v 2 -c:a pcm_s16le $filters$ -y $output_file$',
      },
      4,
    ),
  ];
}

/** Cloud creation options that keep a demo cloud's own records (its h264 profile) the same on every start. */
export function demoCloudOptions(cloudId: string, now: number): { createdAt: number; h264Id: string } {
  return { createdAt: now - 400 * 24 * HOUR, h264Id: new Prng(`panda-demo-h264-${cloudId}`).hex(16) };
}

/**
 * A demo cloud (deterministic for a given cloud id and clock): 26–30 videos over the last days,
 * each with 1–3 encodings. The newest show every state, relative to the clock's now so that the
 * sandbox looks alive: a source still downloading, encodings queued, processing (progress moving
 * over the next minutes), succeeded, failed and cancelled; a few sources failed too.
 */
export function seedDemoCloud(store: PandaStore, cloudId: string): void {
  const rng = new Prng(`panda-demo-${cloudId}`);
  const now = store.now();
  const profiles = demoProfiles(store, cloudId, rng, now - 200 * 24 * HOUR);
  const state = store.cloud(cloudId)!;
  Object.assign(state.notifications, { url: `https://hooks.example.com/panda/${state.cloud.name}`, delay: 10 });
  Object.assign(state.notifications.events, { video_encoded: true, encoding_completed: true });

  const count = 26 + rng.int(5);
  const titles = [...TITLES];
  for (let i = titles.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [titles[i], titles[j]] = [titles[j]!, titles[i]!];
  }
  for (let i = 0; i < count; i++) {
    const title = titles[i % titles.length]!;
    const age = i === 0 ? 2 * MINUTE : i < 4 ? (8 + 9 * i) * MINUTE : (i * 3 + rng.int(3)) * HOUR + rng.int(HOUR);
    const createdAt = now - age;
    const sourceFailure: Failure | null =
      i === 6 || i === 15
        ? { errorClass: 'DownloadFailed', errorMessage: 'Panda was not able to download the file from the source_url (HTTP 404)' }
        : i === 22
          ? { errorClass: 'FormatNotRecognised', errorMessage: 'The file is not a valid video or audio file' }
          : null;
    const camera = rng.int(4) === 0;
    const filename = camera ? `${rng.pick(['IMG_', 'GOPR', 'MVI_', 'DSC_'])}${String(1000 + rng.int(9000))}.${rng.pick(['MOV', 'MP4'])}` : `${slug(title)}.mp4`;
    const video = store.addVideo(cloudId, {
      id: rng.hex(16),
      createdAt,
      // the newest is still being downloaded; the others took a minute or two
      readyAt: i === 0 ? now + 90_000 : createdAt + (30 + rng.int(120)) * 1000,
      failure: sourceFailure,
      sourceUrl: camera ? null : `https://media.example.com/${state.cloud.name}/${encodeURIComponent(filename)}`,
      originalFilename: filename,
      payload: rng.int(3) === 0 ? null : JSON.stringify({ title, cms_id: 40_000 + rng.int(60_000) }),
    });
    const n = i < 4 ? 2 : 1 + rng.int(3);
    for (let k = 0; k < n; k++) {
      const profile = profiles[(i + k * 2) % profiles.length]!;
      const durationMs = (3 + rng.int(10)) * MINUTE;
      const queued = Math.max(video.readyAt, createdAt + 20_000) + rng.int(60_000);
      let startsAt = queued;
      let failure: Failure | null | undefined;
      let cancelledAt: number | null = null;
      if (i === 1) startsAt = k === 0 ? now - Math.round(durationMs * 0.4) : now + 3 * MINUTE; // processing and queued
      if (i === 2 && k === 0) startsAt = now - Math.round(durationMs * 0.85);
      if (i === 3 && k === 0) cancelledAt = createdAt + 2 * MINUTE;
      if (profile.name === 'archive-prores' && i % 3 === 0) failure = { errorClass: 'CommandInvalid', errorMessage: 'Unknown encoder "prores_ks" in the profile command' };
      if (i === 9 && k === 0) failure = { errorClass: 'EncodingError', errorMessage: 'The encoding has failed: moov atom not found' };
      const endsAt = failure ? startsAt + Math.round(durationMs * 0.3) : sourceFailure ? startsAt : startsAt + durationMs;
      store.addEncoding(cloudId, video, profile, {
        id: rng.hex(16),
        at: createdAt + 1000 * k,
        startsAt,
        durationMs,
        endsAt,
        failure: failure ?? (sourceFailure ? SOURCE_FAILED : null),
        cancelledAt,
      });
    }
  }
}
