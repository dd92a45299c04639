import { providerError } from '../../upstream';
import type { ZiggeoClient } from './client';
import { fileExtension } from './encode';
import * as wire from './wire';

/** The 2.30 signed-upload flow (spec §3.6): calls through the client, kept apart from the framing the client itself uses. */

/** What a browser posts to the S3-like leg of the 2.30 flow (spec §3.6 step 2), and what to confirm after. */
export interface SignedVideoUpload {
  readonly url: string;
  readonly fields: readonly (readonly [string, string])[];
  readonly videoToken: string;
  readonly streamToken: string;
}

/** Step 1 of spec §3.6 (`/v1/videos-upload-url`): the video and its waiting stream exist from here on. */
export async function openSignedVideoUpload(client: ZiggeoClient, fileName: string): Promise<SignedVideoUpload> {
  const ticket = await client.json(
    { verb: 'POST', path: '/v1/videos-upload-url', data: [['video_type', fileExtension(fileName)]], host: 'api', result: 'json', idempotent: false },
    wire.wireAny,
  );
  const urlData = wire.wireUploadUrl.safeParse(ticket);
  const video = wire.wireUploadScope.safeParse((ticket as Record<string, unknown> | null)?.video);
  if (!urlData.success || !video.success || !video.data.default_stream) throw providerError(client.target, 'PROVIDER_UNAVAILABLE', 'unexpected videos-upload-url answer');
  const base = client.hosts.api.replace(/\/+$/, '');
  const url = /^https?:/.test(urlData.data.url_data.url) ? urlData.data.url_data.url : base + urlData.data.url_data.url;
  return {
    url,
    fields: Object.entries(urlData.data.url_data.fields).map(([k, v]) => [k, String(v)] as const),
    videoToken: video.data.token,
    streamToken: video.data.default_stream.token,
  };
}

/** Step 3 of spec §3.6: the stream takes the uploaded file and starts processing. */
export async function confirmSignedVideoUpload(client: ZiggeoClient, videoToken: string, streamToken: string): Promise<void> {
  await client.json(
    { verb: 'POST', path: `/v1/videos/${videoToken}/streams/${streamToken}/confirm-video`, data: null, host: 'api', result: 'json', idempotent: false },
    wire.wireAny,
  );
}
