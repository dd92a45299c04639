/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An operation an account’s provider supports; others answer UNSUPPORTED_BY_PROVIDER. */
export type Capability =
  /** Cancel a queued or running encoding. */
  | 'CANCEL_ENCODING'
  /** Create an encoding of a video with a profile. */
  | 'CREATE_ENCODING'
  /** Create a video from a source URL the provider fetches. */
  | 'CREATE_VIDEO_FROM_URL'
  /** Delete an encoding. */
  | 'DELETE_ENCODING'
  /** Delete a video and its encodings. */
  | 'DELETE_VIDEO'
  /** Delete only a video’s source file, keeping its encodings. */
  | 'DELETE_VIDEO_SOURCE'
  /** `createUploadTicket`: a browser uploads straight to the provider. */
  | 'DIRECT_UPLOAD'
  /** Read a video’s encodings. */
  | 'ENCODINGS'
  /** Filter the video list by status upstream. */
  | 'FILTER_VIDEOS_BY_STATUS'
  /** List videos page by page. */
  | 'LIST_VIDEOS'
  /** Create, update and delete encoding profiles. */
  | 'MANAGE_PROFILES'
  /** Read and change the provider’s notification (webhook) settings. */
  | 'NOTIFICATIONS'
  /** Read encoding profiles. */
  | 'PROFILES'
  /** Resumable upload sessions. */
  | 'RESUMABLE_UPLOAD'
  /** Retry a failed encoding. */
  | 'RETRY_ENCODING'
  /** Sign parameters so a browser can upload straight to the provider. */
  | 'SIGNED_UPLOAD_PARAMS'
  /** `uploadVideo`: a file streamed through the gateway. */
  | 'UPLOAD_FILE'
  /** Read the technical metadata extracted from the source file. */
  | 'VIDEO_METADATA';

/** A direct upload the browser has finished. */
export type CompleteUploadInput = {
  /** The ticket’s id. */
  ticket: string | number;
  /** Dailymotion: the `url` the upload server answered. */
  uploadedUrl?: string | null | undefined;
  /** Telestream: the `id` of the video the last part answered. */
  videoId?: string | null | undefined;
};

/** How `countries` applies. */
export type CountriesMode =
  /** Only these countries. */
  | 'ALLOW'
  /** Everywhere but these countries. */
  | 'DENY';

/** A new encoding of a video: give exactly one of `profile` and `profileName`. */
export type CreateEncodingInput = {
  /** Global id of the profile (same account as the video). */
  profile?: string | number | null | undefined;
  /** Name of the profile, e.g. `h264`. */
  profileName?: string | null | undefined;
  /** Global id of the video to encode. */
  video: string | number;
};

/** A new profile: from a preset (`presetName`) or a custom encoder `command`. */
export type CreateProfileInput = {
  /** Account to create the profile in. */
  account: string | number;
  /** preserve, constrain, letterbox (default), pad or crop. */
  aspectMode?: string | null | undefined;
  /** Audio bitrate in kbit/s. */
  audioBitrate?: number | null | undefined;
  /** Audio channels. */
  audioChannels?: number | null | undefined;
  /** Audio sample rate in Hz (default 44100). */
  audioSampleRate?: number | null | undefined;
  /** Custom encoder command (tokens such as `$input_file$`); needs `extname`. */
  command?: string | null | undefined;
  /** Extension of the output, e.g. `.mp4` (required with `command`). */
  extname?: string | null | undefined;
  /** Output frames per second. */
  fps?: number | null | undefined;
  /** Thumbnails per video (default 7). */
  frameCount?: number | null | undefined;
  /** Output height in pixels. */
  height?: number | null | undefined;
  /** Frames between key frames (default 250). */
  keyframeInterval?: number | null | undefined;
  /** Unique machine name in the account, e.g. `h264-720p`. */
  name?: string | null | undefined;
  /** Panda preset: h264, h264.hi, webm, webm.hi, ogg, ogg.hi, hls.variant, hls.variant.audio, hls.variant.playlist, hss, mp3, aac, vorbis, thumbnail. */
  presetName?: string | null | undefined;
  /** Human-readable title. */
  title?: string | null | undefined;
  /** Two-pass encoding. */
  twoPass?: boolean | null | undefined;
  /** Whether smaller sources are scaled up (default true). */
  upscale?: boolean | null | undefined;
  /** Video bitrate in kbit/s. */
  videoBitrate?: number | null | undefined;
  /** URL of a watermark image. */
  watermarkUrl?: string | null | undefined;
  /** Output width in pixels. */
  width?: number | null | undefined;
};

/** A file a browser is about to upload straight to the provider. */
export type CreateUploadTicketInput = {
  /** Account to upload into. */
  account: string | number;
  /** Name of the file being uploaded. */
  fileName: string;
  /** Exact size of the file in bytes. */
  fileSize: number;
  /** Panda/Telestream storage path format. */
  pathFormat?: string | null | undefined;
  /** Free text stored with the video (Panda, Telestream, Dailymotion). */
  payload?: string | null | undefined;
  /** Profile (preset) names to encode with; `[]` for none; absent: the provider’s default (Panda: every profile of the cloud). Not for Ziggeo. */
  profiles?: Array<string> | null | undefined;
  /** Title (Dailymotion only). */
  title?: string | null | undefined;
};

/** A video the provider fetches from a URL. */
export type CreateVideoInput = {
  /** Account to create the video in. */
  account: string | number;
  /** Panda/Telestream storage path format, e.g. `:date/:id` (default `:id`). */
  pathFormat?: string | null | undefined;
  /** Free text stored with the video (Panda: at most 256 characters). */
  payload?: string | null | undefined;
  /** Profile names or native ids to encode with; `[]` for none; absent: the provider’s default (Panda: every profile of the cloud). */
  profiles?: Array<string> | null | undefined;
  /** http(s) URL of the source file; the provider downloads it. */
  sourceUrl: string;
};

/** A new server-side Ziggeo auth token. */
export type CreateZiggeoAuthTokenInput = {
  /** Ziggeo account to create the token in. */
  account: string | number;
  /** When the token stops working (in the future); `null` on update clears it. */
  expiresAt?: string | null | undefined;
  /** What the token allows: keys `read`, `create`, `update`, `destroy`; values `"all"` or `{resources: [token…], session_owned: bool}`. */
  grants?: Record<string, unknown> | null | undefined;
  /** Hide the token from the dashboard’s listing. */
  hidden?: boolean | null | undefined;
  /** How many sessions may use the token (≥ 1). */
  sessionLimit?: number | null | undefined;
  /** Seconds one session may use the token (≥ 1). */
  usageExpirationTime?: number | null | undefined;
  /** Volatile tokens are removed once unused for a while. */
  volatile?: boolean | null | undefined;
};

/** A client auth token the gateway encrypts itself (ziggeo spec §8). */
export type CreateZiggeoClientAuthTokenInput = {
  /** Ziggeo account whose encryption key signs the token. */
  account: string | number;
  /** When the token stops working (in the future); `null` on update clears it. */
  expiresAt?: string | null | undefined;
  /** What the token allows: keys `read`, `create`, `update`, `destroy`; values `"all"` or `{resources: [token…], session_owned: bool}`. */
  grants?: Record<string, unknown> | null | undefined;
  /** Hide the token from the dashboard’s listing. */
  hidden?: boolean | null | undefined;
  /** How many sessions may use the token (≥ 1). */
  sessionLimit?: number | null | undefined;
  /** Seconds one session may use the token (≥ 1). */
  usageExpirationTime?: number | null | undefined;
  /** Volatile tokens are removed once unused for a while. */
  volatile?: boolean | null | undefined;
};

/** A new Ziggeo video without media (a recorder or a later upload fills its stream). */
export type CreateZiggeoVideoInput = {
  /** Ziggeo account to create the video in. */
  account: string | number;
  /** The application’s own unique key (URL-safe characters). */
  key?: string | null | undefined;
  /** Maximum recording duration in seconds. */
  maxDuration?: number | null | undefined;
  /** Minimum recording duration in seconds. */
  minDuration?: number | null | undefined;
  /** Tags (no commas). */
  tags?: Array<string> | null | undefined;
  /** Volatile videos are removed unless they get media. */
  volatile?: boolean | null | undefined;
};

/** One asset to set on a media. */
export type DailymotionAssetInput = {
  /** Preset (asset) name, e.g. `mp4_h264_aac`; `source` sets the original and needs `url`. */
  name: string;
  /** http(s) URL to take the asset from; absent: encoded from the source. */
  url?: string | null | undefined;
};

/** Narrows a Dailymotion media list or count; applied upstream by CloudKey (`filter`). */
export type DailymotionMediaFilter = {
  /** Created before this time (whole seconds). */
  createdBefore?: string | null | undefined;
  /** Created at or after this time (whole seconds). */
  createdFrom?: string | null | undefined;
  /** Meta keys that must have exactly these values. */
  meta?: Array<DailymotionMetaEntryInput> | null | undefined;
};

/** Order of a Dailymotion media list, applied upstream (`sort`). */
export type DailymotionMediaOrder =
  /** Oldest first. */
  | 'CREATED_ASC'
  /** Newest first. */
  | 'CREATED_DESC'
  /** By `meta.title`, A to Z. */
  | 'TITLE_ASC'
  /** By `meta.title`, Z to A. */
  | 'TITLE_DESC';

/** One meta key and its value. */
export type DailymotionMetaEntryInput = {
  /** Meta key: letters, digits, `_` and `-`, at most 64 characters. */
  key: string;
  /** The value (at most 10 000 characters). */
  value: string;
};

/** A DRM token for one media. */
export type DrmTokenInput = {
  /** URL the DRM service calls back. */
  callbackUrl?: string | null | undefined;
  /** Expiry; default ten minutes from now. */
  expiresAt?: string | null | undefined;
  /** How many times the token may be replayed. */
  maxReplay?: number | null | undefined;
  /** Global id of the media. */
  media: string | number;
  /** Metadata carried in the token. */
  meta?: Record<string, unknown> | null | undefined;
  /** Rights granted (provider-defined keys). */
  rights?: Record<string, unknown> | null | undefined;
};

/** A signed player (embed) URL of one media. */
export type EmbedUrlInput = {
  /** Global id of the media. */
  media: string | number;
  /** Restrictions and expiry. */
  policy?: SecurityPolicyInput | null | undefined;
  /** https player URL. */
  secure?: boolean | null | undefined;
  /** Player skin name. */
  skin?: string | null | undefined;
};

/** Normalized status of an encoding (rendition); `progress` tells how far it is. */
export type EncodingStatus =
  /** Cancelled before it finished. */
  | 'CANCELLED'
  /** Encoding failed; see the provider’s error fields. */
  | 'FAILED'
  /** Being encoded; `progress` grows from 0 to 100. */
  | 'PROCESSING'
  /** Waiting for an encoder. */
  | 'QUEUED'
  /** Encoded; the output files exist. */
  | 'READY'
  /** The provider reported a status vidmesh does not know; see `rawStatus`. */
  | 'UNKNOWN';

/** Event flags to change; absent flags stay as they are. */
export type NotificationEventsInput = {
  /** Post `encoding-complete`. */
  encodingCompleted?: boolean | null | undefined;
  /** Post `encoding-progress`. */
  encodingProgress?: boolean | null | undefined;
  /** Post `video-created`. */
  videoCreated?: boolean | null | undefined;
  /** Post `video-encoded`. */
  videoEncoded?: boolean | null | undefined;
};

/** Encoding settings of a profile; absent fields keep the provider’s default or current value. */
export type ProfileSettingsInput = {
  /** preserve, constrain, letterbox (default), pad or crop. */
  aspectMode?: string | null | undefined;
  /** Audio bitrate in kbit/s. */
  audioBitrate?: number | null | undefined;
  /** Audio channels. */
  audioChannels?: number | null | undefined;
  /** Audio sample rate in Hz (default 44100). */
  audioSampleRate?: number | null | undefined;
  /** Extension of the output, e.g. `.mp4` (required with `command`). */
  extname?: string | null | undefined;
  /** Output frames per second. */
  fps?: number | null | undefined;
  /** Thumbnails per video (default 7). */
  frameCount?: number | null | undefined;
  /** Output height in pixels. */
  height?: number | null | undefined;
  /** Frames between key frames (default 250). */
  keyframeInterval?: number | null | undefined;
  /** Unique machine name in the account, e.g. `h264-720p`. */
  name?: string | null | undefined;
  /** Human-readable title. */
  title?: string | null | undefined;
  /** Two-pass encoding. */
  twoPass?: boolean | null | undefined;
  /** Whether smaller sources are scaled up (default true). */
  upscale?: boolean | null | undefined;
  /** Video bitrate in kbit/s. */
  videoBitrate?: number | null | undefined;
  /** URL of a watermark image. */
  watermarkUrl?: string | null | undefined;
  /** Output width in pixels. */
  width?: number | null | undefined;
};

/** The video providers vidmesh federates. */
export type Provider =
  /** Dailymotion Cloud (CloudKey), JSON-RPC. */
  | 'DAILYMOTION'
  /** Panda (pandastream) REST API v2. */
  | 'PANDA'
  /** Telestream Cloud (Flip), Panda’s successor. */
  | 'TELESTREAM'
  /** Ziggeo REST API v1. */
  | 'ZIGGEO';

/** Meta keys to remove from a media; absent keys are ignored. */
export type RemoveDailymotionMetaInput = {
  /** Keys, 1 to 100. */
  keys: Array<string>;
  /** Global id of the media. */
  media: string | number;
};

/** A restriction a signed URL carries; each level except DELEGATE and USEONCE needs its value in the policy. */
export type SecurityLevel =
  /** Only viewers in the AS number `asnum`. */
  | 'ASNUM'
  /** Only (or, with DENY, except) viewers in `countries`. */
  | 'COUNTRY'
  /** The first viewer’s values (IP, AS number, …) lock the URL. */
  | 'DELEGATE'
  /** Only the viewer at `ip`. */
  | 'IP'
  /** Only pages under `referers` (a missing Referer passes). */
  | 'REFERER'
  /** Only pages under `referers`; a missing Referer fails. */
  | 'REFERER_STRICT'
  /** The URL works once. */
  | 'USEONCE'
  /** Only the browser sending `userAgent`. */
  | 'USERAGENT';

/** Who may use a signed URL, and until when. */
export type SecurityPolicyInput = {
  /** AS number, for ASNUM. */
  asnum?: string | null | undefined;
  /** Two-letter country codes, for COUNTRY. */
  countries?: Array<string> | null | undefined;
  /** ALLOW (default) or DENY `countries`. */
  countriesMode?: CountriesMode | null | undefined;
  /** When the URL stops working; default two hours from now. */
  expiresAt?: string | null | undefined;
  /** Viewer IP address, for IP. */
  ip?: string | null | undefined;
  /** Restrictions; none: anyone until `expiresAt`. */
  levels?: Array<SecurityLevel> | null | undefined;
  /** Allowed referer URL prefixes, for REFERER and REFERER_STRICT. */
  referers?: Array<string> | null | undefined;
  /** Viewer User-Agent header, for USERAGENT. */
  userAgent?: string | null | undefined;
};

/** Assets to add to (or redo on) a media; they appear as its encodings. */
export type SetDailymotionAssetsInput = {
  /** Assets, 1 to 20, each preset once. */
  assets: Array<DailymotionAssetInput>;
  /** Global id of the media. */
  media: string | number;
};

/** Meta keys to add or overwrite on a media; other keys stay. */
export type SetDailymotionMetaInput = {
  /** Global id of the media. */
  media: string | number;
  /** Keys and values, 1 to 100. */
  meta: Array<DailymotionMetaEntryInput>;
};

/** One encoding setting of a preset for an account, e.g. audio bitrate `abitrate` = `128`. */
export type SetDailymotionPresetSettingInput = {
  /** The Dailymotion account. */
  account: string | number;
  /** Preset (asset) name. */
  preset: string;
  /** Setting name (letters, digits, _). */
  setting: string;
  /** The value, at most 256 characters. */
  value: string;
};

/** A new thumbnail for a media: from an image URL or from a frame of the video. Give exactly one of `url` and `timecode`. */
export type SetDailymotionThumbnailInput = {
  /** With `timecode`: redo the thumbnails even if they exist. */
  force?: boolean | null | undefined;
  /** Global id of the media. */
  media: string | number;
  /** Frame time `HH:MM:SS` or `HH:MM:SS.mm`. */
  timecode?: string | null | undefined;
  /** http(s) URL of a JPEG image. */
  url?: string | null | undefined;
};

/** The file a browser is about to upload straight to the provider. */
export type SignUploadInput = {
  /** Account to upload into. */
  account: string | number;
  /** Name of the file being uploaded. */
  fileName: string;
  /** Exact size of the file in bytes. */
  fileSize: number;
  /** Free text stored with the video. */
  payload?: string | null | undefined;
  /** Profile names to encode with; `[]` for none. */
  profiles?: Array<string> | null | undefined;
};

/** Direction of an order. */
export type SortDirection =
  /** Smallest (oldest) first. */
  | 'ASC'
  /** Largest (newest) first. */
  | 'DESC';

/** Delivery protocol of a stream URL (adaptive presets need one). */
export type StreamProtocol =
  /** MPEG-DASH. */
  | 'DASH'
  /** Adobe HTTP Dynamic Streaming. */
  | 'HDS'
  /** Apple HTTP Live Streaming. */
  | 'HLS'
  /** HTTP progressive streaming. */
  | 'HPS'
  /** Progressive download. */
  | 'HTTP'
  /** Flash RTMP. */
  | 'RTMP'
  /** Microsoft Smooth Streaming. */
  | 'SS';

/** A signed stream URL of one media asset. */
export type StreamUrlInput = {
  /** Asset (preset) name; default `mp4_h264_aac`. */
  assetName?: string | null | undefined;
  /** A download URL rather than a stream. */
  download?: boolean | null | undefined;
  /** File name offered to the downloader. */
  filename?: string | null | undefined;
  /** Global id of the media. */
  media: string | number;
  /** Restrictions and expiry. */
  policy?: SecurityPolicyInput | null | undefined;
  /** Delivery protocol. */
  protocol?: StreamProtocol | null | undefined;
};

/** New notification settings of an account. */
export type UpdateNotificationsInput = {
  /** The account. */
  account: string | number;
  /** Initial notification delay in seconds. */
  delay?: number | null | undefined;
  /** Which events to post. */
  events?: NotificationEventsInput | null | undefined;
  /** http(s) URL to post events to; explicit null removes it; absent keeps it. */
  url?: string | null | undefined;
};

/** Changes to a Ziggeo auth token; absent fields stay. */
export type UpdateZiggeoAuthTokenInput = {
  /** When the token stops working (in the future); `null` on update clears it. */
  expiresAt?: string | null | undefined;
  /** What the token allows: keys `read`, `create`, `update`, `destroy`; values `"all"` or `{resources: [token…], session_owned: bool}`. */
  grants?: Record<string, unknown> | null | undefined;
  /** Hide the token from the dashboard’s listing. */
  hidden?: boolean | null | undefined;
  /** Global id of the ZiggeoAuthToken. */
  id: string | number;
  /** How many sessions may use the token (≥ 1). */
  sessionLimit?: number | null | undefined;
  /** Seconds one session may use the token (≥ 1). */
  usageExpirationTime?: number | null | undefined;
  /** Volatile tokens are removed once unused for a while. */
  volatile?: boolean | null | undefined;
};

/** Changes to a Ziggeo video; absent fields stay, `null` clears where said. */
export type UpdateZiggeoVideoInput = {
  /** Moderation: approve (true) or reject (false); `null` resets. */
  approved?: boolean | null | undefined;
  /** Days until Ziggeo deletes the video; `null` clears it. */
  expirationDays?: number | null | undefined;
  /** Day Ziggeo deletes the video, `YYYY-MM-DD`; `null` clears it. */
  expireOn?: string | null | undefined;
  /** Global id of the ZiggeoVideo. */
  id: string | number;
  /** New unique key (URL-safe characters). */
  key?: string | null | undefined;
  /** Maximum recording duration in seconds. */
  maxDuration?: number | null | undefined;
  /** Minimum recording duration in seconds. */
  minDuration?: number | null | undefined;
  /** New tags (no commas); `null` or `[]` clears them. */
  tags?: Array<string> | null | undefined;
  /** Whether the video is volatile. */
  volatile?: boolean | null | undefined;
};

/** Where an upload through the gateway stands. */
export type UploadState =
  /** The provider has the whole file and created the video. */
  | 'COMPLETED'
  /** The upload ended with an error; the provider keeps nothing of it. */
  | 'FAILED'
  /** Reading the file from the client (spooling it to disk when no `fileSize` was declared). */
  | 'RECEIVING'
  /** Sending the file to the provider. */
  | 'SENDING';

/** How a browser sends the file with an upload ticket. */
export type UploadTicketProtocol =
  /** Dailymotion, Ziggeo: one `multipart/form-data` `POST url` with `fields` in order, then the file as `fileField`. */
  | 'MULTIPART_FORM'
  /** Telestream: part i (bytes i·partSize up to (i+1)·partSize) as `POST url` with `X-Part: i` and `Content-Type: application/octet-stream`; `GET url` lists `missing_parts`. The last part answers the video. */
  | 'MULTI_PART_SESSION'
  /** Panda: `POST url` with `Content-Type: application/octet-stream` and `Content-Range: bytes S-E/fileSize` per chunk; `Content-Range: bytes *\/fileSize` with no body asks how much arrived (`Range: 0-N`). */
  | 'RESUMABLE_SESSION';

/** A file to upload through the gateway (GraphQL multipart request), and the video to create from it. */
export type UploadVideoInput = {
  /** Account to upload into. */
  account: string | number;
  /** The file, as a part of the multipart request. */
  file: unknown;
  /** Exact size in bytes. Given, the file streams straight to the provider; absent, it is first spooled to a temporary file on disk. */
  fileSize?: number | null | undefined;
  /** Panda/Telestream storage path format, e.g. `:date/:id`. */
  pathFormat?: string | null | undefined;
  /** Free text stored with the video (Panda, Telestream: `payload`; Dailymotion: `meta.payload`). */
  payload?: string | null | undefined;
  /** Profile (preset) names to encode with; `[]` for none; absent: the provider’s default (Panda: every profile of the cloud). Not for Ziggeo. */
  profiles?: Array<string> | null | undefined;
  /** Title (Dailymotion `meta.title`, default the file name). Panda and Telestream take the file name; Ziggeo has none. */
  title?: string | null | undefined;
  /** An id of your choosing (8–64 of `A-Za-z0-9_-`) to follow the upload with `uploadSession` while it runs; a random one otherwise. */
  uploadId?: string | null | undefined;
};

/** Narrows a video listing; all given conditions hold. Each field says where it is applied per provider. */
export type VideoFilter = {
  /** Only videos created at or after this time. Upstream at Dailymotion (`filter` on `created`); in the gateway elsewhere, where the listing stops at the first older video (newest first) or skips the older ones (oldest first). */
  createdAfter?: string | null | undefined;
  /** Only videos created strictly before this time. Upstream at Dailymotion; in the gateway elsewhere, where newer videos are read and skipped (newest first) or the listing stops (oldest first). */
  createdBefore?: string | null | undefined;
  /** Only videos in this status. Upstream at Panda/Telestream (`status`; statuses they never report match nothing, without a call) and Ziggeo (`states`); in the gateway at Dailymotion, whose status is derived from the assets (its pages are scanned). */
  status?: VideoStatus | null | undefined;
  /** Only videos with every one of these tags. Upstream at Ziggeo (`tags`); videos of the other providers have no tags and match nothing, without a call. */
  tags?: Array<string> | null | undefined;
  /** Only videos whose title contains this text, ignoring case. In the gateway for every provider (none searches titles upstream; Panda/Telestream titles are file names, Ziggeo’s the video key): the pages are scanned. */
  titleContains?: string | null | undefined;
};

/** Order of a video listing. */
export type VideoOrder = {
  /** The direction. */
  direction?: SortDirection;
  /** The key. */
  field?: VideoSortField;
};

/** What videos can be ordered by across accounts: the keys the providers sort on upstream. Panda and Telestream sort by nothing but creation time, Ziggeo only reverses it. */
export type VideoSortField =
  /** Creation time. Upstream at Dailymotion (`sort`) and Ziggeo (`reverse`); Panda/Telestream list newest first only, so oldest first reads their list from its end (a few extra page probes). */
  | 'CREATED_AT'
  /** Title (`meta.title`), missing titles first ascending. Dailymotion only (`sort`); other accounts answer UNSUPPORTED_BY_PROVIDER, since ordering them would mean reading every video. The created range is then applied in the gateway without stopping early. */
  | 'TITLE';

/** Normalized status of a video’s source; the provider’s own value is in `rawStatus`. */
export type VideoStatus =
  /** The source could not be fetched or processed; see the provider’s error fields. */
  | 'FAILED'
  /** Created, waiting for its source file. */
  | 'PENDING'
  /** The source is being fetched or analysed. */
  | 'PROCESSING'
  /** The source is stored and usable. */
  | 'READY'
  /** The provider reported a status vidmesh does not know; see `rawStatus`. */
  | 'UNKNOWN'
  /** The source file is being uploaded. */
  | 'UPLOADING';

/** Narrows a Ziggeo video index or count; both filters are applied by Ziggeo. */
export type ZiggeoVideoFilter = {
  /** Only videos in one of these Ziggeo states (`rawStatus` names such as READY, PROCESSING). */
  states?: Array<string> | null | undefined;
  /** Only videos carrying every one of these tags. */
  tags?: Array<string> | null | undefined;
};

export type AccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsQuery = { accounts: Array<{ id: string, provider: Provider, capabilities: Array<Capability> }> };

export type AccountDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountDetailsQuery = { account: { id: string, provider: Provider, details:
      | { id: string, nativeId: string, name: string | null, url: string | null, s3VideosBucket: string | null }
      | Record<PropertyKey, never>
     | null, notifications:
      | { url: string | null, delay: number | null, events: { videoCreated: boolean, videoEncoded: boolean, encodingProgress: boolean, encodingCompleted: boolean } }
      | Record<PropertyKey, never>
     | null } };

export type AccountProfilesQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type AccountProfilesQuery = { account: { profiles: { nodes: Array<
        | { id: string, nativeId: string, name: string, title: string | null, extname: string | null }
        | { presetName: string | null, videoBitrate: number | null, id: string, nativeId: string, name: string, title: string | null, extname: string | null }
        | { id: string, nativeId: string, name: string, title: string | null, extname: string | null }
      >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type UpdateNotificationsMutationVariables = Exact<{
  input: UpdateNotificationsInput;
}>;


export type UpdateNotificationsMutation = { updateNotifications: { notifications:
      | { url: string | null, delay: number | null, events: { videoCreated: boolean, videoEncoded: boolean, encodingProgress: boolean, encodingCompleted: boolean } }
      | Record<PropertyKey, never>
     } | null };

export type SignUploadMutationVariables = Exact<{
  input: SignUploadInput;
}>;


export type SignUploadMutation = { signUpload: { url: string, method: string, expiresAt: string, params: Array<{ name: string, value: string }> } | null };

export type DailymotionAccountQueryVariables = Exact<{
  id: string | number;
  filter?: DailymotionMediaFilter | null | undefined;
}>;


export type DailymotionAccountQuery = { account: { id: string, provider: Provider, details:
      | { __typename: 'DailymotionUser', id: string, nativeId: string, username: string | null, fields: Record<string, unknown>, mediaCount: number, activePresets: Array<string>, matching: number }
      | { __typename: 'PandaCloud' }
      | { __typename: 'TelestreamFactory' }
     | null } };

export type DailymotionMediaListQueryVariables = Exact<{
  id: string | number;
  filter?: DailymotionMediaFilter | null | undefined;
  orderBy?: DailymotionMediaOrder | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type DailymotionMediaListQuery = { account: { details:
      | { __typename: 'DailymotionUser', media: { edges: Array<{ cursor: string, node:
              | { meta: Record<string, unknown> | null, id: string, title: string | null, createdAt: string | null }
              | { id: string, title: string | null, createdAt: string | null }
              | { id: string, title: string | null, createdAt: string | null }
              | { id: string, title: string | null, createdAt: string | null }
             }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }
      | { __typename: 'PandaCloud' }
      | { __typename: 'TelestreamFactory' }
     | null } };

export type DailymotionPresetsQueryVariables = Exact<{
  id: string | number;
  setting: string;
}>;


export type DailymotionPresetsQuery = { account: { profiles: { nodes: Array<
        | { active: boolean, setting: string | null, name: string }
        | { name: string }
        | { name: string }
      > } } };

export type EnableDailymotionPresetMutationVariables = Exact<{
  account: string | number;
  preset: string;
}>;


export type EnableDailymotionPresetMutation = { enableDailymotionPreset: { id: string, name: string, active: boolean } | null };

export type DisableDailymotionPresetMutationVariables = Exact<{
  account: string | number;
  preset: string;
}>;


export type DisableDailymotionPresetMutation = { disableDailymotionPreset: { id: string, name: string, active: boolean } | null };

export type SetDailymotionPresetSettingMutationVariables = Exact<{
  input: SetDailymotionPresetSettingInput;
  setting: string;
}>;


export type SetDailymotionPresetSettingMutation = { setDailymotionPresetSetting: { name: string, active: boolean, setting: string | null } | null };

export type ResetDailymotionEncodingSettingsMutationVariables = Exact<{
  account: string | number;
}>;


export type ResetDailymotionEncodingSettingsMutation = { resetDailymotionEncodingSettings: { id: string, activePresets: Array<string> } | null };

export type DailymotionMediaFieldsFragment = { id: string, nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, duration: number | null, meta: Record<string, unknown> | null, stats: Record<string, unknown> | null, source: { status: EncodingStatus, rawStatus: string, container: string | null, fileSize: number | null } | null, encodings: { nodes: Array<
      | { name: string, container: string | null, width: number | null, height: number | null, id: string, status: EncodingStatus, profileName: string | null }
      | { id: string, status: EncodingStatus, profileName: string | null }
      | { id: string, status: EncodingStatus, profileName: string | null }
      | { id: string, status: EncodingStatus, profileName: string | null }
    > } };

export type DailymotionMediaDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type DailymotionMediaDetailQuery = { node:
    | { id: string, nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, duration: number | null, meta: Record<string, unknown> | null, stats: Record<string, unknown> | null, source: { status: EncodingStatus, rawStatus: string, container: string | null, fileSize: number | null } | null, encodings: { nodes: Array<
          | { name: string, container: string | null, width: number | null, height: number | null, id: string, status: EncodingStatus, profileName: string | null }
          | { id: string, status: EncodingStatus, profileName: string | null }
          | { id: string, status: EncodingStatus, profileName: string | null }
          | { id: string, status: EncodingStatus, profileName: string | null }
        > } }
    | Record<PropertyKey, never>
   | null };

export type DailymotionMediaTitleQueryVariables = Exact<{
  id: string | number;
}>;


export type DailymotionMediaTitleQuery = { node:
    | { title: string | null }
    | { title: string | null }
    | { title: string | null }
    | { title: string | null }
    | Record<PropertyKey, never>
   | null };

export type DailymotionMediaStatusAndStatsQueryVariables = Exact<{
  id: string | number;
}>;


export type DailymotionMediaStatusAndStatsQuery = { node:
    | { status: VideoStatus, stats: Record<string, unknown> | null, encodings: { nodes: Array<
          | { status: EncodingStatus }
          | { status: EncodingStatus }
          | { status: EncodingStatus }
          | { status: EncodingStatus }
        > } }
    | { status: VideoStatus, metadata: Record<string, unknown>, encodings: { nodes: Array<
          | { status: EncodingStatus }
          | { status: EncodingStatus }
          | { status: EncodingStatus }
          | { status: EncodingStatus }
        > } }
    | { status: VideoStatus, encodings: { nodes: Array<
          | { status: EncodingStatus }
          | { status: EncodingStatus }
          | { status: EncodingStatus }
          | { status: EncodingStatus }
        > } }
    | { status: VideoStatus, encodings: { nodes: Array<
          | { status: EncodingStatus }
          | { status: EncodingStatus }
          | { status: EncodingStatus }
          | { status: EncodingStatus }
        > } }
    | Record<PropertyKey, never>
   | null };

export type DailymotionVideoTitlesQueryVariables = Exact<{
  accounts?: Array<string | number> | string | number | null | undefined;
  first: number;
}>;


export type DailymotionVideoTitlesQuery = { videos: { nodes: Array<
      | { id: string, title: string | null }
      | { id: string, title: string | null }
      | { id: string, title: string | null }
      | { id: string, title: string | null }
    > } };

export type DailymotionVideoIdsQueryVariables = Exact<{
  accounts?: Array<string | number> | string | number | null | undefined;
  first: number;
}>;


export type DailymotionVideoIdsQuery = { videos: { nodes: Array<
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    > } };

export type CreateDailymotionVideoMutationVariables = Exact<{
  input: CreateVideoInput;
}>;


export type CreateDailymotionVideoMutation = { createVideo: { video:
      | { __typename: 'DailymotionMedia', id: string, nativeId: string, status: VideoStatus, encodings: { nodes: Array<
            | { profileName: string | null, status: EncodingStatus }
            | { profileName: string | null, status: EncodingStatus }
            | { profileName: string | null, status: EncodingStatus }
            | { profileName: string | null, status: EncodingStatus }
          > } }
      | { __typename: 'PandaVideo', id: string, nativeId: string, status: VideoStatus }
      | { __typename: 'TelestreamVideo', id: string, nativeId: string, status: VideoStatus }
      | { __typename: 'ZiggeoVideo', id: string, nativeId: string, status: VideoStatus }
     } | null };

export type SetDailymotionMetaMutationVariables = Exact<{
  input: SetDailymotionMetaInput;
}>;


export type SetDailymotionMetaMutation = { setDailymotionMeta: { media: { id: string, title: string | null, meta: Record<string, unknown> | null } } | null };

export type RemoveDailymotionMetaMutationVariables = Exact<{
  input: RemoveDailymotionMetaInput;
}>;


export type RemoveDailymotionMetaMutation = { removeDailymotionMeta: { media: { id: string, meta: Record<string, unknown> | null } } | null };

export type SetDailymotionAssetsMutationVariables = Exact<{
  input: SetDailymotionAssetsInput;
}>;


export type SetDailymotionAssetsMutation = { setDailymotionAssets: { media: { id: string, status: VideoStatus, encodings: { nodes: Array<
          | { profileName: string | null, status: EncodingStatus }
          | { profileName: string | null, status: EncodingStatus }
          | { profileName: string | null, status: EncodingStatus }
          | { profileName: string | null, status: EncodingStatus }
        > } } } | null };

export type SetDailymotionThumbnailMutationVariables = Exact<{
  input: SetDailymotionThumbnailInput;
}>;


export type SetDailymotionThumbnailMutation = { setDailymotionThumbnail: { media: { id: string, encodings: { nodes: Array<
          | { profileName: string | null, status: EncodingStatus }
          | { profileName: string | null, status: EncodingStatus }
          | { profileName: string | null, status: EncodingStatus }
          | { profileName: string | null, status: EncodingStatus }
        > } } } | null };

export type DashboardStatusOverviewQueryVariables = Exact<{
  accounts?: Array<string | number> | string | number | null | undefined;
}>;


export type DashboardStatusOverviewQuery = { videoStats: Array<{ total: number, account: { id: string, provider: Provider }, byStatus: Array<{ status: VideoStatus, count: number }> }> };

export type DashboardVideoDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type DashboardVideoDetailQuery = { node:
    | { id: string }
    | { nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, updatedAt: string | null, duration: number | null, fileSize: number | null, width: number | null, height: number | null, provider: Provider, meta: Record<string, unknown> | null, id: string, account: { id: string }, encodings: { nodes: Array<
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
        > } }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, updatedAt: string | null, duration: number | null, fileSize: number | null, width: number | null, height: number | null, provider: Provider, originalFilename: string | null, metadata: Record<string, unknown>, id: string, account: { id: string }, encodings: { nodes: Array<
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
        > } }
    | { id: string }
    | { id: string }
    | { id: string }
    | { nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, updatedAt: string | null, duration: number | null, fileSize: number | null, width: number | null, height: number | null, provider: Provider, id: string, account: { id: string }, encodings: { nodes: Array<
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
        > } }
    | { id: string }
    | { id: string }
    | { nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, updatedAt: string | null, duration: number | null, fileSize: number | null, width: number | null, height: number | null, provider: Provider, tags: Array<string>, embedImageUrl: string | null, embedVideoUrl: string | null, id: string, account: { id: string }, encodings: { nodes: Array<
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null, errorMessage: string | null, profile:
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
              | { name: string, title: string | null, extname: string | null }
             | null }
        > } }
   | null };

export type DashboardNodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type DashboardNodesQuery = { nodes: Array<
    | { id: string }
    | { title: string | null, status: VideoStatus, id: string, account: { id: string } }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { title: string | null, status: VideoStatus, id: string, account: { id: string } }
    | { id: string }
    | { id: string }
    | { id: string }
    | { title: string | null, status: VideoStatus, id: string, account: { id: string } }
    | { id: string }
    | { id: string }
    | { title: string | null, status: VideoStatus, id: string, account: { id: string } }
   | null> };

export type DashboardVideoListQueryVariables = Exact<{
  accounts?: Array<string | number> | string | number | null | undefined;
  filter?: VideoFilter | null | undefined;
  orderBy?: VideoOrder | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type DashboardVideoListQuery = { videos: { edges: Array<{ cursor: string, node:
        | { id: string, nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, duration: number | null, account: { id: string, provider: Provider }, encodings: { nodes: Array<
              | { name: string, width: number | null, height: number | null, id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
            > } }
        | { id: string, nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, duration: number | null, account: { id: string, provider: Provider }, encodings: { nodes: Array<
              | { name: string, width: number | null, height: number | null, id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
            > } }
        | { id: string, nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, duration: number | null, account: { id: string, provider: Provider }, encodings: { nodes: Array<
              | { name: string, width: number | null, height: number | null, id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
            > } }
        | { tags: Array<string>, embedImageUrl: string | null, id: string, nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, duration: number | null, account: { id: string, provider: Provider }, encodings: { nodes: Array<
              | { name: string, width: number | null, height: number | null, id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
              | { id: string, status: EncodingStatus, progress: number, profileName: string | null, profile:
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                  | { name: string, title: string | null }
                 | null }
            > } }
       }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EncodingDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type EncodingDetailQuery = { node:
    | { nativeId: string, status: EncodingStatus, rawStatus: string, progress: number, profileName: string | null, errorMessage: string | null, id: string, video:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , profile:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { nativeId: string, status: EncodingStatus, rawStatus: string, progress: number, profileName: string | null, errorMessage: string | null, startedEncodingAt: string | null, files: Array<string>, errorClass: string | null, id: string, video:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , profile:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null }
    | { id: string }
    | { id: string }
    | { nativeId: string, status: EncodingStatus, rawStatus: string, progress: number, profileName: string | null, errorMessage: string | null, id: string, video:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , profile:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { nativeId: string, status: EncodingStatus, rawStatus: string, progress: number, profileName: string | null, errorMessage: string | null, id: string, video:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , profile:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null }
    | { id: string }
   | null };

export type CreateEncodingMutationVariables = Exact<{
  input: CreateEncodingInput;
}>;


export type CreateEncodingMutation = { createEncoding: { encoding:
      | { id: string, nativeId: string, status: EncodingStatus, rawStatus: string, progress: number, profileName: string | null, video:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, nativeId: string, status: EncodingStatus, rawStatus: string, progress: number, profileName: string | null, video:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, nativeId: string, status: EncodingStatus, rawStatus: string, progress: number, profileName: string | null, video:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string, nativeId: string, status: EncodingStatus, rawStatus: string, progress: number, profileName: string | null, video:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
         }
     } | null };

export type RetryEncodingMutationVariables = Exact<{
  id: string | number;
}>;


export type RetryEncodingMutation = { retryEncoding: { encoding:
      | { id: string, status: EncodingStatus, rawStatus: string, progress: number }
      | { id: string, status: EncodingStatus, rawStatus: string, progress: number }
      | { id: string, status: EncodingStatus, rawStatus: string, progress: number }
      | { id: string, status: EncodingStatus, rawStatus: string, progress: number }
     } | null };

export type CancelEncodingMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelEncodingMutation = { cancelEncoding: { encoding:
      | { id: string, status: EncodingStatus, rawStatus: string }
      | { id: string, status: EncodingStatus, rawStatus: string }
      | { id: string, status: EncodingStatus, rawStatus: string }
      | { id: string, status: EncodingStatus, rawStatus: string }
     } | null };

export type DeleteEncodingMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteEncodingMutation = { deleteEncoding: { deletedId: string } | null };

export type SignStreamUrlMutationVariables = Exact<{
  input: StreamUrlInput;
}>;


export type SignStreamUrlMutation = { signStreamUrl: { url: string, expiresAt: string | null } | null };

export type SignEmbedUrlMutationVariables = Exact<{
  input: EmbedUrlInput;
}>;


export type SignEmbedUrlMutation = { signEmbedUrl: { url: string, expiresAt: string | null } | null };

export type ThumbnailUrlMutationVariables = Exact<{
  media: string | number;
  size: string;
}>;


export type ThumbnailUrlMutation = { thumbnailUrl: { url: string, expiresAt: string | null } | null };

export type CreateDrmTokenMutationVariables = Exact<{
  input: DrmTokenInput;
}>;


export type CreateDrmTokenMutation = { createDrmToken: { token: string } | null };

export type CreateProfileMutationVariables = Exact<{
  input: CreateProfileInput;
}>;


export type CreateProfileMutation = { createProfile: { profile:
      | { id: string, nativeId: string, name: string, title: string | null, width: number | null, height: number | null }
      | { presetName: string | null, command: string | null, aspectMode: string | null, id: string, nativeId: string, name: string, title: string | null, width: number | null, height: number | null }
      | { id: string, nativeId: string, name: string, title: string | null, width: number | null, height: number | null }
     } | null };

export type UpdateProfileMutationVariables = Exact<{
  id: string | number;
  input: ProfileSettingsInput;
}>;


export type UpdateProfileMutation = { updateProfile: { profile:
      | { id: string, name: string, title: string | null, width: number | null, height: number | null }
      | { id: string, name: string, title: string | null, width: number | null, height: number | null }
      | { id: string, name: string, title: string | null, width: number | null, height: number | null }
     } | null };

export type DeleteProfileMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteProfileMutation = { deleteProfile: { deletedId: string } | null };

export type UploadVideoMutationVariables = Exact<{
  input: UploadVideoInput;
}>;


export type UploadVideoMutation = { uploadVideo: { video:
      | { id: string, status: VideoStatus, rawStatus: string, account: { id: string, provider: Provider } }
      | { id: string, status: VideoStatus, rawStatus: string, account: { id: string, provider: Provider } }
      | { id: string, status: VideoStatus, rawStatus: string, account: { id: string, provider: Provider } }
      | { id: string, status: VideoStatus, rawStatus: string, account: { id: string, provider: Provider } }
    , upload: { id: string, state: UploadState, fileName: string, bytesReceived: number, bytesSent: number, bytesTotal: number | null, error: string | null } } | null };

export type UploadSessionQueryVariables = Exact<{
  id: string | number;
}>;


export type UploadSessionQuery = { uploadSession: { id: string, account: string, state: UploadState, fileName: string, bytesReceived: number, bytesSent: number, bytesTotal: number | null, error: string | null, video:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     | null } | null };

export type CreateUploadTicketMutationVariables = Exact<{
  input: CreateUploadTicketInput;
}>;


export type CreateUploadTicketMutation = { createUploadTicket: { id: string, protocol: UploadTicketProtocol, method: string, url: string, fileField: string | null, fileSize: number, partSize: number | null, parts: number | null, expiresAt: string, fields: Array<{ name: string, value: string }>, sessionRequest: { url: string, method: string, expiresAt: string, params: Array<{ name: string, value: string }> } | null } | null };

export type CompleteUploadMutationVariables = Exact<{
  input: CompleteUploadInput;
}>;


export type CompleteUploadMutation = { completeUpload: { video:
      | { id: string, status: VideoStatus, account: { id: string } }
      | { id: string, status: VideoStatus, account: { id: string } }
      | { id: string, status: VideoStatus, account: { id: string } }
      | { id: string, status: VideoStatus, account: { id: string } }
     } | null };

export type UploadedVideoQueryVariables = Exact<{
  id: string | number;
}>;


export type UploadedVideoQuery = { node:
    | { id: string }
    | { status: VideoStatus, rawStatus: string, id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { status: VideoStatus, rawStatus: string, originalFilename: string | null, fileSize: number | null, id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { status: VideoStatus, rawStatus: string, id: string }
    | { id: string }
    | { id: string }
    | { status: VideoStatus, rawStatus: string, id: string }
   | null };

export type VideosQueryVariables = Exact<{
  accounts?: Array<string | number> | string | number | null | undefined;
  filter?: VideoFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type VideosQuery = { videos: { edges: Array<{ cursor: string, node:
        | { id: string, nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, account: { id: string } }
        | { id: string, nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, account: { id: string } }
        | { id: string, nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, account: { id: string } }
        | { id: string, nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, account: { id: string } }
       }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type VideoDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type VideoDetailQuery = { node:
    | { id: string }
    | { nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, updatedAt: string | null, duration: number | null, fileSize: number | null, width: number | null, height: number | null, provider: Provider, id: string, encodings: { nodes: Array<
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
        > } }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, updatedAt: string | null, duration: number | null, fileSize: number | null, width: number | null, height: number | null, provider: Provider, originalFilename: string | null, sourceUrl: string | null, mimeType: string | null, videoCodec: string | null, audioCodec: string | null, fps: number | null, payload: string | null, errorClass: string | null, errorMessage: string | null, metadata: Record<string, unknown>, id: string, encodings: { nodes: Array<
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
        > } }
    | { id: string }
    | { id: string }
    | { id: string }
    | { nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, updatedAt: string | null, duration: number | null, fileSize: number | null, width: number | null, height: number | null, provider: Provider, id: string, encodings: { nodes: Array<
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
        > } }
    | { id: string }
    | { id: string }
    | { nativeId: string, title: string | null, status: VideoStatus, rawStatus: string, createdAt: string | null, updatedAt: string | null, duration: number | null, fileSize: number | null, width: number | null, height: number | null, provider: Provider, id: string, encodings: { nodes: Array<
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
          | { id: string, status: EncodingStatus, progress: number, profileName: string | null }
        > } }
   | null };

export type NodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesQuery = { nodes: Array<
    | { __typename: 'DailymotionAsset', id: string }
    | { __typename: 'DailymotionMedia', id: string }
    | { __typename: 'DailymotionPreset', id: string }
    | { __typename: 'DailymotionUser', id: string }
    | { __typename: 'PandaCloud', id: string }
    | { __typename: 'PandaEncoding', id: string }
    | { __typename: 'PandaProfile', id: string }
    | { __typename: 'PandaVideo', id: string }
    | { __typename: 'TelestreamEncoding', id: string }
    | { __typename: 'TelestreamFactory', id: string }
    | { __typename: 'TelestreamProfile', id: string }
    | { __typename: 'TelestreamVideo', id: string }
    | { __typename: 'ZiggeoAuthToken', id: string }
    | { __typename: 'ZiggeoStream', id: string }
    | { __typename: 'ZiggeoVideo', id: string }
   | null> };

export type CreateVideoMutationVariables = Exact<{
  input: CreateVideoInput;
}>;


export type CreateVideoMutation = { createVideo: { video:
      | { id: string, nativeId: string, status: VideoStatus, rawStatus: string }
      | { sourceUrl: string | null, payload: string | null, id: string, nativeId: string, status: VideoStatus, rawStatus: string }
      | { id: string, nativeId: string, status: VideoStatus, rawStatus: string }
      | { id: string, nativeId: string, status: VideoStatus, rawStatus: string }
     } | null };

export type DeleteVideoMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteVideoMutation = { deleteVideo: { deletedId: string } | null };

export type DeleteVideoSourceMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteVideoSourceMutation = { deleteVideoSource: { video:
      | { id: string, status: VideoStatus }
      | { id: string, status: VideoStatus }
      | { id: string, status: VideoStatus }
      | { id: string, status: VideoStatus }
     } | null };

export type ZiggeoAuthTokenFieldsFragment = { id: string, nativeId: string, provider: Provider, token: string, expiresAt: string | null, volatile: boolean | null, hidden: boolean | null, usageExpirationTime: number | null, sessionLimit: number | null, grants: Record<string, unknown> | null, grantsText: string | null };

export type ZiggeoAuthTokenQueryVariables = Exact<{
  account: string | number;
  token: string;
}>;


export type ZiggeoAuthTokenQuery = { ziggeoAuthToken: { id: string, nativeId: string, provider: Provider, token: string, expiresAt: string | null, volatile: boolean | null, hidden: boolean | null, usageExpirationTime: number | null, sessionLimit: number | null, grants: Record<string, unknown> | null, grantsText: string | null } };

export type AuthTokenNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type AuthTokenNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { token: string, expiresAt: string | null, provider: Provider, sessionLimit: number | null, id: string }
    | { id: string }
    | { id: string }
   | null };

export type CreateZiggeoAuthTokenMutationVariables = Exact<{
  input: CreateZiggeoAuthTokenInput;
}>;


export type CreateZiggeoAuthTokenMutation = { createZiggeoAuthToken: { authToken: { id: string, nativeId: string, provider: Provider, token: string, expiresAt: string | null, volatile: boolean | null, hidden: boolean | null, usageExpirationTime: number | null, sessionLimit: number | null, grants: Record<string, unknown> | null, grantsText: string | null } } | null };

export type UpdateZiggeoAuthTokenMutationVariables = Exact<{
  input: UpdateZiggeoAuthTokenInput;
}>;


export type UpdateZiggeoAuthTokenMutation = { updateZiggeoAuthToken: { authToken: { id: string, nativeId: string, provider: Provider, token: string, expiresAt: string | null, volatile: boolean | null, hidden: boolean | null, usageExpirationTime: number | null, sessionLimit: number | null, grants: Record<string, unknown> | null, grantsText: string | null } } | null };

export type DeleteZiggeoAuthTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteZiggeoAuthTokenMutation = { deleteZiggeoAuthToken: { deletedId: string } | null };

export type CreateZiggeoClientAuthTokenMutationVariables = Exact<{
  input: CreateZiggeoClientAuthTokenInput;
}>;


export type CreateZiggeoClientAuthTokenMutation = { createZiggeoClientAuthToken: { token: string, nonce: string, expiresAt: string | null } | null };

export type ZiggeoStreamUploadFieldsFragment = { id: string, account: string, fileName: string, state: UploadState, bytesReceived: number, bytesSent: number, bytesTotal: number | null, error: string | null };

export type CreateZiggeoStreamWithFileMutationVariables = Exact<{
  video: string | number;
  file?: unknown;
  fileSize?: number | null | undefined;
  uploadId?: string | null | undefined;
}>;


export type CreateZiggeoStreamWithFileMutation = { createZiggeoStream: { stream: { imageSize: number | null, id: string, nativeId: string, token: string, key: string | null, status: EncodingStatus, rawStatus: string, rawState: number | null, creationType: string | null, streamable: string | null, videoType: string | null, width: number | null, height: number | null, duration: number | null, videoSize: number | null, hasVideo: boolean | null, hasImage: boolean | null, isDefault: boolean | null, isOriginal: boolean | null, video:
        | { id: string }
        | { id: string }
        | { id: string }
        | { defaultStreamToken: string | null, id: string }
       }, upload: { id: string, account: string, fileName: string, state: UploadState, bytesReceived: number, bytesSent: number, bytesTotal: number | null, error: string | null } | null } | null };

export type AttachZiggeoStreamImageMutationVariables = Exact<{
  id: string | number;
  file: unknown;
  fileSize?: number | null | undefined;
  uploadId?: string | null | undefined;
}>;


export type AttachZiggeoStreamImageMutation = { attachZiggeoStreamImage: { stream: { imageSize: number | null, id: string, nativeId: string, token: string, key: string | null, status: EncodingStatus, rawStatus: string, rawState: number | null, creationType: string | null, streamable: string | null, videoType: string | null, width: number | null, height: number | null, duration: number | null, videoSize: number | null, hasVideo: boolean | null, hasImage: boolean | null, isDefault: boolean | null, isOriginal: boolean | null }, upload: { id: string, account: string, fileName: string, state: UploadState, bytesReceived: number, bytesSent: number, bytesTotal: number | null, error: string | null } | null } | null };

export type AttachZiggeoStreamVideoMutationVariables = Exact<{
  id: string | number;
  file: unknown;
  fileSize?: number | null | undefined;
  uploadId?: string | null | undefined;
}>;


export type AttachZiggeoStreamVideoMutation = { attachZiggeoStreamVideo: { stream: { imageSize: number | null, id: string, nativeId: string, token: string, key: string | null, status: EncodingStatus, rawStatus: string, rawState: number | null, creationType: string | null, streamable: string | null, videoType: string | null, width: number | null, height: number | null, duration: number | null, videoSize: number | null, hasVideo: boolean | null, hasImage: boolean | null, isDefault: boolean | null, isOriginal: boolean | null, video:
        | { id: string }
        | { id: string }
        | { id: string }
        | { defaultStreamToken: string | null, id: string }
       }, upload: { id: string, account: string, fileName: string, state: UploadState, bytesReceived: number, bytesSent: number, bytesTotal: number | null, error: string | null, video:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
       | null } | null } | null };

export type ZiggeoStreamFieldsFragment = { id: string, nativeId: string, token: string, key: string | null, status: EncodingStatus, rawStatus: string, rawState: number | null, creationType: string | null, streamable: string | null, videoType: string | null, width: number | null, height: number | null, duration: number | null, videoSize: number | null, hasVideo: boolean | null, hasImage: boolean | null, isDefault: boolean | null, isOriginal: boolean | null };

export type ZiggeoVideoFieldsFragment = { id: string, nativeId: string, token: string, key: string | null, title: string | null, status: VideoStatus, rawStatus: string, rawState: number | null, tags: Array<string>, volatile: boolean | null, approved: string | null, expirationDays: number | null, minDuration: number | null, maxDuration: number | null, createdAt: string | null, defaultStreamToken: string | null, originalStreamToken: string | null, account: { id: string } };

export type ZiggeoVideosQueryVariables = Exact<{
  account: string | number;
  filter?: ZiggeoVideoFilter | null | undefined;
  reverse?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  skip?: number | null | undefined;
}>;


export type ZiggeoVideosQuery = { ziggeoVideos: { edges: Array<{ cursor: string, node: { id: string, nativeId: string, token: string, key: string | null, title: string | null, status: VideoStatus, rawStatus: string, rawState: number | null, tags: Array<string>, volatile: boolean | null, approved: string | null, expirationDays: number | null, minDuration: number | null, maxDuration: number | null, createdAt: string | null, defaultStreamToken: string | null, originalStreamToken: string | null, account: { id: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ZiggeoVideoCountQueryVariables = Exact<{
  account: string | number;
  filter?: ZiggeoVideoFilter | null | undefined;
}>;


export type ZiggeoVideoCountQuery = { ziggeoVideoCount: number };

export type ZiggeoVideoQueryVariables = Exact<{
  account: string | number;
  tokenOrKey: string;
  states?: Array<string> | string | null | undefined;
}>;


export type ZiggeoVideoQuery = { ziggeoVideo: { id: string, nativeId: string, token: string, key: string | null, title: string | null, status: VideoStatus, rawStatus: string, rawState: number | null, tags: Array<string>, volatile: boolean | null, approved: string | null, expirationDays: number | null, minDuration: number | null, maxDuration: number | null, createdAt: string | null, defaultStreamToken: string | null, originalStreamToken: string | null, streams: Array<{ id: string, nativeId: string, token: string, key: string | null, status: EncodingStatus, rawStatus: string, rawState: number | null, creationType: string | null, streamable: string | null, videoType: string | null, width: number | null, height: number | null, duration: number | null, videoSize: number | null, hasVideo: boolean | null, hasImage: boolean | null, isDefault: boolean | null, isOriginal: boolean | null }>, account: { id: string } } };

export type ZiggeoDownloadUrlsQueryVariables = Exact<{
  account: string | number;
  tokenOrKey: string;
  expiresIn?: number | null | undefined;
}>;


export type ZiggeoDownloadUrlsQuery = { ziggeoVideo: { id: string, videoDownloadUrl: string, imageDownloadUrl: string, streams: Array<{ id: string, hasVideo: boolean | null, rawStatus: string, videoDownloadUrl: string, imageDownloadUrl: string }> } };

export type ZiggeoStreamsQueryVariables = Exact<{
  video: string | number;
  states?: Array<string> | string | null | undefined;
}>;


export type ZiggeoStreamsQuery = { ziggeoStreams: Array<{ id: string, nativeId: string, token: string, key: string | null, status: EncodingStatus, rawStatus: string, rawState: number | null, creationType: string | null, streamable: string | null, videoType: string | null, width: number | null, height: number | null, duration: number | null, videoSize: number | null, hasVideo: boolean | null, hasImage: boolean | null, isDefault: boolean | null, isOriginal: boolean | null }> };

export type ZiggeoStreamQueryVariables = Exact<{
  video: string | number;
  tokenOrKey: string;
}>;


export type ZiggeoStreamQuery = { ziggeoStream: { id: string, nativeId: string, token: string, key: string | null, status: EncodingStatus, rawStatus: string, rawState: number | null, creationType: string | null, streamable: string | null, videoType: string | null, width: number | null, height: number | null, duration: number | null, videoSize: number | null, hasVideo: boolean | null, hasImage: boolean | null, isDefault: boolean | null, isOriginal: boolean | null, video:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     } };

export type CreateZiggeoVideoMutationVariables = Exact<{
  input: CreateZiggeoVideoInput;
}>;


export type CreateZiggeoVideoMutation = { createZiggeoVideo: { video: { id: string, nativeId: string, token: string, key: string | null, title: string | null, status: VideoStatus, rawStatus: string, rawState: number | null, tags: Array<string>, volatile: boolean | null, approved: string | null, expirationDays: number | null, minDuration: number | null, maxDuration: number | null, createdAt: string | null, defaultStreamToken: string | null, originalStreamToken: string | null, streams: Array<{ id: string, nativeId: string, token: string, key: string | null, status: EncodingStatus, rawStatus: string, rawState: number | null, creationType: string | null, streamable: string | null, videoType: string | null, width: number | null, height: number | null, duration: number | null, videoSize: number | null, hasVideo: boolean | null, hasImage: boolean | null, isDefault: boolean | null, isOriginal: boolean | null }>, account: { id: string } } } | null };

export type UpdateZiggeoVideoMutationVariables = Exact<{
  input: UpdateZiggeoVideoInput;
}>;


export type UpdateZiggeoVideoMutation = { updateZiggeoVideo: { video: { id: string, nativeId: string, token: string, key: string | null, title: string | null, status: VideoStatus, rawStatus: string, rawState: number | null, tags: Array<string>, volatile: boolean | null, approved: string | null, expirationDays: number | null, minDuration: number | null, maxDuration: number | null, createdAt: string | null, defaultStreamToken: string | null, originalStreamToken: string | null, account: { id: string } } } | null };

export type PushZiggeoVideoToServiceMutationVariables = Exact<{
  id: string | number;
  pushServiceToken: string;
}>;


export type PushZiggeoVideoToServiceMutation = { pushZiggeoVideoToService: { pushedId: string, pushServiceToken: string } | null };

export type CreateZiggeoStreamMutationVariables = Exact<{
  video: string | number;
}>;


export type CreateZiggeoStreamMutation = { createZiggeoStream: { stream: { id: string, nativeId: string, token: string, key: string | null, status: EncodingStatus, rawStatus: string, rawState: number | null, creationType: string | null, streamable: string | null, videoType: string | null, width: number | null, height: number | null, duration: number | null, videoSize: number | null, hasVideo: boolean | null, hasImage: boolean | null, isDefault: boolean | null, isOriginal: boolean | null, video:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
       } } | null };

export type BindZiggeoStreamMutationVariables = Exact<{
  id: string | number;
}>;


export type BindZiggeoStreamMutation = { bindZiggeoStream: { stream: { id: string, nativeId: string, token: string, key: string | null, status: EncodingStatus, rawStatus: string, rawState: number | null, creationType: string | null, streamable: string | null, videoType: string | null, width: number | null, height: number | null, duration: number | null, videoSize: number | null, hasVideo: boolean | null, hasImage: boolean | null, isDefault: boolean | null, isOriginal: boolean | null, video:
        | { defaultStreamToken: string | null }
        | Record<PropertyKey, never>
       } } | null };

export type PushZiggeoStreamToServiceMutationVariables = Exact<{
  id: string | number;
  pushServiceToken: string;
}>;


export type PushZiggeoStreamToServiceMutation = { pushZiggeoStreamToService: { pushedId: string, pushServiceToken: string } | null };

export type DeleteZiggeoStreamMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteZiggeoStreamMutation = { deleteZiggeoStream: { deletedId: string } | null };

export const DailymotionMediaFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DailymotionMediaFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionMedia"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"meta"}},{"kind":"Field","name":{"kind":"Name","value":"stats"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"container"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"encodings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"profileName"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"container"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DailymotionMediaFieldsFragment, unknown>;
export const ZiggeoAuthTokenFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoAuthTokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoAuthToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"volatile"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}},{"kind":"Field","name":{"kind":"Name","value":"usageExpirationTime"}},{"kind":"Field","name":{"kind":"Name","value":"sessionLimit"}},{"kind":"Field","name":{"kind":"Name","value":"grants"}},{"kind":"Field","name":{"kind":"Name","value":"grantsText"}}]}}]} as unknown as DocumentNode<ZiggeoAuthTokenFieldsFragment, unknown>;
export const ZiggeoStreamUploadFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamUploadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UploadSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"bytesReceived"}},{"kind":"Field","name":{"kind":"Name","value":"bytesSent"}},{"kind":"Field","name":{"kind":"Name","value":"bytesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<ZiggeoStreamUploadFieldsFragment, unknown>;
export const ZiggeoStreamFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoStream"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"creationType"}},{"kind":"Field","name":{"kind":"Name","value":"streamable"}},{"kind":"Field","name":{"kind":"Name","value":"videoType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"videoSize"}},{"kind":"Field","name":{"kind":"Name","value":"hasVideo"}},{"kind":"Field","name":{"kind":"Name","value":"hasImage"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"isOriginal"}}]}}]} as unknown as DocumentNode<ZiggeoStreamFieldsFragment, unknown>;
export const ZiggeoVideoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoVideoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"volatile"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDays"}},{"kind":"Field","name":{"kind":"Name","value":"minDuration"}},{"kind":"Field","name":{"kind":"Name","value":"maxDuration"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"defaultStreamToken"}},{"kind":"Field","name":{"kind":"Name","value":"originalStreamToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ZiggeoVideoFieldsFragment, unknown>;
export const AccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}}]}}]}}]} as unknown as DocumentNode<AccountsQuery, AccountsQueryVariables>;
export const AccountDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PandaCloud"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"s3VideosBucket"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PandaNotifications"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"delay"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"videoCreated"}},{"kind":"Field","name":{"kind":"Name","value":"videoEncoded"}},{"kind":"Field","name":{"kind":"Name","value":"encodingProgress"}},{"kind":"Field","name":{"kind":"Name","value":"encodingCompleted"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountDetailsQuery, AccountDetailsQueryVariables>;
export const AccountProfilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountProfiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"extname"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PandaProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presetName"}},{"kind":"Field","name":{"kind":"Name","value":"videoBitrate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountProfilesQuery, AccountProfilesQueryVariables>;
export const UpdateNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateNotificationsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PandaNotifications"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"delay"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"videoCreated"}},{"kind":"Field","name":{"kind":"Name","value":"videoEncoded"}},{"kind":"Field","name":{"kind":"Name","value":"encodingProgress"}},{"kind":"Field","name":{"kind":"Name","value":"encodingCompleted"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateNotificationsMutation, UpdateNotificationsMutationVariables>;
export const SignUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUploadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SignUploadMutation, SignUploadMutationVariables>;
export const DailymotionAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DailymotionAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionMediaFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"mediaCount"}},{"kind":"Field","alias":{"kind":"Name","value":"matching"},"name":{"kind":"Name","value":"mediaCount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}]},{"kind":"Field","name":{"kind":"Name","value":"activePresets"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DailymotionAccountQuery, DailymotionAccountQueryVariables>;
export const DailymotionMediaListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DailymotionMediaList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionMediaFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionMediaOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"media"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionMedia"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meta"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DailymotionMediaListQuery, DailymotionMediaListQueryVariables>;
export const DailymotionPresetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DailymotionPresets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"setting"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionPreset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"setting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"setting"}}}]}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DailymotionPresetsQuery, DailymotionPresetsQueryVariables>;
export const EnableDailymotionPresetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnableDailymotionPreset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"account"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"preset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableDailymotionPreset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"account"},"value":{"kind":"Variable","name":{"kind":"Name","value":"account"}}},{"kind":"Argument","name":{"kind":"Name","value":"preset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"preset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<EnableDailymotionPresetMutation, EnableDailymotionPresetMutationVariables>;
export const DisableDailymotionPresetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableDailymotionPreset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"account"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"preset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableDailymotionPreset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"account"},"value":{"kind":"Variable","name":{"kind":"Name","value":"account"}}},{"kind":"Argument","name":{"kind":"Name","value":"preset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"preset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<DisableDailymotionPresetMutation, DisableDailymotionPresetMutationVariables>;
export const SetDailymotionPresetSettingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDailymotionPresetSetting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDailymotionPresetSettingInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"setting"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDailymotionPresetSetting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"setting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"setting"}}}]}]}}]}}]} as unknown as DocumentNode<SetDailymotionPresetSettingMutation, SetDailymotionPresetSettingMutationVariables>;
export const ResetDailymotionEncodingSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetDailymotionEncodingSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"account"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetDailymotionEncodingSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"account"},"value":{"kind":"Variable","name":{"kind":"Name","value":"account"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activePresets"}}]}}]}}]} as unknown as DocumentNode<ResetDailymotionEncodingSettingsMutation, ResetDailymotionEncodingSettingsMutationVariables>;
export const DailymotionMediaDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DailymotionMediaDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DailymotionMediaFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DailymotionMediaFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionMedia"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"meta"}},{"kind":"Field","name":{"kind":"Name","value":"stats"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"container"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"encodings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"profileName"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"container"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DailymotionMediaDetailQuery, DailymotionMediaDetailQueryVariables>;
export const DailymotionMediaTitleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DailymotionMediaTitle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Video"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<DailymotionMediaTitleQuery, DailymotionMediaTitleQueryVariables>;
export const DailymotionMediaStatusAndStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DailymotionMediaStatusAndStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Video"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"encodings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionMedia"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stats"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PandaVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}}]}}]}}]} as unknown as DocumentNode<DailymotionMediaStatusAndStatsQuery, DailymotionMediaStatusAndStatsQueryVariables>;
export const DailymotionVideoTitlesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DailymotionVideoTitles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"videos"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accounts"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<DailymotionVideoTitlesQuery, DailymotionVideoTitlesQueryVariables>;
export const DailymotionVideoIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DailymotionVideoIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"videos"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accounts"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DailymotionVideoIdsQuery, DailymotionVideoIdsQueryVariables>;
export const CreateDailymotionVideoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateDailymotionVideo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateVideoInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createVideo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionMedia"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"encodings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateDailymotionVideoMutation, CreateDailymotionVideoMutationVariables>;
export const SetDailymotionMetaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDailymotionMeta"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDailymotionMetaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDailymotionMeta"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"meta"}}]}}]}}]}}]} as unknown as DocumentNode<SetDailymotionMetaMutation, SetDailymotionMetaMutationVariables>;
export const RemoveDailymotionMetaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveDailymotionMeta"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveDailymotionMetaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeDailymotionMeta"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"meta"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveDailymotionMetaMutation, RemoveDailymotionMetaMutationVariables>;
export const SetDailymotionAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDailymotionAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDailymotionAssetsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDailymotionAssets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"encodings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SetDailymotionAssetsMutation, SetDailymotionAssetsMutationVariables>;
export const SetDailymotionThumbnailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDailymotionThumbnail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDailymotionThumbnailInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDailymotionThumbnail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"encodings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SetDailymotionThumbnailMutation, SetDailymotionThumbnailMutationVariables>;
export const DashboardStatusOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardStatusOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"videoStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accounts"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"byStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardStatusOverviewQuery, DashboardStatusOverviewQueryVariables>;
export const DashboardVideoDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardVideoDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Video"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"encodings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"profileName"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"extname"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PandaVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"originalFilename"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"embedImageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"embedVideoUrl"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionMedia"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meta"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardVideoDetailQuery, DashboardVideoDetailQueryVariables>;
export const DashboardNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Video"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardNodesQuery, DashboardNodesQueryVariables>;
export const DashboardVideoListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardVideoList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VideoFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VideoOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"videos"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accounts"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"embedImageUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"encodings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"profileName"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DailymotionAsset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardVideoListQuery, DashboardVideoListQueryVariables>;
export const EncodingDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EncodingDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Encoding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"profileName"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PandaEncoding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startedEncodingAt"}},{"kind":"Field","name":{"kind":"Name","value":"files"}},{"kind":"Field","name":{"kind":"Name","value":"errorClass"}}]}}]}}]}}]} as unknown as DocumentNode<EncodingDetailQuery, EncodingDetailQueryVariables>;
export const CreateEncodingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEncoding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEncodingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEncoding"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"encoding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"profileName"}},{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateEncodingMutation, CreateEncodingMutationVariables>;
export const RetryEncodingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryEncoding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryEncoding"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"encoding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}}]}}]}}]} as unknown as DocumentNode<RetryEncodingMutation, RetryEncodingMutationVariables>;
export const CancelEncodingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelEncoding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelEncoding"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"encoding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}}]}}]}}]}}]} as unknown as DocumentNode<CancelEncodingMutation, CancelEncodingMutationVariables>;
export const DeleteEncodingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteEncoding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteEncoding"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteEncodingMutation, DeleteEncodingMutationVariables>;
export const SignStreamUrlDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignStreamUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StreamUrlInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signStreamUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SignStreamUrlMutation, SignStreamUrlMutationVariables>;
export const SignEmbedUrlDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignEmbedUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EmbedUrlInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signEmbedUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SignEmbedUrlMutation, SignEmbedUrlMutationVariables>;
export const ThumbnailUrlDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ThumbnailUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"media"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"size"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"media"},"value":{"kind":"Variable","name":{"kind":"Name","value":"media"}}},{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"Variable","name":{"kind":"Name","value":"size"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ThumbnailUrlMutation, ThumbnailUrlMutationVariables>;
export const CreateDrmTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateDrmToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DrmTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDrmToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<CreateDrmTokenMutation, CreateDrmTokenMutationVariables>;
export const CreateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PandaProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presetName"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"aspectMode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateProfileMutation, CreateProfileMutationVariables>;
export const UpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProfileSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const DeleteProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteProfileMutation, DeleteProfileMutationVariables>;
export const UploadVideoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadVideo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadVideoInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadVideo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"bytesReceived"}},{"kind":"Field","name":{"kind":"Name","value":"bytesSent"}},{"kind":"Field","name":{"kind":"Name","value":"bytesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<UploadVideoMutation, UploadVideoMutationVariables>;
export const UploadSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UploadSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"bytesReceived"}},{"kind":"Field","name":{"kind":"Name","value":"bytesSent"}},{"kind":"Field","name":{"kind":"Name","value":"bytesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UploadSessionQuery, UploadSessionQueryVariables>;
export const CreateUploadTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUploadTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUploadTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUploadTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fileField"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}},{"kind":"Field","name":{"kind":"Name","value":"partSize"}},{"kind":"Field","name":{"kind":"Name","value":"parts"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"sessionRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateUploadTicketMutation, CreateUploadTicketMutationVariables>;
export const CompleteUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteUploadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompleteUploadMutation, CompleteUploadMutationVariables>;
export const UploadedVideoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UploadedVideo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Video"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PandaVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"originalFilename"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}}]}}]}}]}}]} as unknown as DocumentNode<UploadedVideoQuery, UploadedVideoQueryVariables>;
export const VideosDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Videos"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VideoFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"videos"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accounts"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accounts"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<VideosQuery, VideosQueryVariables>;
export const VideoDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VideoDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Video"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"encodings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"profileName"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PandaVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"originalFilename"}},{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"videoCodec"}},{"kind":"Field","name":{"kind":"Name","value":"audioCodec"}},{"kind":"Field","name":{"kind":"Name","value":"fps"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"errorClass"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}}]}}]}}]} as unknown as DocumentNode<VideoDetailQuery, VideoDetailQueryVariables>;
export const NodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Nodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<NodesQuery, NodesQueryVariables>;
export const CreateVideoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateVideo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateVideoInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createVideo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PandaVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateVideoMutation, CreateVideoMutationVariables>;
export const DeleteVideoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteVideo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteVideo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteVideoMutation, DeleteVideoMutationVariables>;
export const DeleteVideoSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteVideoSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteVideoSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteVideoSourceMutation, DeleteVideoSourceMutationVariables>;
export const ZiggeoAuthTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ZiggeoAuthToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"account"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ziggeoAuthToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"account"},"value":{"kind":"Variable","name":{"kind":"Name","value":"account"}}},{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoAuthTokenFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoAuthTokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoAuthToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"volatile"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}},{"kind":"Field","name":{"kind":"Name","value":"usageExpirationTime"}},{"kind":"Field","name":{"kind":"Name","value":"sessionLimit"}},{"kind":"Field","name":{"kind":"Name","value":"grants"}},{"kind":"Field","name":{"kind":"Name","value":"grantsText"}}]}}]} as unknown as DocumentNode<ZiggeoAuthTokenQuery, ZiggeoAuthTokenQueryVariables>;
export const AuthTokenNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthTokenNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoAuthToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionLimit"}}]}}]}}]}}]} as unknown as DocumentNode<AuthTokenNodeQuery, AuthTokenNodeQueryVariables>;
export const CreateZiggeoAuthTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateZiggeoAuthToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateZiggeoAuthTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createZiggeoAuthToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoAuthTokenFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoAuthTokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoAuthToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"volatile"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}},{"kind":"Field","name":{"kind":"Name","value":"usageExpirationTime"}},{"kind":"Field","name":{"kind":"Name","value":"sessionLimit"}},{"kind":"Field","name":{"kind":"Name","value":"grants"}},{"kind":"Field","name":{"kind":"Name","value":"grantsText"}}]}}]} as unknown as DocumentNode<CreateZiggeoAuthTokenMutation, CreateZiggeoAuthTokenMutationVariables>;
export const UpdateZiggeoAuthTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateZiggeoAuthToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateZiggeoAuthTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateZiggeoAuthToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoAuthTokenFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoAuthTokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoAuthToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"volatile"}},{"kind":"Field","name":{"kind":"Name","value":"hidden"}},{"kind":"Field","name":{"kind":"Name","value":"usageExpirationTime"}},{"kind":"Field","name":{"kind":"Name","value":"sessionLimit"}},{"kind":"Field","name":{"kind":"Name","value":"grants"}},{"kind":"Field","name":{"kind":"Name","value":"grantsText"}}]}}]} as unknown as DocumentNode<UpdateZiggeoAuthTokenMutation, UpdateZiggeoAuthTokenMutationVariables>;
export const DeleteZiggeoAuthTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteZiggeoAuthToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteZiggeoAuthToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteZiggeoAuthTokenMutation, DeleteZiggeoAuthTokenMutationVariables>;
export const CreateZiggeoClientAuthTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateZiggeoClientAuthToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateZiggeoClientAuthTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createZiggeoClientAuthToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"nonce"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<CreateZiggeoClientAuthTokenMutation, CreateZiggeoClientAuthTokenMutationVariables>;
export const CreateZiggeoStreamWithFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateZiggeoStreamWithFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"video"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SafeInt"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uploadId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createZiggeoStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"video"},"value":{"kind":"Variable","name":{"kind":"Name","value":"video"}}},{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"uploadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uploadId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamFields"}},{"kind":"Field","name":{"kind":"Name","value":"imageSize"}},{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultStreamToken"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamUploadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoStream"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"creationType"}},{"kind":"Field","name":{"kind":"Name","value":"streamable"}},{"kind":"Field","name":{"kind":"Name","value":"videoType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"videoSize"}},{"kind":"Field","name":{"kind":"Name","value":"hasVideo"}},{"kind":"Field","name":{"kind":"Name","value":"hasImage"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"isOriginal"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamUploadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UploadSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"bytesReceived"}},{"kind":"Field","name":{"kind":"Name","value":"bytesSent"}},{"kind":"Field","name":{"kind":"Name","value":"bytesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<CreateZiggeoStreamWithFileMutation, CreateZiggeoStreamWithFileMutationVariables>;
export const AttachZiggeoStreamImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AttachZiggeoStreamImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SafeInt"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uploadId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachZiggeoStreamImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"uploadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uploadId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamFields"}},{"kind":"Field","name":{"kind":"Name","value":"imageSize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamUploadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoStream"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"creationType"}},{"kind":"Field","name":{"kind":"Name","value":"streamable"}},{"kind":"Field","name":{"kind":"Name","value":"videoType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"videoSize"}},{"kind":"Field","name":{"kind":"Name","value":"hasVideo"}},{"kind":"Field","name":{"kind":"Name","value":"hasImage"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"isOriginal"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamUploadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UploadSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"bytesReceived"}},{"kind":"Field","name":{"kind":"Name","value":"bytesSent"}},{"kind":"Field","name":{"kind":"Name","value":"bytesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<AttachZiggeoStreamImageMutation, AttachZiggeoStreamImageMutationVariables>;
export const AttachZiggeoStreamVideoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AttachZiggeoStreamVideo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileSize"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SafeInt"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uploadId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachZiggeoStreamVideo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileSize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileSize"}}},{"kind":"Argument","name":{"kind":"Name","value":"uploadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uploadId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamFields"}},{"kind":"Field","name":{"kind":"Name","value":"imageSize"}},{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultStreamToken"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamUploadFields"}},{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoStream"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"creationType"}},{"kind":"Field","name":{"kind":"Name","value":"streamable"}},{"kind":"Field","name":{"kind":"Name","value":"videoType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"videoSize"}},{"kind":"Field","name":{"kind":"Name","value":"hasVideo"}},{"kind":"Field","name":{"kind":"Name","value":"hasImage"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"isOriginal"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamUploadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UploadSession"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"bytesReceived"}},{"kind":"Field","name":{"kind":"Name","value":"bytesSent"}},{"kind":"Field","name":{"kind":"Name","value":"bytesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<AttachZiggeoStreamVideoMutation, AttachZiggeoStreamVideoMutationVariables>;
export const ZiggeoVideosDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ZiggeoVideos"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"account"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideoFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reverse"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"skip"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ziggeoVideos"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"account"},"value":{"kind":"Variable","name":{"kind":"Name","value":"account"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"reverse"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reverse"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"skip"},"value":{"kind":"Variable","name":{"kind":"Name","value":"skip"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoVideoFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoVideoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"volatile"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDays"}},{"kind":"Field","name":{"kind":"Name","value":"minDuration"}},{"kind":"Field","name":{"kind":"Name","value":"maxDuration"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"defaultStreamToken"}},{"kind":"Field","name":{"kind":"Name","value":"originalStreamToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ZiggeoVideosQuery, ZiggeoVideosQueryVariables>;
export const ZiggeoVideoCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ZiggeoVideoCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"account"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideoFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ziggeoVideoCount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"account"},"value":{"kind":"Variable","name":{"kind":"Name","value":"account"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}]}]}}]} as unknown as DocumentNode<ZiggeoVideoCountQuery, ZiggeoVideoCountQueryVariables>;
export const ZiggeoVideoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ZiggeoVideo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"account"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenOrKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"states"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ziggeoVideo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"account"},"value":{"kind":"Variable","name":{"kind":"Name","value":"account"}}},{"kind":"Argument","name":{"kind":"Name","value":"tokenOrKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenOrKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoVideoFields"}},{"kind":"Field","name":{"kind":"Name","value":"streams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"states"},"value":{"kind":"Variable","name":{"kind":"Name","value":"states"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoVideoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"volatile"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDays"}},{"kind":"Field","name":{"kind":"Name","value":"minDuration"}},{"kind":"Field","name":{"kind":"Name","value":"maxDuration"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"defaultStreamToken"}},{"kind":"Field","name":{"kind":"Name","value":"originalStreamToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoStream"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"creationType"}},{"kind":"Field","name":{"kind":"Name","value":"streamable"}},{"kind":"Field","name":{"kind":"Name","value":"videoType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"videoSize"}},{"kind":"Field","name":{"kind":"Name","value":"hasVideo"}},{"kind":"Field","name":{"kind":"Name","value":"hasImage"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"isOriginal"}}]}}]} as unknown as DocumentNode<ZiggeoVideoQuery, ZiggeoVideoQueryVariables>;
export const ZiggeoDownloadUrlsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ZiggeoDownloadUrls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"account"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenOrKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresIn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ziggeoVideo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"account"},"value":{"kind":"Variable","name":{"kind":"Name","value":"account"}}},{"kind":"Argument","name":{"kind":"Name","value":"tokenOrKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenOrKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"videoDownloadUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresIn"}}}]},{"kind":"Field","name":{"kind":"Name","value":"imageDownloadUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresIn"}}}]},{"kind":"Field","name":{"kind":"Name","value":"streams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hasVideo"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"videoDownloadUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresIn"}}}]},{"kind":"Field","name":{"kind":"Name","value":"imageDownloadUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresIn"}}}]}]}}]}}]}}]} as unknown as DocumentNode<ZiggeoDownloadUrlsQuery, ZiggeoDownloadUrlsQueryVariables>;
export const ZiggeoStreamsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ZiggeoStreams"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"video"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"states"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ziggeoStreams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"video"},"value":{"kind":"Variable","name":{"kind":"Name","value":"video"}}},{"kind":"Argument","name":{"kind":"Name","value":"states"},"value":{"kind":"Variable","name":{"kind":"Name","value":"states"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoStream"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"creationType"}},{"kind":"Field","name":{"kind":"Name","value":"streamable"}},{"kind":"Field","name":{"kind":"Name","value":"videoType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"videoSize"}},{"kind":"Field","name":{"kind":"Name","value":"hasVideo"}},{"kind":"Field","name":{"kind":"Name","value":"hasImage"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"isOriginal"}}]}}]} as unknown as DocumentNode<ZiggeoStreamsQuery, ZiggeoStreamsQueryVariables>;
export const ZiggeoStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ZiggeoStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"video"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenOrKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ziggeoStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"video"},"value":{"kind":"Variable","name":{"kind":"Name","value":"video"}}},{"kind":"Argument","name":{"kind":"Name","value":"tokenOrKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenOrKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamFields"}},{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoStream"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"creationType"}},{"kind":"Field","name":{"kind":"Name","value":"streamable"}},{"kind":"Field","name":{"kind":"Name","value":"videoType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"videoSize"}},{"kind":"Field","name":{"kind":"Name","value":"hasVideo"}},{"kind":"Field","name":{"kind":"Name","value":"hasImage"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"isOriginal"}}]}}]} as unknown as DocumentNode<ZiggeoStreamQuery, ZiggeoStreamQueryVariables>;
export const CreateZiggeoVideoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateZiggeoVideo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateZiggeoVideoInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createZiggeoVideo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoVideoFields"}},{"kind":"Field","name":{"kind":"Name","value":"streams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoVideoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"volatile"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDays"}},{"kind":"Field","name":{"kind":"Name","value":"minDuration"}},{"kind":"Field","name":{"kind":"Name","value":"maxDuration"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"defaultStreamToken"}},{"kind":"Field","name":{"kind":"Name","value":"originalStreamToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoStream"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"creationType"}},{"kind":"Field","name":{"kind":"Name","value":"streamable"}},{"kind":"Field","name":{"kind":"Name","value":"videoType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"videoSize"}},{"kind":"Field","name":{"kind":"Name","value":"hasVideo"}},{"kind":"Field","name":{"kind":"Name","value":"hasImage"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"isOriginal"}}]}}]} as unknown as DocumentNode<CreateZiggeoVideoMutation, CreateZiggeoVideoMutationVariables>;
export const UpdateZiggeoVideoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateZiggeoVideo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateZiggeoVideoInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateZiggeoVideo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoVideoFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoVideoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"volatile"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDays"}},{"kind":"Field","name":{"kind":"Name","value":"minDuration"}},{"kind":"Field","name":{"kind":"Name","value":"maxDuration"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"defaultStreamToken"}},{"kind":"Field","name":{"kind":"Name","value":"originalStreamToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UpdateZiggeoVideoMutation, UpdateZiggeoVideoMutationVariables>;
export const PushZiggeoVideoToServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PushZiggeoVideoToService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pushServiceToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pushZiggeoVideoToService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"pushServiceToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pushServiceToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pushedId"}},{"kind":"Field","name":{"kind":"Name","value":"pushServiceToken"}}]}}]}}]} as unknown as DocumentNode<PushZiggeoVideoToServiceMutation, PushZiggeoVideoToServiceMutationVariables>;
export const CreateZiggeoStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateZiggeoStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"video"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createZiggeoStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"video"},"value":{"kind":"Variable","name":{"kind":"Name","value":"video"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamFields"}},{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoStream"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"creationType"}},{"kind":"Field","name":{"kind":"Name","value":"streamable"}},{"kind":"Field","name":{"kind":"Name","value":"videoType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"videoSize"}},{"kind":"Field","name":{"kind":"Name","value":"hasVideo"}},{"kind":"Field","name":{"kind":"Name","value":"hasImage"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"isOriginal"}}]}}]} as unknown as DocumentNode<CreateZiggeoStreamMutation, CreateZiggeoStreamMutationVariables>;
export const BindZiggeoStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BindZiggeoStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bindZiggeoStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stream"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ZiggeoStreamFields"}},{"kind":"Field","name":{"kind":"Name","value":"video"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoVideo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultStreamToken"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ZiggeoStreamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ZiggeoStream"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rawStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rawState"}},{"kind":"Field","name":{"kind":"Name","value":"creationType"}},{"kind":"Field","name":{"kind":"Name","value":"streamable"}},{"kind":"Field","name":{"kind":"Name","value":"videoType"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"videoSize"}},{"kind":"Field","name":{"kind":"Name","value":"hasVideo"}},{"kind":"Field","name":{"kind":"Name","value":"hasImage"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"isOriginal"}}]}}]} as unknown as DocumentNode<BindZiggeoStreamMutation, BindZiggeoStreamMutationVariables>;
export const PushZiggeoStreamToServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PushZiggeoStreamToService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pushServiceToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pushZiggeoStreamToService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"pushServiceToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pushServiceToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pushedId"}},{"kind":"Field","name":{"kind":"Name","value":"pushServiceToken"}}]}}]}}]} as unknown as DocumentNode<PushZiggeoStreamToServiceMutation, PushZiggeoStreamToServiceMutationVariables>;
export const DeleteZiggeoStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteZiggeoStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteZiggeoStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteZiggeoStreamMutation, DeleteZiggeoStreamMutationVariables>;