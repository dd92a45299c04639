import type { DailymotionEmulatorAccount, DailymotionStore } from '../../../emulators/dailymotion';
import { dmVectors } from '../../providers/dailymotion/vectors';

/** The vectors' user (an admin, so act-as works) and the user it acts as (spec §3.5, vector rpc/user.whoami-act-as). */
export function vectorAccounts(): DailymotionEmulatorAccount[] {
  const c = dmVectors().meta.constants;
  return [
    { userId: c.USER_ID, apiKey: c.API_KEY, username: 'vectors', admin: true },
    { userId: '4c1a4d3edede832bfd000099', apiKey: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c', username: 'johndoe' },
  ];
}

/** The media the vectors name, with a ready source and mp4 asset, so their calls succeed. */
export function seedVectorMedia(store: DailymotionStore, now: number): void {
  const c = dmVectors().meta.constants;
  const user = store.user(c.USER_ID);
  user.media.clear();
  const media = store.createMedia(user, now - 600_000, { id: c.MEDIA_ID, meta: { title: 'My title', category: 'news' } });
  store.setSource(media, 'http://upload-01.dmcloud.net/uploads/x.3gp', now - 600_000, true, 64);
  store.queueAsset(media, 'mp4_h264_aac', now - 600_000);
}
