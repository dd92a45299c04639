import {
  mapEncodingAs,
  mapNotifications,
  mapProfileAs,
  mapScopeAs,
  mapVideoAs,
  pandaVideoStatus,
  type EncodingRecordOf,
  type MapDialect,
  type PandaNotificationsRecord,
  type ProfileRecordOf,
  type ScopeRecordOf,
  type VideoRecordOf,
} from '../panda/map';
import type { WireEncoding, WireProfile, WireVideo } from '../panda/wire';
import type { WireFactory, WireNotifications } from './wire';

/** Telestream records are Panda's mapping under the Telestream kinds (telestream spec §5). */
const TELESTREAM: MapDialect<'Telestream'> = { provider: 'telestream', prefix: 'Telestream' };

export type TelestreamVideoRecord = VideoRecordOf<'TelestreamVideo'>;
export type TelestreamEncodingRecord = EncodingRecordOf<'TelestreamEncoding'>;
export type TelestreamProfileRecord = ProfileRecordOf<'TelestreamProfile'>;
export interface TelestreamFactoryRecord extends ScopeRecordOf<'TelestreamFactory'> {
  readonly uploadOriginalVideo: boolean | null;
}
export interface TelestreamNotificationsRecord extends Omit<PandaNotificationsRecord, 'kind'> {
  readonly kind: 'TelestreamNotifications';
  readonly sendVideoPayload: boolean | null;
}

/** Telestream's video statuses are Panda's (telestream spec §5). */
export const mapVideoStatus = pandaVideoStatus;
export const mapVideo = (accountId: string, v: WireVideo): TelestreamVideoRecord => mapVideoAs(TELESTREAM, accountId, v);
export const mapEncoding = (accountId: string, e: WireEncoding): TelestreamEncodingRecord => mapEncodingAs(TELESTREAM, accountId, e);
export const mapProfile = (accountId: string, p: WireProfile): TelestreamProfileRecord => mapProfileAs(TELESTREAM, accountId, p);
export const mapFactory = (accountId: string, f: WireFactory): TelestreamFactoryRecord => ({
  uploadOriginalVideo: f.upload_original_video ?? null,
  ...mapScopeAs(TELESTREAM, 'TelestreamFactory', accountId, f),
});

export function mapTelestreamNotifications(accountId: string, n: WireNotifications): TelestreamNotificationsRecord {
  const svp = n.send_video_payload;
  return {
    ...mapNotifications(accountId, n),
    kind: 'TelestreamNotifications',
    sendVideoPayload: svp === undefined || svp === null ? null : svp === true || svp === 'true',
  };
}
