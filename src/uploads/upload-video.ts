import type { ProviderDatasource } from '../domain/datasource';
import type { UploadVideoInput } from '../domain/upload';
import type { VideoRecord } from '../domain/types';
import { unsupported } from '../errors';
import { sendFile, type FileRequest } from './send-file';
import type { UploadProgress } from './sessions';
import type { Uploads } from './service';

export interface UploadVideoRequest extends FileRequest {
  readonly source: ProviderDatasource;
  readonly video: UploadVideoInput;
}

/** Streams one client file to the provider and creates a video from it (DESIGN §7 uploads). */
export async function uploadVideo(uploads: Uploads, request: UploadVideoRequest): Promise<{ video: VideoRecord; progress: UploadProgress }> {
  const { source } = request;
  if (!source.uploadVideo) throw unsupported('file uploads', source.accountId, source.provider);
  const upload = source.uploadVideo.bind(source);
  const { result, progress } = await sendFile(
    uploads,
    source.accountId,
    request,
    (body, hooks) => upload(request.video, body, hooks),
    (video) => video.nativeId,
  );
  return { video: result, progress };
}
