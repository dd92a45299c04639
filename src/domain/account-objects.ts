/** Provider objects an account has beside its videos, as the generic graph reads them. */

/** The provider's own account object (Panda cloud, Telestream factory, Dailymotion user): `Account.details`, `node(id)`. */
export interface AccountDetailsRecord {
  /** Its GraphQL type, one of the `AccountDetails` union. */
  readonly kind: string;
  readonly id: string;
  readonly nativeId: string;
  readonly accountId: string;
}

/** An account's notification (webhook) settings, one of the `Notifications` union. */
export interface NotificationsRecord {
  readonly kind: string;
  readonly accountId: string;
}

/** Notification settings to change; absent values stay, a null `url` removes it. */
export interface NotificationsUpdate {
  readonly url?: string | null;
  readonly delay?: number | null;
  readonly events?: {
    readonly videoCreated?: boolean | null;
    readonly videoEncoded?: boolean | null;
    readonly encodingProgress?: boolean | null;
    readonly encodingCompleted?: boolean | null;
  } | null;
}

/** Settings of an encoding profile a provider creates or changes (Panda, Telestream). */
export interface ProfileSettings {
  readonly presetName?: string | null;
  readonly command?: string | null;
  readonly name?: string | null;
  readonly title?: string | null;
  readonly extname?: string | null;
  readonly width?: number | null;
  readonly height?: number | null;
  readonly videoBitrate?: number | null;
  readonly audioBitrate?: number | null;
  readonly aspectMode?: string | null;
  readonly upscale?: boolean | null;
  readonly twoPass?: boolean | null;
  readonly fps?: number | null;
  readonly keyframeInterval?: number | null;
  readonly audioSampleRate?: number | null;
  readonly audioChannels?: number | null;
  readonly frameCount?: number | null;
  readonly watermarkUrl?: string | null;
}
