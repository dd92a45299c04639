import { registerEnumType } from 'type-graphql';
import { Capability, EncodingStatus, VideoStatus } from '../../domain/types';

export enum Provider {
  DAILYMOTION = 'dailymotion',
  PANDA = 'panda',
  TELESTREAM = 'telestream',
  ZIGGEO = 'ziggeo',
}

registerEnumType(Provider, {
  name: 'Provider',
  description: 'The video providers vidmesh federates.',
  valuesConfig: {
    DAILYMOTION: { description: 'Dailymotion Cloud (CloudKey), JSON-RPC.' },
    PANDA: { description: 'Panda (pandastream) REST API v2.' },
    TELESTREAM: { description: 'Telestream Cloud (Flip), Panda’s successor.' },
    ZIGGEO: { description: 'Ziggeo REST API v1.' },
  },
});

registerEnumType(VideoStatus, {
  name: 'VideoStatus',
  description: 'Normalized status of a video’s source; the provider’s own value is in `rawStatus`.',
  valuesConfig: {
    PENDING: { description: 'Created, waiting for its source file.' },
    UPLOADING: { description: 'The source file is being uploaded.' },
    PROCESSING: { description: 'The source is being fetched or analysed.' },
    READY: { description: 'The source is stored and usable.' },
    FAILED: { description: 'The source could not be fetched or processed; see the provider’s error fields.' },
    UNKNOWN: { description: 'The provider reported a status vidmesh does not know; see `rawStatus`.' },
  },
});

registerEnumType(EncodingStatus, {
  name: 'EncodingStatus',
  description: 'Normalized status of an encoding (rendition); `progress` tells how far it is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for an encoder.' },
    PROCESSING: { description: 'Being encoded; `progress` grows from 0 to 100.' },
    READY: { description: 'Encoded; the output files exist.' },
    FAILED: { description: 'Encoding failed; see the provider’s error fields.' },
    CANCELLED: { description: 'Cancelled before it finished.' },
    UNKNOWN: { description: 'The provider reported a status vidmesh does not know; see `rawStatus`.' },
  },
});

registerEnumType(Capability, {
  name: 'Capability',
  description: 'An operation an account’s provider supports; others answer UNSUPPORTED_BY_PROVIDER.',
  valuesConfig: {
    LIST_VIDEOS: { description: 'List videos page by page.' },
    FILTER_VIDEOS_BY_STATUS: { description: 'Filter the video list by status upstream.' },
    CREATE_VIDEO_FROM_URL: { description: 'Create a video from a source URL the provider fetches.' },
    DELETE_VIDEO: { description: 'Delete a video and its encodings.' },
    DELETE_VIDEO_SOURCE: { description: 'Delete only a video’s source file, keeping its encodings.' },
    VIDEO_METADATA: { description: 'Read the technical metadata extracted from the source file.' },
    ENCODINGS: { description: 'Read a video’s encodings.' },
    CREATE_ENCODING: { description: 'Create an encoding of a video with a profile.' },
    RETRY_ENCODING: { description: 'Retry a failed encoding.' },
    CANCEL_ENCODING: { description: 'Cancel a queued or running encoding.' },
    DELETE_ENCODING: { description: 'Delete an encoding.' },
    PROFILES: { description: 'Read encoding profiles.' },
    MANAGE_PROFILES: { description: 'Create, update and delete encoding profiles.' },
    NOTIFICATIONS: { description: 'Read and change the provider’s notification (webhook) settings.' },
    SIGNED_UPLOAD_PARAMS: { description: 'Sign parameters so a browser can upload straight to the provider.' },
    RESUMABLE_UPLOAD: { description: 'Resumable upload sessions.' },
    UPLOAD_FILE: { description: '`uploadVideo`: a file streamed through the gateway.' },
    DIRECT_UPLOAD: { description: '`createUploadTicket`: a browser uploads straight to the provider.' },
  },
});
