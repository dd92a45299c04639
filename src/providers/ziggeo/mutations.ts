import { GraphQLUpload, type FileUpload } from 'graphql-upload-minimal';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { ZiggeoDatasource, ZiggeoMediaTarget } from './datasource';
import { parseStreamNativeId } from './map';
import { badUserInput } from '../../errors';
import { SafeInt } from '../../graph/common/scalars';
import { sendFile, type FileRequest } from '../../uploads/send-file';
import { uploadsOf } from '../../uploads/service';
import { DeletePayload } from '../../graph/common/payloads';
import { asZiggeo, locate } from './lookup';
import { CreateZiggeoVideoInput, UpdateZiggeoVideoInput, ZiggeoPushPayload, ZiggeoStreamPayload, ZiggeoVideoPayload } from './schema-inputs';

/** Ziggeo video and stream writes (ziggeo spec §5.1–5.2); stream media arrives as an `Upload` (GraphQL multipart request). */

function streamOf(ctx: RequestContext, id: string): { source: ZiggeoDatasource; video: string; stream: string } {
  const { source, nativeId } = locate(ctx, id, ['ZiggeoStream']);
  const parsed = parseStreamNativeId(nativeId);
  if (!parsed) throw badUserInput(`id "${id.slice(0, 40)}" is not a Ziggeo stream id`, { field: 'id' });
  return { source: asZiggeo(source), ...parsed };
}

/** Streams the client's file into a stream (src/uploads: limits, spool, session, metric). */
async function uploadMedia(ctx: RequestContext, source: ZiggeoDatasource, target: ZiggeoMediaTarget, request: FileRequest): Promise<ZiggeoStreamPayload> {
  source.checkMediaTarget(target);
  const sent = await sendFile(
    uploadsOf(ctx.registry),
    source.accountId,
    { ...request, owner: ctx.principal.name },
    (body, hooks) => source.uploadStreamMedia(target, body, hooks),
    () => target.video,
  );
  ctx.loaders(source).forgetVideo(target.video);
  return { stream: sent.result, upload: sent.progress };
}

const pushTokenArg = { description: 'Token of the push service configured in the Ziggeo application.' };
const fileSizeArg = {
  nullable: true,
  description: 'Exact size of the file in bytes. Given, the file streams straight to Ziggeo; absent, it is first spooled to a temporary file on disk.',
} as const;
const uploadIdArg = { nullable: true, description: 'An id of your choosing (8–64 of `A-Za-z0-9_-`) to follow the upload with `uploadSession`; a random one otherwise.' } as const;
const multipartNote = 'GraphQL multipart request with `Apollo-Require-Preflight: true`; UPLOAD_TOO_LARGE past `server.maxUploadBytes`';

@Resolver()
export class ZiggeoMutations {
  @Mutation(() => ZiggeoVideoPayload, { description: 'Creates a Ziggeo video without media (`videos.create`). Not retried.' })
  async createZiggeoVideo(
    @Arg('input', () => CreateZiggeoVideoInput, { description: 'The video.' }) input: CreateZiggeoVideoInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ZiggeoVideoPayload> {
    const source = asZiggeo(ctx.account(input.account), 'createZiggeoVideo');
    const video = await source.createVideo({
      key: input.key ?? undefined,
      tags: input.tags ?? undefined,
      minDuration: input.minDuration ?? undefined,
      maxDuration: input.maxDuration ?? undefined,
      volatile: input.volatile ?? undefined,
    });
    ctx.loaders(source).primeVideos([video]);
    return { video };
  }

  @Mutation(() => ZiggeoVideoPayload, { description: 'Changes a Ziggeo video’s key, tags, durations, expiry or moderation (`videos.update`).' })
  async updateZiggeoVideo(
    @Arg('input', () => UpdateZiggeoVideoInput, { description: 'The changes.' }) input: UpdateZiggeoVideoInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ZiggeoVideoPayload> {
    const { source, nativeId } = locate(ctx, input.id, ['ZiggeoVideo']);
    if (input.key === null) throw badUserInput('key: a video key can be changed, not removed', { field: 'key' });
    const video = await asZiggeo(source).updateVideo(nativeId, {
      key: input.key,
      tags: input.tags === null ? [] : input.tags,
      minDuration: input.minDuration ?? undefined,
      maxDuration: input.maxDuration ?? undefined,
      volatile: input.volatile ?? undefined,
      expirationDays: input.expirationDays,
      expireOn: input.expireOn,
      approved: input.approved,
    });
    ctx.loaders(source).primeVideos([video]);
    return { video };
  }

  @Mutation(() => ZiggeoPushPayload, { description: 'Sends a Ziggeo video to one of the application’s push services (`videos.push_to_service`).' })
  async pushZiggeoVideoToService(
    @Arg('id', () => ID, { description: 'Global id of the ZiggeoVideo.' }) id: string,
    @Arg('pushServiceToken', () => String, pushTokenArg) pushServiceToken: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ZiggeoPushPayload> {
    const { source, nativeId } = locate(ctx, id, ['ZiggeoVideo']);
    await asZiggeo(source).pushVideoToService(nativeId, pushServiceToken);
    return { pushedId: id, pushServiceToken };
  }

  @Mutation(() => ZiggeoStreamPayload, {
    description: `Adds a stream to a Ziggeo video (\`streams.create\`): empty, or with \`file\` as its video, which starts processing and makes it the default stream (${multipartNote}).`,
  })
  async createZiggeoStream(
    @Arg('video', () => ID, { description: 'Global id of the ZiggeoVideo.' }) video: string,
    @Arg('file', () => GraphQLUpload, { nullable: true, description: 'The stream’s video file, as a part of the multipart request; absent: an empty stream.' })
    file: Promise<FileUpload> | null | undefined,
    @Arg('fileSize', () => SafeInt, fileSizeArg) fileSize: number | null | undefined,
    @Arg('uploadId', () => String, uploadIdArg) uploadId: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ZiggeoStreamPayload> {
    const { source, nativeId } = locate(ctx, video, ['ZiggeoVideo']);
    const ziggeo = asZiggeo(source);
    if (file) return uploadMedia(ctx, ziggeo, { to: 'newStream', video: nativeId }, { file, fileSize, uploadId });
    if (fileSize != null || uploadId != null) throw badUserInput('fileSize and uploadId go with a file', { field: fileSize != null ? 'fileSize' : 'uploadId' });
    const stream = await ziggeo.createStream(nativeId);
    ctx.loaders(source).forgetVideo(nativeId);
    return { stream, upload: null };
  }

  @Mutation(() => ZiggeoStreamPayload, {
    description: `Attaches an image (the cover) to a Ziggeo stream (\`streams.attach_image\`); attach it before the video, which starts processing (${multipartNote}).`,
  })
  async attachZiggeoStreamImage(
    @Arg('id', () => ID, { description: 'Global id of the ZiggeoStream.' }) id: string,
    @Arg('file', () => GraphQLUpload, { description: 'The image file (PNG, JPEG, GIF), as a part of the multipart request.' }) file: Promise<FileUpload>,
    @Arg('fileSize', () => SafeInt, fileSizeArg) fileSize: number | null | undefined,
    @Arg('uploadId', () => String, uploadIdArg) uploadId: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ZiggeoStreamPayload> {
    const { source, video, stream } = streamOf(ctx, id);
    return uploadMedia(ctx, source, { to: 'image', video, stream }, { file, fileSize, uploadId });
  }

  @Mutation(() => ZiggeoStreamPayload, {
    description: `Attaches a video file to a Ziggeo stream (\`streams.attach_video\`): the stream starts processing and becomes the video’s default (${multipartNote}).`,
  })
  async attachZiggeoStreamVideo(
    @Arg('id', () => ID, { description: 'Global id of the ZiggeoStream.' }) id: string,
    @Arg('file', () => GraphQLUpload, { description: 'The video file, as a part of the multipart request.' }) file: Promise<FileUpload>,
    @Arg('fileSize', () => SafeInt, fileSizeArg) fileSize: number | null | undefined,
    @Arg('uploadId', () => String, uploadIdArg) uploadId: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ZiggeoStreamPayload> {
    const { source, video, stream } = streamOf(ctx, id);
    return uploadMedia(ctx, source, { to: 'video', video, stream }, { file, fileSize, uploadId });
  }

  @Mutation(() => ZiggeoStreamPayload, { description: 'Makes a stream its video’s default (`streams.bind`, SDK 1.17).' })
  async bindZiggeoStream(@Arg('id', () => ID, { description: 'Global id of the ZiggeoStream.' }) id: string, @Ctx() ctx: RequestContext): Promise<ZiggeoStreamPayload> {
    const { source, video, stream } = streamOf(ctx, id);
    const bound = await source.bindStream(video, stream);
    ctx.loaders(source).forgetVideo(video);
    return { stream: bound, upload: null };
  }

  @Mutation(() => ZiggeoPushPayload, { description: 'Sends one stream to a push service (`streams.push_to_service`).' })
  async pushZiggeoStreamToService(
    @Arg('id', () => ID, { description: 'Global id of the ZiggeoStream.' }) id: string,
    @Arg('pushServiceToken', () => String, pushTokenArg) pushServiceToken: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ZiggeoPushPayload> {
    const { source, video, stream } = streamOf(ctx, id);
    await source.pushStreamToService(video, stream, pushServiceToken);
    return { pushedId: id, pushServiceToken };
  }

  @Mutation(() => DeletePayload, { description: 'Deletes one stream of a Ziggeo video (`streams.delete`).' })
  async deleteZiggeoStream(@Arg('id', () => ID, { description: 'Global id of the ZiggeoStream.' }) id: string, @Ctx() ctx: RequestContext): Promise<DeletePayload> {
    const { source, video, stream } = streamOf(ctx, id);
    await source.deleteStream(video, stream);
    ctx.loaders(source).forgetVideo(video);
    return { deletedId: id };
  }
}
