import { GraphQLUpload, type FileUpload } from 'graphql-upload-minimal';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, SafeInt } from '../common/scalars';
import { Video } from '../common/media';
import type { TicketProtocol } from '../../uploads/tickets';
import { UploadSessionType } from '../common/upload-session';

@ObjectType('SignedParam', { description: 'One form or query parameter of a signed request.' })
export class SignedParam {
  @Field(() => String, { description: 'Parameter name.' })
  name!: string;

  @Field(() => String, { description: 'Parameter value, to send as is.' })
  value!: string;
}

@ObjectType('SignedUpload', {
  description: 'A request a browser sends to the provider itself: for Panda, `POST url` with `params`, answering an upload session `location`.',
})
export class SignedUpload {
  @Field(() => String, { description: 'Where to send the request.' })
  url!: string;

  @Field(() => String, { description: 'HTTP method.' })
  method!: string;

  @Field(() => [SignedParam], { description: 'Signed parameters (query string or form fields), signature included.' })
  params!: SignedParam[];

  @Field(() => DateTime, { description: 'After this the provider refuses the signature.' })
  expiresAt!: Date;
}

export enum UploadTicketProtocolEnum {
  RESUMABLE_SESSION = 'RESUMABLE_SESSION',
  MULTI_PART_SESSION = 'MULTI_PART_SESSION',
  MULTIPART_FORM = 'MULTIPART_FORM',
}
registerEnumType(UploadTicketProtocolEnum, {
  name: 'UploadTicketProtocol',
  description: 'How a browser sends the file with an upload ticket.',
  valuesConfig: {
    RESUMABLE_SESSION: {
      description:
        'Panda: `POST url` with `Content-Type: application/octet-stream` and `Content-Range: bytes S-E/fileSize` per chunk; `Content-Range: bytes */fileSize` with no body asks how much arrived (`Range: 0-N`).',
    },
    MULTI_PART_SESSION: {
      description:
        'Telestream: part i (bytes i·partSize up to (i+1)·partSize) as `POST url` with `X-Part: i` and `Content-Type: application/octet-stream`; `GET url` lists `missing_parts`. The last part answers the video.',
    },
    MULTIPART_FORM: { description: 'Dailymotion, Ziggeo: one `multipart/form-data` `POST url` with `fields` in order, then the file as `fileField`.' },
  },
});

@InputType('UploadVideoInput', { description: 'A file to upload through the gateway (GraphQL multipart request), and the video to create from it.' })
export class UploadVideoInput {
  @Field(() => ID, { description: 'Account to upload into.' })
  account!: string;

  @Field(() => GraphQLUpload, { description: 'The file, as a part of the multipart request.' })
  file!: Promise<FileUpload>;

  @Field(() => SafeInt, {
    nullable: true,
    description: 'Exact size in bytes. Given, the file streams straight to the provider; absent, it is first spooled to a temporary file on disk.',
  })
  fileSize?: number | null;

  @Field(() => String, { nullable: true, description: 'Title (Dailymotion `meta.title`, default the file name). Panda and Telestream take the file name; Ziggeo has none.' })
  title?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Profile (preset) names to encode with; `[]` for none; absent: the provider’s default (Panda: every profile of the cloud). Not for Ziggeo.',
  })
  profiles?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Free text stored with the video (Panda, Telestream: `payload`; Dailymotion: `meta.payload`).' })
  payload?: string | null;

  @Field(() => String, { nullable: true, description: 'Panda/Telestream storage path format, e.g. `:date/:id`.' })
  pathFormat?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An id of your choosing (8–64 of `A-Za-z0-9_-`) to follow the upload with `uploadSession` while it runs; a random one otherwise.',
  })
  uploadId?: string | null;
}

@ObjectType('UploadVideoPayload', { description: 'The video an upload created, and the upload’s final progress.' })
export class UploadVideoPayload {
  @Field(() => Video, { description: 'The created video as the provider answered.' })
  video!: unknown;

  @Field(() => UploadSessionType, { description: 'The upload’s session, as `uploadSession` shows it.' })
  upload!: UploadSessionType;
}

@InputType('CreateUploadTicketInput', { description: 'A file a browser is about to upload straight to the provider.' })
export class CreateUploadTicketInput {
  @Field(() => ID, { description: 'Account to upload into.' })
  account!: string;

  @Field(() => String, { description: 'Name of the file being uploaded.' })
  fileName!: string;

  @Field(() => SafeInt, { description: 'Exact size of the file in bytes.' })
  fileSize!: number;

  @Field(() => String, { nullable: true, description: 'Title (Dailymotion only).' })
  title?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Profile (preset) names to encode with; `[]` for none; absent: the provider’s default (Panda: every profile of the cloud). Not for Ziggeo.',
  })
  profiles?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Free text stored with the video (Panda, Telestream, Dailymotion).' })
  payload?: string | null;

  @Field(() => String, { nullable: true, description: 'Panda/Telestream storage path format.' })
  pathFormat?: string | null;
}

@ObjectType('UploadTicket', { description: 'What a browser needs to upload a file straight to the provider; finish with `completeUpload`.' })
export class UploadTicketType {
  @Field(() => ID, { description: 'Pass it to `completeUpload` once the browser is done.' })
  id!: string;

  @Field(() => UploadTicketProtocolEnum, { description: 'How to send the file.' })
  protocol!: TicketProtocol;

  @Field(() => String, { description: 'HTTP method of the upload requests.' })
  method!: string;

  @Field(() => String, { description: 'Where the browser sends the file: a session location, an upload URL or a form action. Holds its own credentials; treat it as a secret.' })
  url!: string;

  @Field(() => [SignedParam], { description: 'Form fields to send before the file, in order (MULTIPART_FORM).' })
  fields!: SignedParam[];

  @Field(() => String, { nullable: true, description: 'Name of the form field that carries the file (MULTIPART_FORM).' })
  fileField!: string | null;

  @Field(() => SafeInt, { description: 'The file size the ticket was made for.' })
  fileSize!: number;

  @Field(() => SafeInt, { nullable: true, description: 'Bytes per part (MULTI_PART_SESSION).' })
  partSize!: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Number of parts (MULTI_PART_SESSION).' })
  parts!: number | null;

  @Field(() => DateTime, { description: 'After this the ticket and its URL are no longer good.' })
  expiresAt!: Date;

  @Field(() => SignedUpload, {
    nullable: true,
    description:
      'Panda, Telestream: the signed `POST /videos/upload.json` (params in the query string) that opens another session for the same file, should the browser need one; it expires sooner than the ticket.',
  })
  sessionRequest!: SignedUpload | null;
}

@InputType('CompleteUploadInput', { description: 'A direct upload the browser has finished.' })
export class CompleteUploadInput {
  @Field(() => ID, { description: 'The ticket’s id.' })
  ticket!: string;

  @Field(() => String, { nullable: true, description: 'Telestream: the `id` of the video the last part answered.' })
  videoId?: string | null;

  @Field(() => String, { nullable: true, description: 'Dailymotion: the `url` the upload server answered.' })
  uploadedUrl?: string | null;
}
