import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, SafeInt } from './scalars';
import type { UploadState } from '../../uploads/sessions';

/** An upload through the gateway as clients follow it: shared by `uploadVideo` and providers' media uploads. */

export enum UploadStateEnum {
  RECEIVING = 'RECEIVING',
  SENDING = 'SENDING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
registerEnumType(UploadStateEnum, {
  name: 'UploadState',
  description: 'Where an upload through the gateway stands.',
  valuesConfig: {
    RECEIVING: { description: 'Reading the file from the client (spooling it to disk when no `fileSize` was declared).' },
    SENDING: { description: 'Sending the file to the provider.' },
    COMPLETED: { description: 'The provider has the whole file and created the video.' },
    FAILED: { description: 'The upload ended with an error; the provider keeps nothing of it.' },
  },
});

@ObjectType('UploadSession', { description: 'Progress of one upload through the gateway; kept an hour after it ends.' })
export class UploadSessionType {
  @Field(() => ID, { description: 'The `uploadId` chosen by the client, or a random one.' })
  id!: string;

  @Field(() => ID, { description: 'The account the file goes to.' })
  account!: string;

  @Field(() => String, { description: 'The file’s base name.' })
  fileName!: string;

  @Field(() => UploadStateEnum, { description: 'Where the upload stands.' })
  state!: UploadState;

  @Field(() => SafeInt, { description: 'Bytes read from the client so far.' })
  bytesReceived!: number;

  @Field(() => SafeInt, { description: 'Bytes the provider has confirmed (Panda, Telestream sessions) or was sent (Dailymotion, Ziggeo).' })
  bytesSent!: number;

  @Field(() => SafeInt, { nullable: true, description: 'Size of the file: as declared, or once spooled; null before.' })
  bytesTotal!: number | null;

  @Field(() => DateTime, { description: 'When the upload started.' })
  startedAt!: Date;

  @Field(() => DateTime, { description: 'Last change of state or byte counts.' })
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why the upload failed.' })
  error!: string | null;

  /** The provider's id of the created video (resolved to `video`). */
  videoId!: string | null;
}
