import { MemoryMedia, type ZiggeoStore } from '../../../emulators/ziggeo';
import { ziggeoVectors } from '../../providers/ziggeo/vectors';

/** The objects the vectors' requests name (ziggeo spec §6 examples), seeded into every application. */
export const VECTOR_VIDEO = 'a7edab8c635ec37047d8ae75411528e3';
export const VECTOR_VIDEO_KEY = 'interview-42';
export const VECTOR_STREAM = 'd751140b4e1cf0a243f32092f6110296';
export const VECTOR_EMPTY_STREAM = '5e2a1c0b9f8e7d6c5b4a392817160504';
export const VECTOR_AUTH_TOKEN = 'e2b1a5d5f00c4c2e8a3e1f9b7c6d5e4f';

export function vectorAccounts() {
  const { credentials } = ziggeoVectors().about;
  return [
    { token: credentials.app_token, privateKey: credentials.private_key, encryptionKey: credentials.encryption_key },
    { token: credentials.eu_app_token, privateKey: credentials.private_key, encryptionKey: credentials.encryption_key },
  ];
}

export function fixtureBytes(name: 'video.mp4' | 'cover.png'): Buffer {
  return Buffer.from(ziggeoVectors().about.fixtures[`${name}_base64`], 'base64');
}

/** Resets every application to: the vectors' video (a READY default stream and an EMPTY one) and auth token. */
export function seedVectorFixtures(store: ZiggeoStore, now: number): void {
  store.uploads.clear();
  for (const app of store.apps.values()) {
    app.videos.clear();
    app.authTokens.clear();
    const video = store.newVideo(app, now - 120_000, { token: VECTOR_VIDEO, key: VECTOR_VIDEO_KEY, tags: ['a'] });
    const ready = store.newStream(video, now - 120_000, { token: VECTOR_STREAM });
    store.attachVideo(video, ready, new MemoryMedia(fixtureBytes('video.mp4'), 'video/mp4'), now - 120_000);
    ready.readyAt = now - 60_000;
    store.newStream(video, now - 30_000, { token: VECTOR_EMPTY_STREAM });
    app.authTokens.set(VECTOR_AUTH_TOKEN, {
      token: VECTOR_AUTH_TOKEN,
      volatile: false,
      hidden: false,
      expirationDate: 1735689600,
      usageExpirationTime: 3600,
      sessionLimit: 10,
      grants: { read: 'all' },
      created: now - 120_000,
    });
  }
}
