import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { SafeInt } from '../common/scalars';
import { Video } from '../common/media';
import { uploadsOf } from '../../uploads/service';
import { completeTicket, openTicket } from '../../uploads/tickets';
import { ticketSharesOf } from '../../uploads/ticket-shares';
import { SIGNATURE_TTL_MS, type SignedRequest } from '../../domain/direct-upload';
import { unsupported } from '../../errors';
import { checkFileSize, cleanFileName } from '../../uploads/send-file';
import { uploadVideo } from '../../uploads/upload-video';
import { VideoPayload } from '../common/payloads';
import { UploadSessionType } from '../common/upload-session';
import { CompleteUploadInput, CreateUploadTicketInput, SignedUpload, UploadTicketType, UploadVideoInput, UploadVideoPayload } from './types';
import { httpUrl, maxLength, positiveInt } from '../../domain/validate';

/** A signed provider request as the schema shows it: its params as name/value pairs. */
function signedUploadOf(signed: SignedRequest, expiresAt: Date): SignedUpload {
  return { url: signed.url, method: signed.method, params: Object.entries(signed.params).map(([name, value]) => ({ name, value })), expiresAt };
}

@InputType('SignUploadInput', { description: 'The file a browser is about to upload straight to the provider.' })
export class SignUploadInput {
  @Field(() => ID, { description: 'Account to upload into.' })
  account!: string;

  @Field(() => String, { description: 'Name of the file being uploaded.' })
  fileName!: string;

  @Field(() => SafeInt, { description: 'Exact size of the file in bytes.' })
  fileSize!: number;

  @Field(() => [String], { nullable: true, description: 'Profile names to encode with; `[]` for none.' })
  profiles?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Free text stored with the video.' })
  payload?: string | null;
}

@Resolver()
export class UploadResolver {
  @Mutation(() => SignedUpload, { description: 'Signs a browser’s upload-session request (Panda `signed_params`). The secret never leaves the gateway.' })
  signUpload(@Arg('input', () => SignUploadInput, { description: 'The file to be uploaded.' }) input: SignUploadInput, @Ctx() ctx: RequestContext): SignedUpload {
    const source = ctx.account(input.account);
    if (!source.signUpload) throw unsupported('signed uploads', source.accountId, source.provider);
    positiveInt(input.fileSize, 'fileSize');
    maxLength(input.fileName, 1024, 'fileName');
    maxLength(input.payload, 256, 'payload');
    const now = new Date();
    return signedUploadOf(source.signUpload(input, now), new Date(now.getTime() + SIGNATURE_TTL_MS));
  }

  @Mutation(() => UploadVideoPayload, {
    description:
      'Uploads a file through the gateway (GraphQL multipart request; send `Apollo-Require-Preflight: true`) and creates a video from it. The file streams to the provider: Panda and Telestream through resumable sessions that survive broken connections, Dailymotion through its upload server then `media.create`, Ziggeo with the video’s creation. UPLOAD_TOO_LARGE past `server.maxUploadBytes`.',
  })
  async uploadVideo(
    @Arg('input', () => UploadVideoInput, { description: 'The file and the video to create.' }) input: UploadVideoInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UploadVideoPayload> {
    const source = ctx.account(input.account);
    maxLength(input.payload, 256, 'payload');
    maxLength(input.title, 1024, 'title');
    maxLength(input.pathFormat, 1024, 'pathFormat');
    const { video, progress } = await uploadVideo(uploadsOf(ctx.registry), {
      source,
      file: input.file,
      fileSize: input.fileSize,
      video: input,
      uploadId: input.uploadId,
      owner: ctx.principal.name,
    });
    ctx.loaders(source).primeVideos([video]);
    return { video, upload: progress };
  }

  @Query(() => UploadSessionType, {
    nullable: true,
    description: 'Progress of an upload through the gateway, by the `uploadId` given to `uploadVideo` (or answered by it); null when unknown or expired.',
  })
  async uploadSession(@Arg('id', () => ID, { description: 'The upload’s id.' }) id: string, @Ctx() ctx: RequestContext): Promise<UploadSessionType | null> {
    const progress = await uploadsOf(ctx.registry).sessions.get(id, ctx.principal.name);
    if (!progress || !ctx.sees(progress.account)) return null;
    return progress;
  }

  @Mutation(() => UploadTicketType, {
    description:
      'Prepares a browser’s upload straight to the provider: a Panda resumable session, a Telestream multi-part session, a Dailymotion upload URL or a Ziggeo signed form. No secret is in it beyond the URL’s own. Finish with `completeUpload`.',
  })
  async createUploadTicket(
    @Arg('input', () => CreateUploadTicketInput, { description: 'The file to be uploaded.' }) input: CreateUploadTicketInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UploadTicketType> {
    const source = ctx.account(input.account);
    const uploads = uploadsOf(ctx.registry);
    checkFileSize(input.fileSize, uploads.limits.maxUploadBytes);
    maxLength(input.fileName, 1024, 'fileName');
    maxLength(input.payload, 256, 'payload');
    maxLength(input.title, 1024, 'title');
    // the key's share (server.perKey.maxOpenTickets) is checked before the provider opens anything
    const place = ticketSharesOf(ctx.registry).reserve(ctx.principal);
    const ticket = await openTicket(uploads.tickets, source, { fileName: cleanFileName(input.fileName), fileSize: input.fileSize, video: input }, ctx.principal.name).catch(
      (error: unknown) => {
        place.drop();
        throw error;
      },
    );
    place.keep(ticket.id, ticket.expiresAt);
    const signed = ticket.sessionRequest;
    const sessionRequest = signed && signedUploadOf(signed, signed.expiresAt);
    return { ...ticket, fields: ticket.fields.map(([name, value]) => ({ name, value })), sessionRequest };
  }

  @Mutation(() => VideoPayload, {
    description:
      'Finishes a direct upload: the video the browser’s upload created (Dailymotion: created now from the uploaded file; Ziggeo: confirmed now). A ticket completes once.',
  })
  async completeUpload(
    @Arg('input', () => CompleteUploadInput, { description: 'The ticket and what the provider answered the browser.' }) input: CompleteUploadInput,
    @Ctx() ctx: RequestContext,
  ): Promise<VideoPayload> {
    const tickets = uploadsOf(ctx.registry).tickets;
    const ticket = tickets.open(input.ticket, (account) => ctx.sees(account));
    if (input.uploadedUrl != null) httpUrl(input.uploadedUrl, 'uploadedUrl');
    maxLength(input.videoId, 256, 'videoId');
    const source = ctx.account(ticket.account);
    const video = await tickets.once(ticket, input.ticket, () => completeTicket(source, ticket, input));
    ticketSharesOf(ctx.registry).remove(input.ticket);
    ctx.loaders(source).primeVideos([video]);
    return { video };
  }
}

@Resolver(() => UploadSessionType)
export class UploadSessionResolver {
  @FieldResolver(() => Video, { nullable: true, description: 'The created video, once COMPLETED.' })
  async video(@Root() session: UploadSessionType, @Ctx() ctx: RequestContext): Promise<unknown> {
    if (session.videoId === null) return null;
    return ctx.loaders(ctx.account(session.account)).video.load(session.videoId);
  }
}
